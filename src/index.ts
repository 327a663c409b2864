/**
 * The public API of article-widgets: element classes, backends and configuration. Importing it
 * registers nothing; import `article-widgets/define` (or load dist/article-widgets.js) for that,
 * or call `ArticleRating.define('my-tag')` to register under a tag of your own.
 */
export * from './api.js';
export { parseWidgetData } from './contract/widget-data.js';
