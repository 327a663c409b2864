import { ArticleRating } from './article-rating/article-rating.js';
import { OpinionPoll } from './opinion-poll/opinion-poll.js';
import { ShareBar } from './share-bar/share-bar.js';

/**
 * Registers all three elements under their default tags: what `article-widgets/define` and the
 * script-tag bundle do when loaded. A function they call rather than a module they import for its
 * side effects: a bundler drops such an import from a package whose modules it takes to have none
 * (package.json `sideEffects`).
 */
export function registerElements(): void {
  ArticleRating.define();
  OpinionPoll.define();
  ShareBar.define();
}
