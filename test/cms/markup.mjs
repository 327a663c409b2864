// What the markup tests compare: the widgets of a page as a browser reads them, and the fixture's
// figures as the render helpers take them.
import { readFileSync } from 'node:fs';

export const fixture = new URL('./fixtures/widgets.json', import.meta.url).pathname;

/**
 * The widgets of a page: each element's markup with whitespace between tags dropped and the
 * equivalent spellings of a character made one (&#39; and &#039;, %27 and ' in a URL), and the
 * structured data parsed.
 */
export function widgetsOf(html) {
  const elements = [...html.matchAll(/<(article-rating|opinion-poll|share-bar)[\s\S]*?<\/\1>/g)].map(([markup]) =>
    markup.replace(/>\s+</g, '><').replace(/&#0?39;|%27/g, "'").replace(/&#0?34;/g, '&quot;'),
  );
  const jsonld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(([, json]) => JSON.parse(json));
  return { elements, jsonld };
}

/** The fixture: its polls, and each rating as { votes, average } (a distribution summed up). */
export function fixtureData() {
  const data = JSON.parse(readFileSync(fixture, 'utf8'));
  const ratings = new Map(
    data.ratings.map(({ articleId, distribution, votes, average }) => {
      if (!distribution) return [articleId, { votes, average }];
      const count = distribution.reduce((sum, n) => sum + n, 0);
      return [articleId, { votes: count, average: distribution.reduce((sum, n, i) => sum + n * (i + 1), 0) / count }];
    }),
  );
  return { ratings, polls: data.polls };
}
