// A strict site: the host page served with a Content-Security-Policy that allows no inline style
// (style="" attributes included), and with Trusted Types on top. Each widget must show exactly
// what it shows without the policy, in every state, and the page must report no violation.
import { expect } from '@open-wc/testing';
import { axeViolations, failToVote, openHostPage, retryVotes, screenshots, WIDGETS, type HostPage, type Policy, type Shots } from './harness.js';
import { until } from '../helpers.js';

const STATES = ['idle', 'error', 'voted'] as const;

/** Screenshots of every widget in each state, as a reader goes through them on a fresh page. */
async function readThrough(page: HostPage, name: string): Promise<Record<(typeof STATES)[number], Shots>> {
  const idle = await screenshots(page, `${name}-idle`);
  await failToVote(page);
  const error = await screenshots(page, `${name}-error`);
  await retryVotes(page);
  return { idle, error, voted: await screenshots(page, `${name}-voted`) };
}

/** Proves the policy is in force in the page, so that "no violation" means something. */
async function expectEnforced(page: HostPage, policy: Policy): Promise<void> {
  const seen = page.hooks.violations.length;
  const probe = page.doc.createElement('p');
  probe.setAttribute('style', 'color: rgb(255, 0, 0)');
  page.doc.body.append(probe);
  expect(page.doc.defaultView!.getComputedStyle(probe).color, 'a style attribute is refused').to.not.equal('rgb(255, 0, 0)');
  await until(() => page.hooks.violations.length === seen + 1, 'the refused style attribute to be reported');
  expect(page.hooks.violations[seen]).to.match(/^style-src-attr/);
  if (policy === 'trusted-types') {
    expect(() => (probe.innerHTML = '<b>HTML from a string</b>'), 'a string is refused as HTML').to.throw(/TrustedHTML/);
    await until(() => page.hooks.violations.length === seen + 2, 'the refused HTML to be reported');
  }
  probe.remove();
}

describe('host page with a strict policy', function () {
  this.timeout(120000);
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  for (const policy of ['strict-csp', 'trusted-types'] as const) {
    it(`${policy}: every widget looks exactly as without the policy (idle, error, voted) and no violation is reported`, async () => {
      page = await openHostPage('light-only');
      const without = await readThrough(page, 'no-policy');
      page.close();
      page = await openHostPage('light-only', policy);
      const withPolicy = await readThrough(page, policy);
      expect(page.hooks.violations, 'violations reported by the page').to.deep.equal([]);
      // axe is a script of the page's own origin, which the CSP allows; Trusted Types would refuse
      // its script URL, and that page is already the same, pixel for pixel, as one axe passed.
      if (policy === 'strict-csp') expect(await axeViolations(page), 'axe under the policy').to.deep.equal([]);
      for (const state of STATES) {
        for (const name of [...Object.keys(WIDGETS), 'page'] as (keyof Shots)[]) {
          expect(withPolicy[state][name] === without[state][name], `${name} ${state}: the same pixels with ${policy}`).to.equal(true);
        }
      }
      await expectEnforced(page, policy);
    });
  }
});
