import type { WidgetBackend } from './backend.js';

let pageDefault: WidgetBackend | undefined;
const listeners = new Set<() => void>();

/**
 * Sets the backend of every widget on the page that has neither a `backend` property nor an
 * `api` attribute. Widgets already on the page switch to it at once, so a page may set it after
 * loading the elements (for example once its data has been fetched).
 */
export function setDefaultBackend(backend: WidgetBackend | undefined): void {
  pageDefault = backend;
  listeners.forEach((listener) => listener());
}

/** The backend set by `setDefaultBackend()`, if any. */
export function getDefaultBackend(): WidgetBackend | undefined {
  return pageDefault;
}

/** Calls `listener` whenever the page default changes; returns the function that stops it. */
export function onDefaultBackendChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
