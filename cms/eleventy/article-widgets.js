// An Eleventy plugin: shortcodes that render the widgets with their figures at build time, through
// article-widgets/render (the same markup as the WordPress plugin and the Hugo and Jekyll
// partials). The figures come from the API, or from widget data ({ ratings, polls }, the server's
// seed shape) when the site has no server to ask at build time.
//
//   import articleWidgets from 'article-widgets/eleventy';   // or copy this file
//   eleventyConfig.addPlugin(articleWidgets, { api: 'https://widgets.example.org/api', siteUrl: 'https://example.org', minVotes: 3 });
//
//   {% articleRating page.fileSlug %}   {% articleRating "a1", { structured: "Book" } %}
//   {% opinionPoll "reader-topics" %}   {% shareBar %}   {% shareBar { networks: "telegram vk email" } %}
//
// A page's language is its `lang` data (Russian pages get Russian text); the share bar shares the
// page's address on `siteUrl` and its `title`.
import { fetchPoll, fetchRatings, renderPoll, renderRating, renderRatingJsonLd, renderShareBar } from 'article-widgets/render';

/**
 * @param {any} eleventyConfig
 * @param {{ api?: string, data?: { ratings?: any[], polls?: any[] }, siteUrl?: string, minVotes?: number, networks?: string }} options
 */
export default function articleWidgets(eleventyConfig, { api, data, siteUrl = '', minVotes = 0, networks } = {}) {
  if (!api && !data) throw new TypeError('article-widgets/eleventy: give `api` (the server\'s API URL) or `data` (widget data).');
  const warn = (id, error) => console.warn(`article-widgets/eleventy: no figures for "${id}" (${error.message}); the element will load them.`);

  async function ratingOf(id) {
    if (api) return (await fetchRatings(api, [id], { onError: warn })).get(id);
    const rating = data.ratings?.find((r) => r.articleId === id);
    if (!rating?.distribution) return rating && { votes: rating.votes, average: rating.average };
    const votes = rating.distribution.reduce((sum, n) => sum + n, 0);
    return { votes, average: votes && rating.distribution.reduce((sum, n, i) => sum + n * (i + 1), 0) / votes };
  }

  const pollOf = (id) => (api ? fetchPoll(api, id, { onError: warn }) : data.polls?.find((p) => p.id === id));
  /** What a shortcode knows of its page: its language, title and address. */
  const pageOf = (context) => ({
    lang: context.ctx?.lang ?? context.page?.lang ?? 'en',
    title: context.ctx?.title ?? '',
    url: new URL(context.page?.url ?? '/', siteUrl || 'http://localhost/').href,
  });

  eleventyConfig.addAsyncShortcode('articleRating', async function (id, { summary, readonly, structured } = {}) {
    const page = pageOf(this);
    const figures = await ratingOf(id);
    const jsonld = structured ? renderRatingJsonLd({ type: structured, name: page.title, url: page.url, figures, minVotes }) : '';
    return renderRating(id, figures, { lang: page.lang, minVotes, summary, readonly }) + jsonld;
  });

  eleventyConfig.addAsyncShortcode('opinionPoll', async function (id) {
    return renderPoll(id, await pollOf(id), { lang: pageOf(this).lang });
  });

  eleventyConfig.addShortcode('shareBar', function (options = {}) {
    const page = pageOf(this);
    return renderShareBar({ url: page.url, title: page.title, lang: page.lang, networks: options.networks ?? networks });
  });
}
