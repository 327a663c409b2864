/**
 * The room each element takes once upgraded, given to its server-rendered fallback
 * (`:not(:defined)`), so nothing moves when the script runs: the rating's line, the share bar's
 * row of buttons, and the poll's heading, option rows (the label line and the bar beneath),
 * notes and Vote button, in the element's own sizes. Put it in the page's stylesheet (a file, for
 * a strict Content-Security-Policy: the WordPress plugin ships it as article-widgets.css).
 *
 * Measured in Chromium (test/render/): no layout shift for a rating, a share bar of one row, an
 * open poll showing its results and a closed poll. A poll with a closing date, hidden results or a
 * "Choose up to 2" line adds a line the fallback has no room for, and a vertical share bar a column.
 */
import { pollCatalogs } from '../opinion-poll/opinion-poll.messages.js';
import pollRussian from '../opinion-poll/opinion-poll.messages.ru.js';
import { ratingCatalogs } from '../article-rating/article-rating.messages.js';
import ratingRussian from '../article-rating/article-rating.messages.ru.js';

/** `text` as a CSS string. */
function cssString(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\a ')}'`;
}

/**
 * The element's own words for hidden results, in each language it speaks (English unless the
 * poll's language is another), so the fallback's note wraps where the element's will.
 */
function hiddenResultsNotes(): string {
  const languages = { en: pollCatalogs.en, ru: pollRussian };
  return Object.entries(languages)
    .flatMap(([lang, strings]) => {
      const language = lang === 'en' ? '' : `:lang(${lang})`;
      return [
        `  opinion-poll[data-results='after-vote']${language}:not([data-closed]):not(:defined) > ul::after {\n    content: ${cssString(strings.pollAfterVote)};\n  }`,
        `  opinion-poll[data-results='after-close']${language}:not([data-closed]):not(:defined) > ul::after {\n    content: ${cssString(strings.pollAfterClose)};\n  }`,
      ];
    })
    .join('\n');
}

/**
 * The rating's words, in each language, as the element writes them: its call to action ("Rate this
 * article"), and below its minimum of votes (votes but no average on the page) what follows the
 * count ("2 votes, not enough for an average yet").
 */
function ratingWords(): string {
  const languages = { en: ratingCatalogs.en, ru: ratingRussian };
  return Object.entries(languages)
    .flatMap(([lang, strings]) => {
      const language = lang === 'en' ? '' : `:lang(${lang})`;
      const tooFew = strings.ratingTooFew.replace('{votes}', '');
      return [
        `  article-rating${language}:not(:defined)::before {\n    content: ${cssString(strings.ratingLabel)};\n  }`,
        `  article-rating[min-votes][votes]:not([average])${language}:not(:defined)::after {\n    content: ${cssString(tooFew)};\n  }`,
      ];
    })
    .join('\n');
}

export const fallbackStyles = `article-rating:not(:defined) {
  display: inline-block;
  min-block-size: max(24px, var(--aw-rating-star-size, 1.5rem));
}
/*
 * Where the script will run, the rating's line as the element lays it out (its label, the room of
 * its stars, then the figures as text), wrapping where the element's wraps.
 */
@media (scripting: enabled) {
  article-rating:not(:defined) {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
  }
  /* The label, and beside it the room of the stars: five cells of the star size, never below 24px. */
  article-rating:not(:defined)::before {
    font-weight: 600;
    padding-inline-end: calc(0.5em + 5 * max(24px, var(--aw-rating-star-size, 1.5rem)) + 4 * var(--aw-rating-star-gap, 0.125rem));
    min-block-size: max(24px, var(--aw-rating-star-size, 1.5rem));
    line-height: max(24px, var(--aw-rating-star-size, 1.5rem));
  }
${ratingWords()}
}
share-bar:not(:defined) {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: var(--aw-share-gap, 0.5rem);
  min-block-size: max(24px, var(--aw-share-size, 32px));
}
share-bar[size='small']:not(:defined) {
  min-block-size: max(24px, var(--aw-share-size, 24px));
}
share-bar[size='large']:not(:defined) {
  min-block-size: max(24px, var(--aw-share-size, 44px));
}
opinion-poll:not(:defined) {
  display: grid;
  gap: 0.75em;
}
opinion-poll:not(:defined) > p,
opinion-poll:not(:defined) > ul {
  margin: 0;
  padding: 0;
  list-style: none;
}
opinion-poll:not(:defined) > ul {
  display: grid;
  gap: 0.75em;
}
opinion-poll[data-closed]:not(:defined) > p:first-child,
opinion-poll:not(:defined) > ul ~ p {
  font-size: 0.875em;
}
opinion-poll:not(:defined) li {
  display: grid;
  grid-template-columns: 1fr auto;
  gap: 0.25em 1em;
}
opinion-poll:not([data-closed]):not(:defined) li {
  grid-template-rows: minmax(24px, auto);
}
opinion-poll:not(:defined) li[data-votes]::after {
  content: '';
  grid-column: 1 / -1;
  block-size: var(--aw-poll-bar-size, 0.5rem);
}
/*
 * Where the script will run: the room of the open poll's heading ("Poll") and its Vote button,
 * and of the notes only a reader who can vote sees: "Choose up to 2." under the question, "Open
 * until June 30, 2027" and "Results are shown once you vote." (or "... once the poll closes.")
 * under the options, each a line of the element's note size, 0.75em apart as in the element.
 */
@media (scripting: enabled) {
  opinion-poll[data-multiple]:not([data-closed]):not(:defined) > p[data-question]::after,
  opinion-poll[data-closes-at]:not([data-results]):not([data-closed]):not(:defined) > ul::after,
  opinion-poll[data-results]:not([data-closed]):not(:defined) > ul::after,
  opinion-poll[data-results][data-closes-at]:not([data-closed]):not(:defined) li:last-child::after {
    content: '\\a0';
    display: block;
    font-size: 0.875em;
    color: var(--aw-poll-muted-color, light-dark(#57534e, #a8a29e));
  }
  /* 0.75em of the text around it, written in the note's own em (0.875 of it). */
  opinion-poll:not(:defined) > p[data-question]::after {
    margin-block-start: calc(0.75em / 0.875);
  }
  /* The last option's row gap (0.25em) and this margin make the 0.75em between the element's notes. */
  opinion-poll[data-results][data-closes-at]:not([data-closed]):not(:defined) li:last-child::after {
    grid-column: 1 / -1;
    margin-block-start: calc(0.5em / 0.875);
  }
${hiddenResultsNotes()}
  opinion-poll:not([data-closed]):not(:defined)::before {
    content: '\\a0';
    font-size: 0.875em;
  }
  opinion-poll:not([data-closed]):not(:defined)::after {
    content: '\\a0';
    box-sizing: border-box;
    justify-self: start;
    min-block-size: 2.25em;
    padding-block: 0.25em;
    border-block: 1px solid transparent;
  }
}
`;
