/**
 * Registers all three elements under their default tags, and exports the public API: the entry
 * of dist/article-widgets.js, the file a site loads with a plain <script type="module" src>.
 */
import { ArticleRating } from './article-rating/article-rating.js';
import { ratingCatalogs } from './article-rating/article-rating.messages.js';
import { loadStrings, languageOf } from './internal/i18n.js';
import { OpinionPoll } from './opinion-poll/opinion-poll.js';
import { pollCatalogs } from './opinion-poll/opinion-poll.messages.js';
import { ShareBar } from './share-bar/share-bar.js';
import { shareCatalogs } from './share-bar/share-bar.messages.js';

export * from './index.js';

function define(): void {
  ArticleRating.define();
  OpinionPoll.define();
  ShareBar.define();
}

// On a page in a language whose strings load apart (Russian), the elements are defined once they
// are here: defined earlier, each would drop its server-rendered fallback and stand empty, its
// height 0, for the frames the strings take to load, and the page would jump twice. (No document:
// a server-rendering framework importing the entry in Node.)
const strings = typeof document === 'undefined' ? undefined : loadStrings(languageOf(document.documentElement), [ratingCatalogs, pollCatalogs, shareCatalogs]);
if (strings) void strings.then(define);
else define();
