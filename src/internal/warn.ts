const warned = new WeakMap<Element, Set<string>>();

/**
 * A console warning about a site's mistake (a bad attribute, an unknown name), once per element
 * and problem, so a re-render does not flood the console.
 */
export function warnOnce(element: Element, problem: string, message: string): void {
  let seen = warned.get(element);
  if (!seen) warned.set(element, (seen = new Set()));
  if (seen.has(problem)) return;
  seen.add(problem);
  console.warn(`article-widgets: <${element.localName}> ${message}`, element);
}
