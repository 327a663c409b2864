/**
 * The entry of dist/article-widgets.js, the file a site loads with a plain <script type="module"
 * src>: registers all three elements, and exports the public API but `parseWidgetData`, whose
 * check every page would load up front for a step a site takes once; `checkWidgetData` is the same
 * check, loaded on first use.
 */
import { registerElements } from './register.js';

export * from './api.js';

registerElements();
