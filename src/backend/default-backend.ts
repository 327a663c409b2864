import type { WidgetBackend } from './backend.js';

let pageDefault: WidgetBackend | undefined;

/**
 * Sets the backend of every widget on the page that has neither a `backend` property nor an
 * `api` attribute. Call it before or after the elements render: they pick it up when they next
 * connect or refresh.
 */
export function setDefaultBackend(backend: WidgetBackend | undefined): void {
  pageDefault = backend;
}

/** The backend set by `setDefaultBackend()`, if any. */
export function getDefaultBackend(): WidgetBackend | undefined {
  return pageDefault;
}
