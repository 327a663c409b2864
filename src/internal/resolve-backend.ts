/**
 * How an element finds its backend: its `backend` property; else its `api` attribute; else the
 * page default (`setDefaultBackend()`, then `<meta name="article-widgets:api" content="URL">`).
 */
import type { WidgetBackend } from '../backend/backend.js';
import { getDefaultBackend } from '../backend/default-backend.js';
import { HttpBackend } from '../backend/http-backend.js';
import { shared } from './page-registry.js';

export const META_API = 'article-widgets:api';

const byUrl = shared('backendsByApi', () => new Map());

/** One backend per API URL, so every element pointing at the same server shares reads (of every copy on the page). */
function backendForApi(url: string | undefined): WidgetBackend | undefined {
  if (!url) return undefined;
  let backend = byUrl.get(url);
  if (!backend) byUrl.set(url, (backend = new HttpBackend(url)));
  return backend;
}

/**
 * The page's `<meta name="article-widgets:api">`, looked for in the head, where a meta belongs:
 * not through the whole of a listing page, once for each of its thousand widgets.
 */
function metaApi(): string | undefined {
  return document.head?.querySelector<HTMLMetaElement>(`meta[name="${META_API}"]`)?.content.trim();
}

export interface BackendHost {
  backend?: WidgetBackend;
  api?: string;
}

export function resolveBackend(host: BackendHost): WidgetBackend | undefined {
  return host.backend ?? backendForApi(host.api) ?? pageBackend();
}

/** The page default: `setDefaultBackend()`, else the `<meta>`. */
export function pageBackend(): WidgetBackend | undefined {
  return getDefaultBackend() ?? backendForApi(metaApi());
}
