// The WordPress plugin in a real WordPress (Debian's package, PHP, a private MariaDB) against the
// real reference server: the packaged zip installed and activated, the settings saved through their
// screen, kk Star Ratings and WP-Polls data (made as those plugins store it) imported twice, posts
// with each shortcode and block fetched over plain HTTP, and a reader voting in Chromium.
// Run: npm run build && node --test test/wordpress/
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { launchChromium } from '../e2e/chromium.mjs';
import { buildWordpressPlugin } from '../../scripts/build-wordpress.mjs';
import { startReferenceServer } from '../reference-server.mjs';
import { fixtureData, widgetsOf } from '../cms/markup.mjs';
import { missingWordpress, phpProblems, sql, startWordpress, stopWordpress, wpEval } from './wordpress-site.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const TOKEN = randomBytes(24).toString('hex'); // 48 characters; hex, so it never starts with a dash the CLI would read as an option
const dir = mkdtempSync(join(tmpdir(), 'aw-wp-test-'));
let site;
let server;
let browser;
/** Post ids by role, made in the importer test and used after it. */
const posts = {};

const api = async (path) => (await fetch(`${server.url}/api${path}`)).json();
const page = async (path) => {
  const response = await fetch(`${site.url}${path}`);
  assert.equal(response.status, 200, `GET ${path}`);
  return response.text();
};
/** An attribute's value as a browser reads it (the few entities esc_attr writes, decoded). */
const decode = (text) => text.replace(/&quot;/g, '"').replace(/&#039;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const php = (code) => wpEval(site, code);

/** A browser context logged in as the site's administrator. */
async function asAdmin() {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.goto(`${site.url}/wp-login.php`, { waitUntil: 'load' });
  // wp-login.php re-focuses the user field after load: set the values rather than type them.
  await tab.evaluate(() => {
    document.querySelector('#user_login').value = 'admin';
    document.querySelector('#user_pass').value = 'correct horse battery';
  });
  await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.click('#wp-submit')]);
  return { context, tab };
}

before(async () => {
  const missing = missingWordpress();
  if (missing) throw new Error(`The WordPress test needs PHP, MariaDB and WordPress: ${missing}`);
  const { path } = await buildWordpressPlugin();
  site = await startWordpress();
  server = await startReferenceServer(['--db', join(dir, 'widgets.sqlite'), '--admin-token', TOKEN, '--allow-origin', site.url, '--rate-limit', '0']);

  wpEval(site, `wp_install('Article Widgets test', 'admin', 'admin@example.org', true, '', 'correct horse battery'); global $wp_rewrite; $wp_rewrite->set_permalink_structure('/%postname%/'); flush_rewrite_rules(); return true;`, { installing: true });
  // Installed as a site owner would: the zip unpacked into wp-content/plugins.
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(path)))) {
    const target = join(site.root, 'wp-content/plugins', name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  const activated = php(`$r = activate_plugin('article-widgets/article-widgets.php'); return is_wp_error($r) ? $r->get_error_message() : is_plugin_active('article-widgets/article-widgets.php');`);
  assert.equal(activated, true);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await stopWordpress(site);
  rmSync(dir, { recursive: true, force: true });
});

describe('the WordPress plugin in a real WordPress', () => {
  it('saves its settings through the settings screen, and refuses a save without a valid nonce', async () => {
    const { context, tab } = await asAdmin();
    await tab.goto(`${site.url}/wp-admin/options-general.php?page=article-widgets`, { waitUntil: 'load' });
    await tab.evaluate((apiUrl, token) => {
      const field = (key) => document.querySelector(`[name="article_widgets_settings[${key}]"]`);
      field('api_url').value = apiUrl;
      field('admin_token').value = token;
      field('position').value = 'both';
      field('structured').value = 'Book';
      field('min_votes').value = '2';
    }, `${server.url}/api`, TOKEN);
    if (process.env.AW_SCREENSHOTS) await tab.screenshot({ path: join(process.env.AW_SCREENSHOTS, 'wordpress-settings.png'), fullPage: true });
    await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.click('#submit')]);
    const settings = php(`return get_option('article_widgets_settings');`);
    assert.equal(settings.api_url, `${server.url}/api`);
    assert.equal(settings.admin_token, TOKEN);
    assert.equal(settings.position, 'both');
    assert.equal(settings.structured, 'Book');
    assert.equal(settings.min_votes, 2);
    // The token is never written back into the page.
    await tab.goto(`${site.url}/wp-admin/options-general.php?page=article-widgets`, { waitUntil: 'load' });
    assert.ok(!(await tab.content()).includes(TOKEN));

    // A bad value is refused by name, and the stored one kept.
    await tab.evaluate(() => (document.querySelector('[name="article_widgets_settings[api_url]"]').value = 'javascript:alert(1)'));
    await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.click('#submit')]);
    assert.match(await tab.$eval('.notice, .error, #setting-error-article-widgets-api_url', (el) => el.textContent), /API URL: expected an http\(s\) address/);
    assert.equal(php(`return get_option('article_widgets_settings')['api_url'];`), `${server.url}/api`);

    // A forged form (the admin's own cookies, no valid nonce) changes nothing.
    const status = await tab.evaluate(async () => {
      const form = new FormData();
      form.set('option_page', 'article_widgets');
      form.set('action', 'update');
      form.set('_wpnonce', 'forged');
      form.set('article_widgets_settings[api_url]', 'https://attacker.example/api');
      return (await fetch('/wp-admin/options.php', { method: 'POST', body: form })).status;
    });
    assert.equal(status, 403);
    assert.equal(php(`return get_option('article_widgets_settings')['api_url'];`), `${server.url}/api`);
    await context.close();
  });

  it('imports kk Star Ratings figures and WP-Polls polls with their votes; a second run doubles nothing', async () => {
    const ids = php(`
      $make = function ($title, $content, $type = 'post') {
        return wp_insert_post(array('post_title' => $title, 'post_content' => $content, 'post_status' => 'publish', 'post_type' => $type), true);
      };
      $ids = array(
        'shortcodes' => $make('Tom & Jerry\\'s <b>rated</b> piece', "[share_bar]\\n\\n[opinion_poll id=\\"wp-polls-1\\"]\\n\\n[opinion_poll]"),
        'blocks'     => $make('Blocks', '<!-- wp:article-widgets/rating /-->' . "\\n" . '<!-- wp:article-widgets/poll {"pollId":"wp-polls-2"} /-->' . "\\n" . '<!-- wp:article-widgets/share-bar {"networks":"telegram vk email"} /-->'),
        'few'        => $make('One vote so far', 'Short.'),
        'broken'     => $make('Broken figures', 'Text.'),
        'plain'      => $make('About us', 'No widgets here.', 'page'),
      );
      // kk Star Ratings 5.x: votes and the sum of the stars (out of 5) per post, plus its legacy keys.
      foreach (array('_kksr_count_default' => 8, '_kksr_ratings_default' => 35, '_kksr_casts' => 8, '_kksr_avg' => 4.375) as $k => $v) update_post_meta($ids['shortcodes'], $k, $v);
      // kk Star Ratings 3.x and 4.x: casts and the sum.
      update_post_meta($ids['blocks'], '_kksr_casts', 3);
      update_post_meta($ids['blocks'], '_kksr_ratings', 12);
      update_post_meta($ids['few'], '_kksr_count_default', 1);
      update_post_meta($ids['few'], '_kksr_ratings_default', 5);
      update_post_meta($ids['broken'], '_kksr_count_default', 2);
      update_post_meta($ids['broken'], '_kksr_ratings_default', 40);
      return $ids;`);
    Object.assign(posts, ids);

    // WP-Polls' three tables, as its activation creates them, with rows as it writes them.
    sql(site, `
      CREATE TABLE wp_pollsq (pollq_id int(10) NOT NULL auto_increment, pollq_question varchar(200) character set utf8 NOT NULL default '',
        pollq_timestamp varchar(20) NOT NULL default '', pollq_totalvotes int(10) NOT NULL default '0', pollq_active tinyint(1) NOT NULL default '1',
        pollq_expiry int(10) NOT NULL default '0', pollq_multiple tinyint(3) NOT NULL default '0', pollq_totalvoters int(10) NOT NULL default '0',
        PRIMARY KEY (pollq_id)) DEFAULT CHARSET=utf8mb4;
      CREATE TABLE wp_pollsa (polla_aid int(10) NOT NULL auto_increment, polla_qid int(10) NOT NULL default '0',
        polla_answers varchar(200) character set utf8 NOT NULL default '', polla_votes int(10) NOT NULL default '0', PRIMARY KEY (polla_aid)) DEFAULT CHARSET=utf8mb4;
      CREATE TABLE wp_pollsip (pollip_id int(10) NOT NULL auto_increment, pollip_qid int(10) NOT NULL default '0', pollip_aid int(10) NOT NULL default '0',
        pollip_ip varchar(100) NOT NULL default '', pollip_host VARCHAR(200) NOT NULL default '', pollip_timestamp int(10) NOT NULL default '0',
        pollip_user tinytext NOT NULL, pollip_userid int(10) NOT NULL default '0', PRIMARY KEY (pollip_id), KEY pollip_ip (pollip_ip),
        KEY pollip_qid (pollip_qid), KEY pollip_ip_qid_aid (pollip_ip, pollip_qid, pollip_aid)) DEFAULT CHARSET=utf8mb4;
      INSERT INTO wp_pollsq VALUES (1, 'Which <em>topic</em> should we cover next?', '1700000000', 108, 1, 0, 0, 108),
        (2, 'Which formats do you read?', '1700000000', 15, 0, 1893456000, 2, 10), (3, 'Half-made poll', '1700000000', 0, 1, 0, 0, 0);
      INSERT INTO wp_pollsa VALUES (1, 1, 'European security', 33), (2, 1, 'Energy &amp; sanctions', 30), (3, 1, 'Russia and Asia', 24), (4, 1, 'The Arctic', 21),
        (5, 2, 'Analysis', 6), (6, 2, 'Interviews', 5), (7, 2, 'News', 4), (8, 3, 'Only answer', 0);
      INSERT INTO wp_pollsip VALUES (1, 1, 1, '5d41402abc4b2a76b9719d911017c592', '', 1700000100, 'Guest', 0),
        (2, 1, 2, '7d793037a0760186574b0282f2f435e7', '', 1700000200, 'Guest', 0), (3, 2, 5, '5d41402abc4b2a76b9719d911017c592', '', 1700000300, 'Guest', 0);`);

    assert.deepEqual(php(`return article_widgets_import_preview();`), { ratings: 3, polls: 2, votes: 8 + 3 + 1 + 108 + 15 });
    const first = php(`return article_widgets_import();`);
    assert.equal(first.ratings, 3);
    assert.equal(first.polls, 2);
    assert.equal(first.votes, 8 + 3 + 1 + 108 + 15);
    assert.equal(first.logged, 3);
    assert.equal(first.skipped.length, 2);
    assert.match(first.skipped[0], new RegExp(`Post ${ids.broken}: kk Star Ratings says 2 votes averaging 20`));
    assert.match(first.skipped[1], /WP-Polls poll 3: a poll needs a question and at least two answers/);

    const figures = async () => ({
      ratings: (await api(`/ratings?ids=post-${ids.shortcodes},post-${ids.blocks},post-${ids.few},post-${ids.broken}`)).ratings,
      single: await api('/polls/wp-polls-1'),
      multiple: await api('/polls/wp-polls-2'),
    });
    const moved = await figures();
    assert.deepEqual(moved.ratings, [
      { articleId: `post-${ids.shortcodes}`, votes: 8, average: 4.375 },
      { articleId: `post-${ids.blocks}`, votes: 3, average: 4 },
      { articleId: `post-${ids.few}`, votes: 1, average: 5 },
      { articleId: `post-${ids.broken}`, votes: 0, average: 0 },
    ]);
    assert.equal(moved.single.question, 'Which topic should we cover next?');
    assert.deepEqual(moved.single.options.map((o) => [o.id, o.label, o.votes]), [
      ['a1', 'European security', 33], ['a2', 'Energy & sanctions', 30], ['a3', 'Russia and Asia', 24], ['a4', 'The Arctic', 21],
    ]);
    assert.equal(moved.single.closed, false);
    assert.equal(moved.single.multiple, false);
    assert.deepEqual({ multiple: moved.multiple.multiple, maxChoices: moved.multiple.maxChoices, voters: moved.multiple.voters, closed: moved.multiple.closed, closesAt: moved.multiple.closesAt },
      { multiple: true, maxChoices: 2, voters: 10, closed: true, closesAt: '2030-01-01T00:00:00Z' });

    const second = php(`return article_widgets_import();`);
    assert.deepEqual({ ...second, at: 0 }, { ...first, at: 0 });
    assert.deepEqual(await figures(), moved);
  });

  it('imports from its Tools screen, which says what it found and what moved', async () => {
    const { context, tab } = await asAdmin();
    await tab.goto(`${site.url}/wp-admin/tools.php?page=article-widgets-import`, { waitUntil: 'load' });
    const text = () => tab.$eval('.wrap', (el) => el.textContent.replace(/\s+/g, ' '));
    assert.match(await text(), /Found: 3 rated posts \(kk Star Ratings\) and 2 polls \(WP-Polls\), 135 votes in all\./);
    await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.click('.wrap form [type="submit"]')]);
    const report = await text();
    assert.match(report, /3 ratings and 2 polls moved, with 135 votes\./);
    assert.match(report, /WP-Polls' log of 3 votes stays here: it holds readers' IP addresses, which the server never stores\./);
    assert.match(report, /Not moved: WP-Polls poll 3: a poll needs a question and at least two answers\./);
    if (process.env.AW_SCREENSHOTS) await tab.screenshot({ path: join(process.env.AW_SCREENSHOTS, 'wordpress-import.png'), fullPage: true });
    // The import is a nonce-checked form: a forged one moves nothing.
    const forged = await tab.evaluate(async () => {
      const form = new FormData();
      form.set('action', 'article_widgets_import');
      form.set('_wpnonce', 'forged');
      return (await fetch('/wp-admin/admin-post.php', { method: 'POST', body: form })).status;
    });
    assert.equal(forged, 403);
    await context.close();
    assert.equal((await api('/polls/wp-polls-1')).options[0].votes, 33, 'a third import doubled nothing either');
  });

  it('serves each shortcode and block with the server\'s figures in the HTML, and the bundle only on pages with a widget', async () => {
    const html = await page(`/?p=${posts.shortcodes}`);
    const id = `post-${posts.shortcodes}`;
    assert.ok(html.includes(`<meta name="article-widgets:api" content="${server.url}/api" />`));
    // Above the article the full figures; below it the count (the settings say both).
    assert.ok(html.includes(`<article-rating article-id="${id}" votes="8" average="4.38" min-votes="2">Rated 4.4 out of 5 (8 votes)</article-rating>`), html);
    assert.ok(html.includes(`<article-rating article-id="${id}" votes="8" average="4.38" summary="count" min-votes="2">Rated 4.4 out of 5 (8 votes)</article-rating>`));
    assert.ok(html.includes('<opinion-poll poll-id="wp-polls-1">'));
    assert.ok(html.includes('<p data-question><strong>Which topic should we cover next?</strong></p>'));
    assert.ok(html.includes('<li data-option="a2" data-votes="30"><span data-label>Energy &amp; sanctions</span> 30 (28%)</li>'));
    assert.ok(html.includes('<p>108 votes</p>'));
    // A shortcode's mistake is a comment for readers, naming what is wrong.
    assert.ok(html.includes('<!-- article-widgets: [opinion_poll]: needs id=&quot;…&quot;, the poll&#039;s id on the server. -->'));
    assert.ok(!html.includes('article-widgets-mistake'));
    const title = php(`return wp_strip_all_tags(html_entity_decode(get_the_title(${posts.shortcodes}), ENT_QUOTES, 'UTF-8'));`);
    const bar = /<share-bar url="([^"]*)" share-title="([^"]*)">([\s\S]*?)<\/share-bar>/.exec(html);
    assert.ok(bar, 'a share bar');
    assert.equal(decode(bar[2]), title);
    assert.ok(!bar[0].includes('<b>'));
    const links = [...bar[3].matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[2], decode(m[1])]);
    assert.deepEqual(links.map(([label]) => label), ['Facebook', 'X', 'LinkedIn', 'Bluesky', 'Reddit', 'WhatsApp', 'Telegram', 'Email']);
    const url = decode(bar[1]);
    assert.equal(links[6][1], `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`);
    // Opt-in structured data for the type the site chose, from the same figures.
    const jsonld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)[1]);
    assert.deepEqual(jsonld, {
      '@context': 'https://schema.org', '@type': 'Book', name: title, url,
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.38, ratingCount: 8, bestRating: 5, worstRating: 1 },
    });
    assert.match(html, /<script type="module" src=['"][^'"]*\/wp-content\/plugins\/article-widgets\/assets\/article-widgets\.js\?ver=0\.1\.0['"]/);
    // The fallback's sizing in the head, before the first paint.
    const head = html.slice(0, html.indexOf('</head>'));
    assert.match(head, /<link rel=['"]stylesheet['"][^>]*href=['"][^'"]*\/article-widgets\/assets\/article-widgets\.css\?ver=0\.1\.0['"]/);

    const blocks = await page(`/?p=${posts.blocks}`);
    assert.ok(blocks.includes(`<article-rating article-id="post-${posts.blocks}" votes="3" average="4" min-votes="2">Rated 4 out of 5 (3 votes)</article-rating>`));
    assert.ok(blocks.includes('<opinion-poll poll-id="wp-polls-2" data-closed data-multiple="2" data-voters="10" data-closes-at="2030-01-01T00:00:00Z">'));
    assert.ok(blocks.includes('<p>Poll conducted</p>'));
    assert.ok(blocks.includes('<li data-option="a5" data-votes="6"><span data-label>Analysis</span> 6 (60%)</li>'));
    assert.ok(blocks.includes('<p>15 votes</p>\n  <p>Shares are of all voters (10), who could each choose several options.</p>'));
    assert.match(blocks, /<share-bar networks="telegram vk email" [^>]*>\s*<ul>\s*<li><a href="https:\/\/t\.me[^"]*">Telegram<\/a><\/li>\s*<li><a href="https:\/\/vk\.com[^"]*">VK<\/a><\/li>\s*<li><a href="mailto:[^"]*">Email<\/a><\/li>\s*<\/ul>\s*<\/share-bar>/);
    assert.match(blocks.slice(0, blocks.indexOf('</head>')), /assets\/article-widgets\.css/, 'blocks are found before the head is printed');
    assert.match(blocks, /assets\/article-widgets\.js/);

    // Below the minimum of 2 votes: the count, no average, no structured data.
    const few = await page(`/?p=${posts.few}`);
    assert.ok(few.includes(`<article-rating article-id="post-${posts.few}" votes="1" min-votes="2">1 vote</article-rating>`));
    assert.ok(!few.includes('application/ld+json'));

    const plain = await page(`/?page_id=${posts.plain}`);
    assert.ok(plain.includes('No widgets here.'));
    assert.ok(!plain.includes('article-widgets.js'), 'no bundle on a page without a widget');
    assert.ok(!plain.includes('article-widgets.css'));
    assert.ok(!plain.includes('<article-rating'));
  });

  it('writes what article-widgets/render writes for the same figures, in English and Russian', async () => {
    const { renderRating, renderPoll, renderShareBar } = await import(join(repo, 'dist/render.js'));
    const { ratings, polls } = fixtureData();
    const url = 'https://example.org/a1?x=1&y=2';
    const title = 'Tom & Jerry\'s "rated" <piece>';
    for (const lang of ['en', 'ru']) {
      // Values travel as base64 JSON: nothing in them can be read as PHP.
      const value = (v) => `json_decode(base64_decode('${Buffer.from(JSON.stringify(v)).toString('base64')}'), true)`;
      const php = wpEval(site, `
        $data = ${value({ ratings: [...ratings], polls })};
        $url = ${value(url)};
        $title = ${value(title)};
        $options = array('lang' => '${lang}', 'min_votes' => 2);
        $html = '';
        foreach ($data['ratings'] as list($id, $figures)) $html .= article_widgets_rating_markup($id, $figures, $options);
        $html .= article_widgets_rating_markup('unknown', null, $options);
        foreach ($data['polls'] as $poll) $html .= article_widgets_poll_markup($poll['id'], $poll, $options);
        $html .= article_widgets_poll_markup('unknown', null, $options);
        $html .= article_widgets_share_markup($url, $title, '', $options);
        $html .= article_widgets_share_markup($url, $title, 'telegram vk email', $options);
        return $html;`);
      const js = [
        ...[...ratings].map(([id, figures]) => renderRating(id, figures, { lang, minVotes: 2 })),
        renderRating('unknown', undefined, { lang, minVotes: 2 }),
        ...polls.map((poll) => renderPoll(poll.id, poll, { lang })),
        renderPoll('unknown', undefined, { lang }),
        renderShareBar({ url, title, lang }),
        renderShareBar({ url, title, lang, networks: 'telegram vk email' }),
      ].join('');
      assert.deepEqual(widgetsOf(php), widgetsOf(js), lang);
    }
  });

  it('takes a reader\'s votes in Chromium; the server counts them and a reload shows them', async () => {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    const problems = [];
    tab.on('pageerror', (e) => problems.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    const summaries = () => tab.evaluate(() => [...document.querySelectorAll('article-rating')].map((el) => el.shadowRoot?.querySelector('[part="summary"]')?.textContent?.trim()));
    const waitForSummaries = (want) =>
      tab
        .waitForFunction((w) => JSON.stringify([...document.querySelectorAll('article-rating')].map((el) => el.shadowRoot?.querySelector('[part="summary"]')?.textContent?.trim())) === w, { timeout: 15000 }, JSON.stringify(want))
        .catch(async () => assert.deepEqual(await summaries(), want));

    // What the elements report once the server has counted a vote (the figures show at once, before).
    await tab.evaluateOnNewDocument(() => {
      window.counted = [];
      for (const type of ['aw-rating-vote', 'aw-poll-vote', 'aw-rating-error', 'aw-poll-error']) {
        document.addEventListener(type, (event) => window.counted.push(`${type} ${JSON.stringify(event.detail)}`));
      }
    });
    const counted = (n) => tab.waitForFunction((want) => window.counted.length >= want, { timeout: 15000 }, n).then(() => tab.evaluate(() => window.counted));
    await tab.goto(`${site.url}/?p=${posts.shortcodes}`, { waitUntil: 'load' });
    await waitForSummaries(['(votes: 8, rating: 4.4)', '(8 votes)']);
    if (process.env.AW_SCREENSHOTS) await tab.screenshot({ path: join(process.env.AW_SCREENSHOTS, 'wordpress-post.png'), fullPage: true });
    const star = await tab.evaluateHandle(() => document.querySelector('article-rating').shadowRoot.querySelector('[part~="star"][data-value="5"]'));
    await star.click();
    await waitForSummaries(['(votes: 9, rating: 4.4)', '(9 votes)']);
    assert.match((await counted(1))[0], /^aw-rating-vote \{"articleId":"post-\d+","rating":5,"votes":9,/);
    assert.deepEqual(await api(`/ratings/post-${posts.shortcodes}`), { articleId: `post-${posts.shortcodes}`, votes: 9, average: Math.round((40 / 9) * 1e6) / 1e6 });

    const poll = () => tab.evaluateHandle(() => document.querySelector('opinion-poll[poll-id="wp-polls-1"]').shadowRoot);
    await tab.waitForFunction(() => document.querySelector('opinion-poll[poll-id="wp-polls-1"]')?.shadowRoot?.querySelector('input[value="a4"]'));
    await (await (await poll()).asElement().$('input[value="a4"]')).click();
    await (await (await poll()).asElement().$('[part~="vote"]')).click();
    assert.match((await counted(2))[1], /^aw-poll-vote \{"pollId":"wp-polls-1","optionIds":\["a4"\]/);
    assert.equal((await api('/polls/wp-polls-1')).options.find((o) => o.id === 'a4').votes, 22);

    await tab.reload({ waitUntil: 'load' });
    await waitForSummaries(['(votes: 9, rating: 4.4)', '(9 votes)']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('logs no PHP notice, warning or error from the plugin', () => {
    assert.deepEqual(phpProblems(site, 'plugins/article-widgets'), []);
  });

  it('uninstalls cleanly: its settings, import report and cached figures are gone', () => {
    const left = php(`
      deactivate_plugins('article-widgets/article-widgets.php');
      uninstall_plugin('article-widgets/article-widgets.php');
      global $wpdb;
      return array(
        'settings' => get_option('article_widgets_settings', null),
        'report' => get_option('article_widgets_import_report', null),
        'cached' => (int) $wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE '%article_widgets%'"),
      );`);
    assert.deepEqual(left, { settings: null, report: null, cached: 0 });
  });
});
