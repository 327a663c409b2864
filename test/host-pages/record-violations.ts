/**
 * Every Content-Security-Policy (and Trusted Types) violation the host page reports, from before
 * any other script runs: host-page.ts imports this module first, so it is evaluated first.
 */
export const violations: string[] = [];

document.addEventListener(
  'securitypolicyviolation',
  (event) => violations.push(`${event.effectiveDirective}: ${event.blockedURI || event.sample || '(inline)'}`),
  true,
);
