/**
 * Registers `element` under `tag` in `registry` unless the tag is taken. A class can back one tag
 * only, so a second tag (a site renaming an element on a clash) gets a subclass of its own.
 */
export function defineElement(element: CustomElementConstructor, tag: string, registry: CustomElementRegistry): void {
  if (registry.get(tag)) return;
  try {
    registry.define(tag, element);
  } catch {
    registry.define(tag, class extends element {});
  }
}
