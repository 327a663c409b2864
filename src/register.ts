import { ArticleRating, catalogsOfRating } from './article-rating/article-rating.js';
import { languageOf, loadStrings } from './internal/i18n.js';
import { OpinionPoll, catalogsOfPoll } from './opinion-poll/opinion-poll.js';
import { ShareBar, catalogsOfShareBar } from './share-bar/share-bar.js';

function defineAll(): void {
  ArticleRating.define();
  OpinionPoll.define();
  ShareBar.define();
}

/**
 * Registers all three elements under their default tags: what `article-widgets/define` and the
 * script-tag bundle do when loaded. A function they call rather than a module they import for its
 * side effects: a bundler drops such an import from a package whose modules it takes to have none
 * (package.json `sideEffects`).
 *
 * On a page in a language whose strings load apart (Russian), the elements are defined once those
 * strings are here: defined earlier, each would drop its server-rendered fallback and stand empty,
 * its height 0, for the frames the strings take to load, and the page would jump twice. (No
 * document: a server-rendering framework importing the entry in Node.)
 */
export function registerElements(): void {
  const strings =
    typeof document === 'undefined' ? undefined : loadStrings(languageOf(document.documentElement), [...catalogsOfRating, ...catalogsOfPoll, ...catalogsOfShareBar]);
  if (strings) void strings.then(defineAll);
  else defineAll();
}
