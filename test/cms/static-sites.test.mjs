// The static-site partials, built for real: a tiny Hugo site, a tiny Jekyll site (Debian's hugo
// and jekyll) and a tiny Eleventy site (the npm package, with cms/eleventy) render the same
// figures, from a data file and (Hugo, Eleventy) from the real reference server at build time,
// and must write what article-widgets/render writes for the same figures.
// Run: npm run build && node --test test/cms/
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cmsAssets } from '../../scripts/cms-assets.mjs';
import { startReferenceServer } from '../reference-server.mjs';
import { fixture, fixtureData, widgetsOf } from './markup.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'aw-static-'));
const TITLE = 'Tom & Jerry\'s <b>rated</b> piece';
let server;

// What each page shows: the same calls in each generator's syntax.
const WIDGETS = [
  ['rating', 'rated', { structured: true }], ['rating', 'few', { structured: true }], ['rating', 'quarter'], ['rating', 'unrated'], ['rating', 'unknown'],
  ['poll', 'topics'], ['poll', 'formats'], ['poll', 'ties'], ['poll', 'unknown'], ['share-bar'], ['share-bar', null, { networks: 'telegram vk email' }],
];

function hugoCall([kind, id, options = {}]) {
  const args = [['page', '.'], ...(id ? [['id', `"${id}"`]] : []), ...Object.entries(options).map(([k, v]) => [k, typeof v === 'string' ? `"${v}"` : v])];
  return `{{ partial "article-widgets/${kind}.html" (dict ${args.map(([k, v]) => `"${k}" ${v}`).join(' ')}) }}`;
}

function jekyllCall([kind, id, options = {}]) {
  const args = [...(id ? [['id', `"${id}"`]] : []), ...Object.entries(options).map(([k, v]) => [k, typeof v === 'string' ? `"${v}"` : v])];
  return `{% include article-widgets/${kind}.html ${args.map(([k, v]) => `${k}=${v}`).join(' ')} %}`;
}

function eleventyCall([kind, id, options = {}]) {
  const name = { rating: 'articleRating', poll: 'opinionPoll', 'share-bar': 'shareBar' }[kind];
  const settings = { ...options, ...(options.structured ? { structured: 'Book' } : {}) };
  const args = [...(id ? [`"${id}"`] : []), ...(Object.keys(settings).length ? [JSON.stringify(settings)] : [])];
  return `{% ${name} ${args.join(', ')} %}`;
}

const page = (calls) => `<html><body>\n${calls.join('\n')}\n</body></html>\n`;
const frontMatter = (extra = '') => `---\ntitle: "${TITLE.replace(/"/g, '\\"')}"\n${extra}---\nText.\n`;

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`);
}

/** A Hugo site with the partials, in English and Russian; `api` makes it read the server at build time. */
function buildHugo(name, { api } = {}) {
  const site = join(dir, name);
  mkdirSync(join(site, 'layouts/_default'), { recursive: true });
  mkdirSync(join(site, 'content'), { recursive: true });
  mkdirSync(join(site, 'data'), { recursive: true });
  cpSync(join(repo, 'cms/hugo/layouts/partials'), join(site, 'layouts/partials'), { recursive: true });
  cpSync(join(repo, 'cms/share-networks.json'), join(site, 'data/article_widgets_networks.json'));
  if (!api) cpSync(fixture, join(site, 'data/article_widgets.json'));
  writeFileSync(join(site, 'config.toml'), `baseURL = "https://example.org/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
[languages.en]
languageCode = "en"
[languages.ru]
languageCode = "ru"
[params.articleWidgets]
minVotes = 2
structured = "Book"
${api ? `api = "${api}"` : ''}
[caches.getresource]
maxAge = 0
`);
  writeFileSync(join(site, 'layouts/_default/single.html'), page(WIDGETS.map(hugoCall)));
  writeFileSync(join(site, 'content/post.md'), frontMatter());
  writeFileSync(join(site, 'content/post.ru.md'), frontMatter());
  run('hugo', ['--quiet', '--destination', join(site, 'public')], site);
  return { en: readFileSync(join(site, 'public/post/index.html'), 'utf8'), ru: readFileSync(join(site, 'public/ru/post/index.html'), 'utf8') };
}

/** An Eleventy site with the plugin (cms/eleventy), from widget data or from the server. */
async function buildEleventy(name, { api } = {}) {
  const { default: Eleventy } = await import('@11ty/eleventy');
  const { default: articleWidgets } = await import('article-widgets/eleventy');
  const site = join(dir, name);
  mkdirSync(join(site, 'src/ru'), { recursive: true });
  const layout = page(WIDGETS.map(eleventyCall));
  writeFileSync(join(site, 'src/post.njk'), `${frontMatter('permalink: /post/\n').replace('\nText.\n', '\n')}${layout}`);
  writeFileSync(join(site, 'src/ru/post.njk'), `${frontMatter('permalink: /ru/post/\nlang: ru\n').replace('\nText.\n', '\n')}${layout}`);
  const options = { siteUrl: 'https://example.org', minVotes: 2, ...(api ? { api } : { data: JSON.parse(readFileSync(fixture, 'utf8')) }) };
  const eleventy = new Eleventy(join(site, 'src'), join(site, '_site'), {
    quietMode: true,
    config: (config) => config.addPlugin(articleWidgets, options),
  });
  await eleventy.write();
  return { en: readFileSync(join(site, '_site/post/index.html'), 'utf8'), ru: readFileSync(join(site, '_site/ru/post/index.html'), 'utf8') };
}

function buildJekyll() {
  const site = join(dir, 'jekyll');
  mkdirSync(join(site, '_layouts'), { recursive: true });
  mkdirSync(join(site, '_data'), { recursive: true });
  cpSync(join(repo, 'cms/jekyll/_includes'), join(site, '_includes'), { recursive: true });
  cpSync(join(repo, 'cms/share-networks.json'), join(site, '_data/article_widgets_networks.json'));
  cpSync(fixture, join(site, '_data/article_widgets.json'));
  writeFileSync(join(site, '_config.yml'), 'url: "https://example.org"\nlang: en\narticle_widgets:\n  min_votes: 2\n  structured: Book\n');
  writeFileSync(join(site, '_layouts/default.html'), page(WIDGETS.map(jekyllCall)));
  writeFileSync(join(site, 'post.md'), frontMatter('layout: default\npermalink: /post/\n'));
  writeFileSync(join(site, 'post-ru.md'), frontMatter('layout: default\npermalink: /ru/post/\nlang: ru\n'));
  run('jekyll', ['build', '--quiet', '--destination', join(site, '_site')], site);
  return { en: readFileSync(join(site, '_site/post/index.html'), 'utf8'), ru: readFileSync(join(site, '_site/ru/post/index.html'), 'utf8') };
}

/** The page as article-widgets/render writes it from the fixture: the reference markup. */
async function rendered(lang) {
  const { renderRating, renderPoll, renderShareBar, renderRatingJsonLd } = await import(join(repo, 'dist/render.js'));
  const { ratings, polls } = fixtureData();
  const url = `https://example.org/${lang === 'ru' ? 'ru/' : ''}post/`;
  const figures = (id) => ratings.get(id);
  const html = WIDGETS.map(([kind, id, options = {}]) => {
    if (kind === 'rating') {
      const jsonld = options.structured ? renderRatingJsonLd({ type: 'Book', name: TITLE, url, figures: figures(id), minVotes: 2 }) : '';
      return renderRating(id, figures(id), { lang, minVotes: 2 }) + jsonld;
    }
    if (kind === 'poll') return renderPoll(id, polls.find((p) => p.id === id), { lang });
    return renderShareBar({ url, title: TITLE, lang, networks: options.networks });
  });
  return widgetsOf(page(html));
}

const missing = ['hugo', 'jekyll'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);

before(async () => {
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: apt-get install -y --no-install-recommends hugo jekyll (as .ci/run does)`);
  server = await startReferenceServer(['--db', join(dir, 'widgets.sqlite'), '--seed', fixture]);
});

after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('static-site partials', () => {
  let hugo;
  let jekyll;

  it('cms/share-networks.json and cms/article-widgets.css are made from the elements\' sources (node scripts/cms-assets.mjs)', async () => {
    for (const [name, text] of Object.entries(await cmsAssets())) assert.equal(readFileSync(join(repo, 'cms', name), 'utf8'), text, name);
  });

  it('Hugo renders the figures from a data file', () => {
    hugo = buildHugo('hugo-data');
    const { elements, jsonld } = widgetsOf(hugo.en);
    assert.equal(elements[0], '<article-rating article-id="rated" votes="8" average="4.38" min-votes="2">Rated 4.4 out of 5 (8 votes)</article-rating>');
    assert.equal(elements[1], '<article-rating article-id="few" votes="1" min-votes="2">1 vote</article-rating>', 'below the minimum: no average');
    assert.equal(elements[2], '<article-rating article-id="quarter" votes="4" average="4.25" min-votes="2">Rated 4.3 out of 5 (4 votes)</article-rating>', '4.25 rounds up, as in JavaScript');
    assert.equal(elements[3], '<article-rating article-id="unrated" votes="0" average="0" min-votes="2">Not rated yet</article-rating>');
    assert.equal(elements[4], '<article-rating article-id="unknown" min-votes="2"></article-rating>');
    assert.equal(elements[5], '<opinion-poll poll-id="topics"><p data-question><strong>Which &lt;topic&gt; &amp; why?</strong></p><ul>' +
      '<li data-option="o1" data-votes="33"><span data-label>Security &amp; &quot;defence&quot;</span> 33 (31%)</li>' +
      '<li data-option="o2" data-votes="30"><span data-label>Energy</span> 30 (28%)</li>' +
      '<li data-option="o3" data-votes="24"><span data-label>Asia</span> 24 (22%)</li>' +
      '<li data-option="o4" data-votes="21"><span data-label>The Arctic</span> 21 (19%)</li></ul><p>108 votes</p></opinion-poll>');
    assert.equal(elements[6], '<opinion-poll poll-id="formats" data-closed data-multiple="2" data-voters="10"><p>Poll conducted</p>' +
      '<p data-question><strong>Which formats do you read?</strong></p><ul><li data-option="a" data-votes="6"><span data-label>Analysis</span> 6 (60%)</li>' +
      '<li data-option="b" data-votes="5"><span data-label>Interviews</span> 5 (50%)</li></ul><p>11 votes</p><p>Shares are of all voters (10), who could each choose several options.</p></opinion-poll>');
    assert.match(elements[7], /> 1 \(34%\)<\/li>.*> 1 \(33%\)<\/li>.*> 1 \(33%\)<\/li>.*<p>3 votes<\/p>/, 'shares sum to 100');
    assert.equal(elements[8], '<opinion-poll poll-id="unknown"></opinion-poll>');
    const title = encodeURIComponent(TITLE);
    assert.ok(elements[9].startsWith('<share-bar url="https://example.org/post/" share-title="Tom &amp; Jerry\'s &lt;b&gt;rated&lt;/b&gt; piece"><ul><li><a href="https://www.facebook.com/'));
    assert.ok(elements[9].includes(`<a href="https://t.me/share/url?url=${encodeURIComponent('https://example.org/post/')}&amp;text=${title}">Telegram</a>`));
    assert.deepEqual([...elements[9].matchAll(/>([^<]+)<\/a>/g)].map((m) => m[1]), ['Facebook', 'X', 'LinkedIn', 'Bluesky', 'Reddit', 'WhatsApp', 'Telegram', 'Email']);
    assert.deepEqual([...elements[10].matchAll(/>([^<]+)<\/a>/g)].map((m) => m[1]), ['Telegram', 'VK', 'Email']);
    assert.ok(elements[10].startsWith('<share-bar networks="telegram vk email" '));
    assert.deepEqual(jsonld, [{
      '@context': 'https://schema.org', '@type': 'Book', name: TITLE, url: 'https://example.org/post/',
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.38, ratingCount: 8, bestRating: 5, worstRating: 1 },
    }]);
    assert.ok(!hugo.en.includes('<b>rated'), 'the title is escaped everywhere');
  });

  it('Hugo writes Russian pages in Russian', () => {
    const { elements } = widgetsOf(hugo.ru);
    assert.equal(elements[0], '<article-rating article-id="rated" votes="8" average="4.38" min-votes="2">Оценка 4,4 из 5 (8 голосов)</article-rating>');
    assert.equal(elements[1], '<article-rating article-id="few" votes="1" min-votes="2">1 голос</article-rating>');
    assert.equal(elements[2], '<article-rating article-id="quarter" votes="4" average="4.25" min-votes="2">Оценка 4,3 из 5 (4 голоса)</article-rating>');
    assert.match(elements[5], /<span data-label>Energy<\/span> 30 \(28\u00a0%\)<\/li>.*<p>108 голосов<\/p>/);
    assert.deepEqual([...elements[9].matchAll(/>([^<]+)<\/a>/g)].map((m) => m[1]), ['Telegram', 'ВКонтакте', 'ОК', 'WhatsApp', 'X', 'E-mail'], 'named as the element names them in Russian');
  });

  it('Hugo reading the reference server at build time writes the same as from the data file', () => {
    const live = buildHugo('hugo-api', { api: `${server.url}/api` });
    // The one difference: the server knows every article (none it was not told of has votes yet),
    // where a data file knows only those it lists.
    const unknown = (widgets) => ({ ...widgets, elements: widgets.elements.filter((markup) => !markup.startsWith('<article-rating article-id="unknown"')) });
    assert.deepEqual(unknown(widgetsOf(live.en)), unknown(widgetsOf(hugo.en)));
    assert.deepEqual(unknown(widgetsOf(live.ru)), unknown(widgetsOf(hugo.ru)));
    assert.equal(widgetsOf(live.en).elements[4], '<article-rating article-id="unknown" votes="0" average="0" min-votes="2">Not rated yet</article-rating>');
  });

  it('Hugo writes what article-widgets/render writes for the same figures', async () => {
    for (const lang of ['en', 'ru']) assert.deepEqual(widgetsOf((lang === 'en' ? hugo.en : hugo.ru)), await rendered(lang), lang);
  });

  it('Eleventy (the plugin over article-widgets/render) writes the same, from widget data and from the server', async () => {
    const fromData = await buildEleventy('eleventy-data');
    assert.deepEqual(widgetsOf(fromData.en), widgetsOf(hugo.en));
    assert.deepEqual(widgetsOf(fromData.ru), widgetsOf(hugo.ru));
    const live = await buildEleventy('eleventy-api', { api: `${server.url}/api` });
    assert.deepEqual(widgetsOf(live.en).elements.filter((m) => !m.includes('"unknown"')), widgetsOf(hugo.en).elements.filter((m) => !m.includes('"unknown"')));
    assert.deepEqual(widgetsOf(live.ru).jsonld, widgetsOf(hugo.ru).jsonld);
  });

  it('Jekyll writes the same as Hugo', () => {
    jekyll = buildJekyll();
    assert.deepEqual(widgetsOf(jekyll.en), widgetsOf(hugo.en));
    assert.deepEqual(widgetsOf(jekyll.ru), widgetsOf(hugo.ru));
  });
});
