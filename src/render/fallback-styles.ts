import { pollCatalogs } from '../opinion-poll/opinion-poll.messages.js';
import pollRussian from '../opinion-poll/opinion-poll.messages.ru.js';
import { ratingCatalogs } from '../article-rating/article-rating.messages.js';
import ratingRussian from '../article-rating/article-rating.messages.ru.js';
import { shareCatalogs } from '../share-bar/share-bar.messages.js';
import shareRussian from '../share-bar/share-bar.messages.ru.js';
import { networkNamed } from '../share-bar/networks.js';

/** `text` as a CSS string. */
function cssString(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\a ')}'`;
}

/**
 * The rules `rules` writes with an element's strings in each language it speaks: English for every
 * page (`language` ''), Russian where the element's language is (`language` ':lang(ru)').
 */
function inEachLanguage<S>(strings: { en: S; ru: S }, rules: (strings: S, language: string) => string[]): string {
  return [...rules(strings.en, ''), ...rules(strings.ru, ':lang(ru)')].join('\n');
}

/**
 * The element's own words for hidden results, in each language it speaks (English unless the
 * poll's language is another), so the fallback's note wraps where the element's will.
 */
function hiddenResultsNotes(): string {
  return inEachLanguage({ en: pollCatalogs.en, ru: pollRussian }, (strings, language) => [
    `  opinion-poll[data-results='after-vote']${language}:not([data-closed]):not(:defined) > ul::after {\n    content: ${cssString(strings.pollAfterVote)};\n  }`,
    `  opinion-poll[data-results='after-close']${language}:not([data-closed]):not(:defined) > ul::after {\n    content: ${cssString(strings.pollAfterClose)};\n  }`,
  ]);
}

/**
 * The rating's words, in each language, as the element writes them: its call to action ("Rate this
 * article"), and below its minimum of votes (votes but no average on the page) what follows the
 * count ("2 votes, not enough for an average yet").
 */
function ratingWords(): string {
  return inEachLanguage({ en: ratingCatalogs.en, ru: ratingRussian }, (strings, language) => [
    `  article-rating${language}:not(:defined)::before {\n    content: ${cssString(strings.ratingLabel)};\n  }`,
    `  article-rating[min-votes][votes]:not([average])${language}:not(:defined)::after {\n    content: ${cssString(strings.ratingTooFew.replace('{votes}', ''))};\n  }`,
  ]);
}

/**
 * Where the element will show a button the fallback has no link for, as the list's ::before
 * (Mastodon: named, or in the default networks of a language other than Russian, Belarusian and
 * Kazakh) and ::after (copy link: named, or in every language's defaults). The share sheet
 * (`native`) is left out: not every browser has one.
 */
const scriptOnlyButtons = {
  before: { network: 'mastodon', bars: ["share-bar[networks~='mastodon']", 'share-bar:not([networks]):not(:lang(ru)):not(:lang(be)):not(:lang(kk))'] },
  after: { network: 'copy', bars: ["share-bar[networks~='copy']", 'share-bar:not([networks])'] },
};

/**
 * The share bar's words in each language: its label ("Share this article") where the site sets
 * none, and with `labels` the names of the buttons only the script adds ("Mastodon", "Copy link").
 */
function shareWords(): string {
  return inEachLanguage({ en: shareCatalogs.en, ru: shareRussian }, (strings, language) => {
    const name = (network: string) => cssString(strings.shareNames[network] ?? networkNamed(network)!.label);
    const buttons = Object.entries(scriptOnlyButtons).map(
      ([pseudo, { network, bars }]) =>
        `${bars.map((bar) => `  ${bar}[labels]${language}:not(:defined) > ul::${pseudo}`).join(',\n')} {\n    content: ${name(network)};\n  }`,
    );
    return [`  share-bar:not([label]):not([hide-label])${language}:not(:defined)::before {\n    content: ${cssString(strings.shareLabel)};\n  }`, ...buttons];
  });
}

/**
 * The room each element takes once upgraded, given to its server-rendered fallback
 * (`:not(:defined)`), so nothing moves when the script runs: the rating's line, the share bar's
 * row of buttons, and the poll's heading, option rows (the label line and the bar beneath),
 * notes and Vote button, in the element's own sizes. Put it in the page's stylesheet (a file, for
 * a strict Content-Security-Policy: the WordPress plugin ships it as article-widgets.css).
 *
 * Where the script will run the fallback is laid out as the element (the same lines, the same
 * words where CSS can know them, sizes from the elements' own custom properties), so it wraps where
 * the element wraps. Measured in Chromium (test/render/variants.test.ts): no layout-shift entry
 * for any kind of rating, poll or share bar the render helpers write, in English and Russian, at
 * 640 and 320 px. Not known here: whether the browser has a share sheet (the `native` button), and
 * whether the reader has voted already.
 */
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
/* The share bar's list of links: a wrapping row (a column when vertical), each link a button's height. */
share-bar:not(:defined) {
  --aw-fallback-tile: max(24px, var(--aw-share-size, 32px));
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: var(--aw-share-gap, 0.5rem);
}
share-bar[size='small']:not(:defined) {
  --aw-fallback-tile: max(24px, var(--aw-share-size, 24px));
}
share-bar[size='large']:not(:defined) {
  --aw-fallback-tile: max(24px, var(--aw-share-size, 44px));
}
share-bar:not(:defined) > ul {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: var(--aw-share-gap, 0.5rem);
  margin: 0;
  padding: 0;
  list-style: none;
}
share-bar[vertical]:not(:defined) {
  flex-direction: column;
  align-items: start;
}
share-bar[vertical]:not(:defined) > ul {
  display: grid;
}
share-bar:not(:defined) a {
  display: block;
  min-block-size: var(--aw-fallback-tile);
  line-height: var(--aw-fallback-tile);
}
/*
 * Where the script will run, the bar as the element lays it out: its label ("Share this article",
 * or the site's), then the list, each link a button (an icon tile, or with labels the tile and the
 * name), and the room of the buttons only the script brings (Mastodon, copy link; not the share
 * sheet, which not every browser has). The list wraps as one piece, as the element's does.
 */
@media (scripting: enabled) {
  share-bar:not(:defined)::before {
    font-weight: 600;
  }
  share-bar[label]:not([hide-label]):not(:defined)::before {
    content: attr(label);
  }
  /* The icon tile alone: the name is kept for screen readers, clipped out of sight. */
  share-bar:not([labels]):not(:defined) a {
    inline-size: var(--aw-fallback-tile);
    overflow: hidden;
    white-space: nowrap;
    text-indent: 100%;
    border-radius: var(--aw-share-radius, 6px);
    box-shadow: inset 0 0 0 1px color-mix(in srgb, currentColor 30%, transparent);
  }
  share-bar[labels]:not(:defined) a,
  share-bar[labels]:not(:defined) > ul::before,
  share-bar[labels]:not(:defined) > ul::after {
    padding-inline: calc(var(--aw-fallback-tile) + 0.5em) 0.75em;
    white-space: nowrap;
  }
  /* Buttons of different widths: the script's own at the end of the list, where a site names them last. */
  share-bar[labels]:not(:defined) > ul::before {
    order: 1;
  }
  share-bar[labels]:not(:defined) > ul::after {
    order: 2;
  }
${Object.entries(scriptOnlyButtons)
  .flatMap(([pseudo, { bars }]) => bars.map((bar) => `  ${bar}:not(:defined) > ul::${pseudo}`))
  .join(',\n')} {
    content: '';
    min-inline-size: var(--aw-fallback-tile);
    block-size: var(--aw-fallback-tile);
    line-height: var(--aw-fallback-tile);
  }
${shareWords()}
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
  /* The room of the radio button or checkbox before each option (1.25em and its 0.5em gap). */
  opinion-poll:not([data-closed]):not(:defined) [data-label] {
    padding-inline-start: 1.75em;
  }
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
