const told = new WeakMap<Element, Set<string>>();

/**
 * A console warning about a site's mistake (a bad attribute, an unknown name), once per element
 * and problem, so a re-render does not flood the console. `level: 'error'` for what the element
 * refuses outright.
 */
export function warnOnce(element: Element, problem: string, message: string, level: 'warn' | 'error' = 'warn'): void {
  let seen = told.get(element);
  if (!seen) told.set(element, (seen = new Set()));
  if (seen.has(problem)) return;
  seen.add(problem);
  console[level](`article-widgets: <${element.localName}> ${message}`, element);
}
