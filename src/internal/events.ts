/**
 * Fires a typed event from `element`: bubbling and composed (it crosses shadow roots, so a site
 * can listen on document), with a flat, serialisable detail. Returns false when a listener
 * called preventDefault() on a cancelable event.
 */
export function emit<T>(element: HTMLElement, type: string, detail: T, { cancelable = false } = {}): boolean {
  return element.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
}
