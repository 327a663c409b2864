import type { WidgetBackend } from './backend.js';
import { shared } from '../internal/page-registry.js';

const pageDefault = shared('defaultBackend', () => ({ listeners: new Set() }));

/**
 * Sets the backend of every widget on the page that has neither a `backend` property nor an
 * `api` attribute. Widgets already on the page switch to it at once, so a page may set it after
 * loading the elements (for example once its data has been fetched). It reaches the elements of
 * every copy of article-widgets on the page.
 */
export function setDefaultBackend(backend: WidgetBackend | undefined): void {
  pageDefault.current = backend;
  pageDefault.listeners.forEach((listener) => listener());
}

/** The backend set by `setDefaultBackend()`, if any. */
export function getDefaultBackend(): WidgetBackend | undefined {
  return pageDefault.current;
}

/** Calls `listener` whenever the page default changes; returns the function that stops it. */
export function onDefaultBackendChange(listener: () => void): () => void {
  pageDefault.listeners.add(listener);
  return () => pageDefault.listeners.delete(listener);
}
