/**
 * `article-widgets/define`: registers all three elements under their default tags, and exports
 * the public API of the package root.
 */
import { registerElements } from './register.js';

export * from './index.js';

registerElements();
