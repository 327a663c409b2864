// article-widgets/render in Node, as a server or a build uses it: the built dist/render.js (no
// DOM here at all), its markup for every state, escaping, the errors that name a bad value, and
// fetchRatings against the real reference server.
// Run: npm run build && node --test test/render/
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from '../reference-server.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const { renderRating, renderPoll, renderShareBar, renderRatingJsonLd, fetchRatings, fetchPoll, escapeHtml, fallbackStyles } = await import(join(repo, 'dist/render.js'));

const poll = {
  id: 'topics', question: 'Which <topic> & "why"?', multiple: false, maxChoices: 1, results: 'always', closesAt: null, closed: false, allowChange: false,
  options: [{ id: 'o1', label: 'Security', votes: 33 }, { id: 'o2', label: 'Energy', votes: 30 }, { id: 'o3', label: 'Asia', votes: 24 }, { id: 'o4', label: 'Arctic', votes: 21 }],
};

describe('renderRating', () => {
  it('writes the figures as attributes and as text', () => {
    assert.equal(typeof document, 'undefined', 'no DOM in this process');
    assert.equal(renderRating('a1', { votes: 8, average: 4.375 }), '<article-rating article-id="a1" votes="8" average="4.38">Rated 4.4 out of 5 (8 votes)</article-rating>');
    assert.equal(renderRating('a1', { votes: 4, average: 4.25 }), '<article-rating article-id="a1" votes="4" average="4.25">Rated 4.3 out of 5 (4 votes)</article-rating>');
    assert.equal(renderRating('a1', { votes: 1, average: 5 }, { summary: 'count', readonly: true }), '<article-rating article-id="a1" votes="1" average="5" summary="count" readonly>Rated 5 out of 5 (1 vote)</article-rating>');
  });

  it('speaks Russian, with its plurals and decimal comma', () => {
    assert.equal(renderRating('a1', { votes: 21, average: 4.5 }, { lang: 'ru' }), '<article-rating article-id="a1" votes="21" average="4.5">Оценка 4,5 из 5 (21 голос)</article-rating>');
    assert.match(renderRating('a1', { votes: 4, average: 4 }, { lang: 'ru-RU' }), />Оценка 4 из 5 \(4 голоса\)</);
    assert.match(renderRating('a1', { votes: 1234, average: 3 }, { lang: 'ru' }), /\(1234 голоса\)</);
    assert.match(renderRating('a1', { votes: 0, average: 0 }, { lang: 'ru' }), />Оценок пока нет</);
  });

  it('leaves the average out below the minimum of votes, and says so with no votes', () => {
    // min-votes tells the element, which keeps the average hidden until the count gets there.
    assert.equal(renderRating('a1', { votes: 2, average: 5 }, { minVotes: 3 }), '<article-rating article-id="a1" votes="2" min-votes="3">2 votes</article-rating>');
    assert.equal(renderRating('a1', { votes: 2, average: 5 }, { minVotes: 3, summary: 'count', lang: 'ru' }), '<article-rating article-id="a1" votes="2" summary="count" min-votes="3">2 голоса</article-rating>');
    assert.equal(renderRating('a1', { votes: 3, average: 5 }, { minVotes: 3 }), '<article-rating article-id="a1" votes="3" average="5" min-votes="3">Rated 5 out of 5 (3 votes)</article-rating>');
    assert.equal(renderRating('a1', { votes: 0, average: 0 }, { minVotes: 3 }), '<article-rating article-id="a1" votes="0" average="0" min-votes="3">Not rated yet</article-rating>');
    assert.equal(renderRating('a1'), '<article-rating article-id="a1"></article-rating>', 'no figures: the element loads them');
    assert.equal(renderRating('a1', undefined, { minVotes: 3 }), '<article-rating article-id="a1" min-votes="3"></article-rating>', 'and keeps to the minimum');
    assert.equal(renderRating('a1', { votes: 5, average: 4 }, { minVotes: 0 }), '<article-rating article-id="a1" votes="5" average="4">Rated 4 out of 5 (5 votes)</article-rating>', 'no minimum: no attribute');
  });

  it('refuses an id or figures it cannot write, naming them', () => {
    assert.throws(() => renderRating('a b', { votes: 1, average: 1 }), /articleId "a b" is not an id/);
    assert.throws(() => renderRating('"><script>', { votes: 1, average: 1 }), /articleId "\\"><script>" is not an id/);
    assert.throws(() => renderRating('a1', { votes: -1, average: 1 }), /figures\.votes: expected a whole number of 0 or more/);
    assert.throws(() => renderRating('a1', { votes: 3, average: 7 }), /figures\.average/);
    assert.throws(() => renderRating('a1', { votes: 3, average: 4 }, { minVotes: -1 }), /minVotes -1 is not a whole number of 0 or more/);
    assert.throws(() => renderRating('a1', { votes: 3, average: 4 }, { minVotes: '3' }), /minVotes "3" is not a whole number/);
  });
});

describe('renderPoll', () => {
  it('writes the question, options, results and total, escaped, with shares that sum to 100', () => {
    assert.equal(renderPoll('topics', poll), `<opinion-poll poll-id="topics">
  <p data-question><strong>Which &lt;topic&gt; &amp; &quot;why&quot;?</strong></p>
  <ul>
    <li data-option="o1" data-votes="33"><span data-label>Security</span> 33 (31%)</li>
    <li data-option="o2" data-votes="30"><span data-label>Energy</span> 30 (28%)</li>
    <li data-option="o3" data-votes="24"><span data-label>Asia</span> 24 (22%)</li>
    <li data-option="o4" data-votes="21"><span data-label>Arctic</span> 21 (19%)</li>
  </ul>
  <p>108 votes</p>
</opinion-poll>`);
    const ties = renderPoll('t', { ...poll, options: poll.options.slice(0, 3).map((o) => ({ ...o, votes: 1 })) });
    assert.deepEqual([...ties.matchAll(/\((\d+)%\)/g)].map((m) => m[1]), ['34', '33', '33']);
  });

  it('says what the element will: closed, multiple choice of its voters, closing date, hidden results', () => {
    const closed = renderPoll('f', {
      ...poll, closed: true, multiple: true, maxChoices: 2, voters: 60, closesAt: '2027-06-30T21:00:00Z',
    }, { lang: 'ru' });
    assert.ok(closed.startsWith('<opinion-poll poll-id="f" data-closed data-multiple="2" data-voters="60" data-closes-at="2027-06-30T21:00:00Z">\n  <p>Опрос завершён</p>'));
    assert.ok(closed.includes('<span data-label>Security</span> 33 (55\u00a0%)</li>'), 'shares of the 60 voters');
    assert.ok(closed.includes('<p>108 голосов</p>\n  <p>Доли — от всех проголосовавших (60): каждый мог выбрать несколько вариантов.</p>'));
    const hidden = renderPoll('h', { ...poll, results: 'after-vote', options: poll.options.map(({ id, label }) => ({ id, label })) });
    assert.ok(hidden.startsWith('<opinion-poll poll-id="h" data-results="after-vote">'));
    assert.ok(hidden.includes('<li data-option="o1"><span data-label>Security</span></li>'));
    assert.ok(!/votes|%/.test(hidden), 'no figures while they are hidden');
    assert.equal(renderPoll('p'), '<opinion-poll poll-id="p"></opinion-poll>');
  });

  it('refuses a poll that does not fit, naming the field', () => {
    assert.throws(() => renderPoll('p', { ...poll, options: [poll.options[0]] }), /poll\.options: a poll needs at least two options/);
    assert.throws(() => renderPoll('p', { ...poll, options: [{ id: 'a', label: 'A', votes: 1 }, { id: 'b', label: 'B' }] }), /either every option has votes or none has/);
  });
});

describe('renderShareBar', () => {
  it('writes a plain link per network, every value encoded, escaped in the attribute', () => {
    const url = 'https://example.org/статья?a=1&b=2#part';
    const title = 'Tom & Jerry\'s "best" <b>day</b> 🎉';
    const html = renderShareBar({ url, title, networks: 'telegram vk email copy native mastodon nope' });
    const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)];
    assert.deepEqual(links.map((m) => m[2]), ['Telegram', 'VK', 'Email'], 'copy, the share sheet and Mastodon need the script; unknown names are left out');
    assert.equal(links[0][1].replace(/&#039;/g, "'").replace(/&amp;/g, '&'), `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`);
    assert.ok(html.startsWith(`<share-bar networks="telegram vk email copy native mastodon nope" url="${escapeHtml(url)}" share-title="Tom &amp; Jerry&#039;s &quot;best&quot; &lt;b&gt;day&lt;/b&gt; 🎉">`));
    assert.ok(!html.includes('<b>'));
    assert.match(html, /">\n {2}<ul>\n {4}<li><a href="https:\/\/t\.me\/[^"]*">Telegram<\/a><\/li>\n {4}<li>.*<\/li>\n {4}<li><a href="mailto:[^"]*">Email<\/a><\/li>\n {2}<\/ul>\n<\/share-bar>$/, 'a list of links, as the element has a list of buttons');
  });

  it('uses the language\'s usual networks when none are named', () => {
    const names = (html) => [...html.matchAll(/>([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(names(renderShareBar({ url: 'https://e.org/', title: 'T', lang: 'ru' })), ['Telegram', 'ВКонтакте', 'ОК', 'WhatsApp', 'X', 'E-mail'], 'named as the element names them in Russian');
    assert.deepEqual(names(renderShareBar({ url: 'https://e.org/', title: 'T' })), ['Facebook', 'X', 'LinkedIn', 'Bluesky', 'Reddit', 'WhatsApp', 'Telegram', 'Email']);
    assert.ok(!renderShareBar({ url: 'https://e.org/', title: 'T' }).includes('networks='));
  });

  it('refuses an address that is not absolute http(s)', () => {
    assert.throws(() => renderShareBar({ url: 'javascript:alert(1)', title: 'T' }), /url "javascript:alert\(1\)" is not an absolute http\(s\) address/);
    assert.throws(() => renderShareBar({ url: '/relative', title: 'T' }), /is not an absolute http\(s\) address/);
  });
});

describe('renderRatingJsonLd', () => {
  it('writes the reviewed item with its AggregateRating, only from the minimum of votes on', () => {
    const html = renderRatingJsonLd({ type: 'Book', name: 'A </script><script>alert(1)</script> & more', url: 'https://e.org/b', figures: { votes: 8, average: 4.375 }, minVotes: 3 });
    assert.ok(!html.slice(0, -'</script>'.length).includes('</script>'), 'the name cannot close the script element');
    const json = JSON.parse(/^<script type="application\/ld\+json">(.*)<\/script>$/.exec(html)[1]);
    assert.deepEqual(json, {
      '@context': 'https://schema.org', '@type': 'Book', name: 'A </script><script>alert(1)</script> & more', url: 'https://e.org/b',
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.38, ratingCount: 8, bestRating: 5, worstRating: 1 },
    });
    assert.equal(renderRatingJsonLd({ type: 'Book', name: 'B', url: 'https://e.org/b', figures: { votes: 2, average: 5 }, minVotes: 3 }), '');
    assert.equal(renderRatingJsonLd({ type: 'Book', name: 'B', url: 'https://e.org/b', figures: { votes: 0, average: 0 } }), '');
    assert.throws(() => renderRatingJsonLd({ type: 'Book"', name: 'B', url: 'https://e.org/b', figures: { votes: 2, average: 5 } }), /is not a schema\.org type name/);
  });
});

describe('the module itself', () => {
  it('needs neither a DOM nor Node: no Node built-ins and no element or Lit inside, so it runs at the edge', () => {
    const source = readFileSync(join(repo, 'dist/render.js'), 'utf8');
    assert.doesNotMatch(source, /from\s*["']node:|require\(|from\s*["']lit|customElements\.define/);
    assert.match(fallbackStyles, /opinion-poll:not\(:defined\)/);
  });
});

describe('fetchRatings and fetchPoll against the reference server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aw-render-'));
  let server;
  before(async () => {
    const seed = join(dir, 'seed.json');
    const ratings = Array.from({ length: 150 }, (_, i) => ({ articleId: `a${i}`, votes: i + 1, average: 4 }));
    writeFileSync(seed, JSON.stringify({ ratings, polls: [poll] }));
    server = await startReferenceServer(['--db', join(dir, 'widgets.sqlite'), '--seed', seed]);
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads many ratings in one request a hundred ids, and a poll', async () => {
    const requests = [];
    const realFetch = globalThis.fetch;
    // Counts the real requests (they still go to the real server).
    globalThis.fetch = (input, init) => {
      requests.push(String(input));
      return realFetch(input, init);
    };
    try {
      const ids = Array.from({ length: 150 }, (_, i) => `a${i}`);
      const ratings = await fetchRatings(`${server.url}/api`, [...ids, 'a0', 'unknown']);
      assert.equal(ratings.size, 151);
      assert.deepEqual(ratings.get('a7'), { articleId: 'a7', votes: 8, average: 4 });
      assert.deepEqual(ratings.get('unknown'), { articleId: 'unknown', votes: 0, average: 0 });
      assert.equal(requests.length, 2, requests.join('\n'));
      assert.ok(requests.every((url) => url.startsWith(`${server.url}/api/ratings?ids=`)));
      assert.deepEqual((await fetchPoll(`${server.url}/api`, 'topics')).options.map((o) => o.votes), [33, 30, 24, 21]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('leaves out what it could not read, and says why', async () => {
    const problems = [];
    const onError = (id, error) => problems.push(`${id}: ${error.message}`);
    assert.equal(await fetchPoll(`${server.url}/api`, 'nope', { onError }), undefined);
    const down = await fetchRatings('http://127.0.0.1:9/api', ['a1'], { onError });
    assert.equal(down.size, 0);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^nope: /);
    assert.match(problems[1], /^a1: /);
    await assert.rejects(fetchRatings(`${server.url}/api`, ['bad id']), /article id "bad id" is not an id/);
  });
});
