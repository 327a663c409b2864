/**
 * Registers all three elements under their default tags, and exports the public API: the entry
 * of dist/article-widgets.js, the file a site loads with a plain <script type="module" src>.
 */
import { ArticleRating } from './article-rating/article-rating.js';
import { OpinionPoll } from './opinion-poll/opinion-poll.js';
import { ShareBar } from './share-bar/share-bar.js';

export * from './index.js';

ArticleRating.define();
OpinionPoll.define();
ShareBar.define();
