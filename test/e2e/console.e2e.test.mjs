// End to end: the editors' console in headless Chromium against the real server (the real CLI, a
// temp SQLite file), and a reader's page with <opinion-poll> served by that same server.
// Run: npm run test:e2e (builds dist/ and the console first). AW_SCREENSHOTS=DIR also saves a
// screenshot of every screen, in both languages and both colour schemes, for a person to look at.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, launchChromium } from './chromium.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const TOKEN = 'e2e-console-admin-token-0123456789';
const QUESTION = 'Which day suits the reader meetup best?';
const POLL_ID = 'which-day-suits-the-reader-meetup-best';
const LABELS = ['Friday evening', 'Saturday, morning', '"Sunday" after lunch'];
const screenshots = process.env.AW_SCREENSHOTS;
const dir = mkdtempSync(join(tmpdir(), 'aw-console-e2e-'));
const downloads = join(dir, 'downloads');
const site = join(dir, 'site');
const children = new Set();
let browser;

/** Starts the real CLI on a free port; resolves with its base URL. */
async function startServer(args) {
  const child = spawn(process.execPath, [join(repo, 'server/bin/article-widgets-server.js'), '--port', '0', '--host', '127.0.0.1', '--rate-limit', '0', '--log', 'silent', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      children.delete(child);
      reject(new Error(`server exited ${code}: ${out}`));
    });
  });
}

const stopServers = () =>
  Promise.all(
    [...children].map((child) => new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    })),
  );

/**
 * Put in every page before its scripts (DevTools' own, so the console's CSP, which allows no
 * eval, lets it be): the screen the console shows now.
 */
const currentScreen = () => {
  window.currentScreen = () => document.querySelector('aw-console')?.shadowRoot?.querySelector('main > :last-child');
};

/** Waits until the console shows `tag` and `selector` inside it; returns a handle to that element. */
async function waitForScreen(page, tag, selector = 'h1') {
  await page.waitForFunction(
    (tag, selector) => {
      const element = window.currentScreen();
      return element?.localName === tag && element.shadowRoot?.querySelector(selector);
    },
    { timeout: 15000, polling: 100 },
    tag,
    selector,
  );
  return page.evaluateHandle((selector) => window.currentScreen().shadowRoot.querySelector(selector), selector);
}

/** The text of `selector` in the current screen, or in the console's shell when `shell`. */
const textOf = (page, selector, { shell = false } = {}) =>
  page.evaluate(
    (selector, shell) => {
      const root = shell ? document.querySelector('aw-console').shadowRoot : window.currentScreen().shadowRoot;
      return root.querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim();
    },
    selector,
    shell,
  );

async function waitForText(page, selector, expected, options = {}) {
  const deadline = Date.now() + (options.timeout ?? 15000);
  let text;
  while (Date.now() < deadline) {
    text = await textOf(page, selector, options);
    if (expected instanceof RegExp ? expected.test(text ?? '') : text === expected) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${selector}: expected ${expected}, got ${JSON.stringify(text)}`);
}

/** The focused element, through the shadow roots: its tag and id or text. */
const focused = (page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return `${element?.localName}${element?.id ? `#${element.id}` : ''}:${element?.textContent.trim().slice(0, 60)}`;
  });

/** A field of the current screen: cleared, then typed into as a person would. */
async function fill(page, selector, text) {
  const field = await page.evaluateHandle((selector) => window.currentScreen().shadowRoot.querySelector(selector), selector);
  await field.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await field.type(text);
}

async function click(page, selector, { shell = false } = {}) {
  const element = await page.evaluateHandle(
    (selector, shell) => (shell ? document.querySelector('aw-console').shadowRoot : window.currentScreen().shadowRoot).querySelector(selector),
    selector,
    shell,
  );
  await element.click();
}

/** A button of the current screen by its text. */
async function clickButton(page, text) {
  const button = await page.evaluateHandle(
    (text) => [...window.currentScreen().shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === text),
    text,
  );
  const found = await button.evaluate((b) => b instanceof HTMLButtonElement);
  if (!found) {
    const texts = await page.evaluate(() => [...window.currentScreen().shadowRoot.querySelectorAll('button')].map((b) => b.textContent.trim()));
    assert.fail(`no button "${text}" among ${JSON.stringify(texts)}`);
  }
  await button.click();
}

/**
 * An editor's browser: a context of its own, the console open; `lang` as if chosen in the console
 * before, `browserLanguage` the browser's own.
 */
async function editor(base, { lang, browserLanguage, scheme = 'light' } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The server's refusals (401, 403, 409) are the test's own doing; anything else is a fault.
  page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) && errors.push(m.text()));
  await page.evaluateOnNewDocument(currentScreen);
  if (lang) await page.evaluateOnNewDocument((lang) => localStorage.setItem('article-widgets:console-language', lang), lang);
  if (browserLanguage) {
    const session = await page.createCDPSession();
    await session.send('Emulation.setUserAgentOverride', { userAgent: await browser.userAgent(), acceptLanguage: browserLanguage });
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(`${base}/admin/`, { waitUntil: 'load' });
  return { context, page, errors };
}

async function signIn(page, token = TOKEN) {
  await waitForScreen(page, 'aw-sign-in-screen', '#token');
  await fill(page, '#token', token);
  await page.keyboard.press('Enter');
}

async function screenshot(page, name) {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** RFC 4180 CSV, quotes and all. */
function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') rows.at(-1).push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') rows.at(-1).push(cell), (cell = ''), rows.push([]), i++;
    else cell += c;
  }
  return rows.filter((row) => row.length > 1 || row[0]);
}

before(async () => {
  assert.ok(existsSync(join(repo, 'dist/article-widgets.js')), 'build first: npm run build');
  assert.ok(existsSync(join(repo, 'server/console/index.html')), 'build the console first: npm run build');
  mkdirSync(site);
  writeFileSync(
    join(site, 'poll.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A reader's page</title>
<script type="module" src="/dist/article-widgets.js"></script></head>
<body><main><opinion-poll poll-id="${POLL_ID}"></opinion-poll></main></body></html>`,
  );
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServers();
  rmSync(dir, { recursive: true, force: true });
});

describe('an editor conducts a poll in the console', () => {
  let base;
  let ed;
  let reader;
  const bearer = { authorization: `Bearer ${TOKEN}` };
  const adminPoll = async () => (await fetch(`${base}/api/admin/polls/${POLL_ID}`, { headers: bearer })).json();

  before(async () => {
    base = await startServer([
      '--db', join(dir, 'widgets.sqlite'), '--seed', join(repo, 'demo/data/widgets.json'), '--admin-token', TOKEN, '--trust-proxy', 'loopback',
      '--static', `/site=${site},/dist=${join(repo, 'dist')}`,
    ]);
    ed = await editor(base, { lang: 'en' });
  });
  after(() => Promise.all([ed?.context.close(), reader?.browserContext().close()]));

  it('signs in by keyboard: a wrong token is refused and sets no cookie; the right one opens a session with a strict cookie', async () => {
    const { page } = ed;
    await waitForScreen(page, 'aw-sign-in-screen', '#token');
    await page.keyboard.press('Tab'); // the language switch
    await page.keyboard.press('Tab');
    assert.match(await focused(page), /^input#token/);
    await page.keyboard.type('not-the-admin-token-at-all');
    await page.keyboard.press('Enter');
    await waitForText(page, '#token-problem', 'That is not the admin token.');
    assert.deepEqual(await page.cookies(), []);
    await page.keyboard.type(TOKEN); // the wrong token is selected: typing replaces it
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'aw-polls-screen', 'table');
    assert.equal(await focused(page), 'h1:Polls', 'the new screen takes the focus');
    const [cookie, ...others] = await page.cookies();
    assert.deepEqual(others, []);
    assert.equal(cookie.name, 'aw_console');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.secure, false, 'plain http here');
    assert.equal(cookie.session, true, 'the server ends it after a day idle; the browser when it closes');
  });

  it('the cookie is Secure when the request came over HTTPS through a trusted proxy', async () => {
    const r = await fetch(`${base}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.5' },
      body: JSON.stringify({ token: TOKEN }),
    });
    assert.equal(r.status, 201);
    assert.deepEqual(r.headers.getSetCookie()[0].split('; ').slice(1).sort(), ['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
  });

  it('creates a poll with three options, the id made from the question, each error named next to its field', async () => {
    const { page } = ed;
    await click(page, 'nav a[href="#/new-poll"]', { shell: true });
    await waitForScreen(page, 'aw-new-poll-screen', 'form');
    assert.equal(await focused(page), 'h1:New poll');
    await page.keyboard.press('Tab');
    assert.match(await focused(page), /^textarea#question/);
    await page.keyboard.type(QUESTION);
    await page.keyboard.press('Tab');
    await page.keyboard.type(LABELS[0]);
    await page.keyboard.press('Tab');
    await page.keyboard.type(LABELS[1]);
    await page.keyboard.press('Tab');
    assert.match(await focused(page), /^button:Add option/);
    await page.keyboard.press('Enter');
    assert.match(await focused(page), /^input#option-3/, 'the new option takes the focus');
    assert.equal(await page.evaluate(() => window.currentScreen().shadowRoot.querySelector('#pollId').value), POLL_ID);

    // The third option left empty: refused in the browser, the error beside it, the focus on it.
    await clickButton(page, 'Create poll');
    await waitForText(page, '#option-3-error', 'Fill this in.');
    assert.match(await focused(page), /^input#option-3/);
    assert.equal(await textOf(page, '[role="alert"]'), 'The poll was not created: 1 field needs attention.');
    await page.keyboard.type(LABELS[2]);

    // An id the server already has: its refusal (409, field body.id) lands beside "Poll id".
    await fill(page, '#pollId', 'reader-topics');
    await clickButton(page, 'Create poll');
    await waitForText(page, '#pollId-error', 'A poll with this id already exists: choose another.');
    assert.match(await focused(page), /^input#pollId/);

    await fill(page, '#pollId', POLL_ID);
    await clickButton(page, 'Create poll');
    await waitForScreen(page, 'aw-poll-screen', 'table');
    assert.equal(await textOf(page, 'h1'), QUESTION);
    assert.equal(await textOf(page, 'main > [role="status"]', { shell: true }), 'The poll was created.');
    const poll = await adminPoll();
    assert.deepEqual(poll.options.map((o) => [o.id, o.label, o.votes]), LABELS.map((label, i) => [`o${i + 1}`, label, 0]));
    assert.equal(poll.closed, false);
  });

  it('a page with <opinion-poll> on the same server shows it; a reader votes there; the console shows the vote', async () => {
    const context = await browser.createBrowserContext();
    reader = await context.newPage();
    await reader.goto(`${base}/site/poll.html`, { waitUntil: 'load' });
    await reader.waitForFunction(
      (question) => document.querySelector('opinion-poll')?.shadowRoot?.querySelector('legend')?.textContent.trim() === question,
      { timeout: 15000, polling: 100 },
      QUESTION,
    );
    const option = await reader.evaluateHandle(() => document.querySelector('opinion-poll').shadowRoot.querySelector('input[value="o2"]'));
    await option.click();
    await (await reader.evaluateHandle(() => document.querySelector('opinion-poll').shadowRoot.querySelector('[part~="vote"]'))).click();
    await reader.waitForFunction(() => document.querySelector('opinion-poll').shadowRoot.querySelector('[part~="figures"]'), { timeout: 15000, polling: 100 });

    // The console's page reads the results again by itself while the poll is open.
    const { page } = ed;
    await waitForText(page, 'tbody tr:nth-child(2) td.number', '1');
    const rows = await page.evaluate(() =>
      [...window.currentScreen().shadowRoot.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent.trim())),
    );
    assert.deepEqual(rows, [[LABELS[0], '0', '0%'], [LABELS[1], '1', '100%'], [LABELS[2], '0', '0%']]);
    assert.match(await textOf(page, 'table + p'), /^1 vote$/);
  });

  it('refuses a console request without the CSRF token, and changes nothing', async () => {
    const status = await ed.page.evaluate(async (id) => {
      const r = await fetch(`/api/admin/polls/${id}/close`, { method: 'POST' });
      return [r.status, (await r.json()).error.code];
    }, POLL_ID);
    assert.deepEqual(status, [403, 'csrf-token-invalid']);
    assert.equal((await adminPoll()).closed, false);
  });

  it('closes the poll; the widget shows it closed after a reload', async () => {
    const { page } = ed;
    await clickButton(page, 'Close poll');
    await waitForText(page, '.actions + [role="status"]', 'The poll is closed.');
    assert.match(await textOf(page, '.meta'), /^Closed/);
    assert.match(await focused(page), /^button:Reopen poll/, 'the same button, now to reopen, keeps the focus');
    assert.equal((await adminPoll()).closed, true);
    await reader.reload({ waitUntil: 'load' });
    await reader.waitForFunction(() => document.querySelector('opinion-poll')?.shadowRoot?.querySelector('[part="heading"]')?.textContent.trim() === 'Poll conducted', { timeout: 15000, polling: 100 });
    assert.equal(await reader.evaluate(() => document.querySelector('opinion-poll').shadowRoot.querySelectorAll('input').length), 0);
  });

  it('exports the results as CSV: a BOM, quoted fields, the figures', async () => {
    const { page } = ed;
    mkdirSync(downloads, { recursive: true });
    const session = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, browserContextId: ed.context.id });
    await clickButton(page, 'Export CSV');
    const file = join(downloads, `poll-${POLL_ID}.csv`);
    for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const text = readFileSync(file, 'utf8');
    assert.equal(text[0], '\uFEFF', 'a byte order mark, so spreadsheets read UTF-8');
    assert.ok(text.includes('"""Sunday"" after lunch"') && text.includes('"Saturday, morning"'), text);
    assert.deepEqual(parseCsv(text.slice(1)), [
      ['option', 'label', 'votes', 'percentage'],
      ['o1', LABELS[0], '0', '0'],
      ['o2', LABELS[1], '1', '100'],
      ['o3', LABELS[2], '0', '0'],
    ]);
    assert.deepEqual(readdirSync(downloads), [`poll-${POLL_ID}.csv`]);
  });

  it('edits a label: the votes stay with their option', async () => {
    const { page } = ed;
    await fill(page, '#edit-o2', 'Saturday morning, 10:00');
    await clickButton(page, 'Save changes');
    await waitForText(page, 'form [role="status"]', 'Saved.');
    const poll = await adminPoll();
    assert.deepEqual(poll.options[1], { id: 'o2', label: 'Saturday morning, 10:00', votes: 1 });
  });

  it('copies the embed code', async () => {
    const { page, context } = ed;
    await context.overridePermissions(base, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await page.bringToFront();
    await clickButton(page, 'Copy');
    await waitForText(page, '#embed-hint ~ [role="status"]', 'Copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `<opinion-poll poll-id="${POLL_ID}"></opinion-poll>`);
  });

  it('the browser\'s back button goes back a screen, and the focus goes to its heading', async () => {
    const { page } = ed;
    await page.goBack();
    await waitForScreen(page, 'aw-new-poll-screen', 'form');
    assert.equal(await focused(page), 'h1:New poll');
    await page.goBack();
    await waitForScreen(page, 'aw-polls-screen', 'table');
    assert.equal(await textOf(page, 'tbody tr td'), QUESTION, 'the new poll is listed first');
    assert.match(await textOf(page, 'tbody tr'), /Closed 1$/);
    await page.goForward();
    await waitForScreen(page, 'aw-new-poll-screen', 'form');
  });

  it('signing out ends the session on the server: the old cookie opens nothing', async () => {
    const { page, errors } = ed;
    const [cookie] = await page.cookies();
    await click(page, 'header button', { shell: true });
    await waitForScreen(page, 'aw-sign-in-screen', '#token');
    assert.equal(await textOf(page, 'main > [role="status"]', { shell: true }), 'You have signed out.');
    assert.deepEqual(await page.cookies(), []);
    const old = await fetch(`${base}/api/admin/polls`, { headers: { cookie: `${cookie.name}=${cookie.value}` } });
    assert.equal(old.status, 401);
    assert.deepEqual(errors, []);
  });
});

describe('every screen, in both languages and both colour schemes', () => {
  let base;
  before(async () => {
    base = await startServer(['--db', join(dir, 'screens.sqlite'), '--seed', join(repo, 'demo/data/widgets.json'), '--admin-token', TOKEN]);
    for (const [url, network] of [['https://example.org/a1', 'telegram'], ['https://example.org/a1', 'vk'], ['https://example.org/a2', 'telegram']]) {
      await fetch(`${base}/api/shares`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `share-${network}-${url.slice(-2)}` },
        body: JSON.stringify({ url, network, voterId: 'e2e-voter-0123456789' }),
      });
    }
  });

  const screens = [
    ['polls', '#/polls', 'aw-polls-screen', 'table'],
    ['new-poll', '#/new-poll', 'aw-new-poll-screen', 'form'],
    ['poll', '#/polls/reader-topics', 'aw-poll-screen', 'table'],
    ['closed-poll', '#/polls/us-long-term-goals-for-russia', 'aw-poll-screen', 'table'],
    ['ratings', '#/ratings', 'aw-ratings-screen', 'table'],
    ['shares', '#/shares', 'aw-shares-screen', 'table'],
  ];

  for (const lang of ['en', 'ru']) {
    for (const scheme of ['light', 'dark']) {
      it(`axe finds nothing on any screen in ${lang}, ${scheme}`, async () => {
        const { context, page, errors } = await editor(base, { lang, scheme });
        await signIn(page, 'a-wrong-token-for-the-error-state');
        await page.waitForFunction(() => window.currentScreen().shadowRoot.querySelector('#token-problem').textContent, { polling: 100 });
        assert.deepEqual(await axeViolations(page), [], 'sign-in, with its error');
        await screenshot(page, `sign-in-${lang}-${scheme}`);
        await signIn(page);
        await waitForScreen(page, 'aw-polls-screen', 'table');
        for (const [name, hash, tag, ready] of screens) {
          await page.goto(`${base}/admin/${hash}`);
          await waitForScreen(page, tag, ready);
          if (name === 'new-poll') {
            await clickButton(page, lang === 'en' ? 'Create poll' : 'Создать опрос');
            await page.waitForFunction(() => window.currentScreen().shadowRoot.querySelector('#question-error'), { polling: 100 });
          }
          assert.deepEqual(await axeViolations(page), [], name);
          await screenshot(page, `${name}-${lang}-${scheme}`);
        }
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }

  it('the language is the browser\'s; the switch changes every string at once, and is remembered', async () => {
    const russian = await editor(base, { browserLanguage: 'ru-RU,ru' });
    await waitForScreen(russian.page, 'aw-sign-in-screen', '#token');
    assert.equal(await textOf(russian.page, 'h1'), 'Вход');
    await russian.context.close();

    const { context, page } = await editor(base, { browserLanguage: 'en-GB,en' });
    await signIn(page);
    await waitForScreen(page, 'aw-polls-screen', 'table');
    const select = await page.evaluateHandle(() => document.querySelector('aw-console').shadowRoot.querySelector('#language'));
    await select.select('ru');
    await waitForText(page, 'h1', 'Опросы');
    assert.equal(await textOf(page, 'header button', { shell: true }), 'Выйти');
    assert.match(await textOf(page, 'tbody'), /Завершён/);
    await page.reload();
    await waitForScreen(page, 'aw-polls-screen', 'table');
    assert.equal(await textOf(page, 'h1'), 'Опросы');
    // What the console said before the switch is said again in the new language.
    await page.goto(`${base}/admin/#/new-poll`);
    await waitForScreen(page, 'aw-new-poll-screen', 'form');
    await clickButton(page, 'Создать опрос');
    await waitForText(page, '#question-error', 'Заполните это поле.');
    await (await page.evaluateHandle(() => document.querySelector('aw-console').shadowRoot.querySelector('#language'))).select('en');
    await waitForText(page, '#question-error', 'Fill this in.');
    assert.equal(await textOf(page, '[role="alert"]'), 'The poll was not created: 4 fields need attention.');
    await context.close();
  });

  it('an editor in Moscow, in Russian, creates a multiple-choice poll closing at her local time: stored as UTC', async () => {
    const { context, page, errors } = await editor(base, { lang: 'ru' });
    await page.emulateTimezone('Europe/Moscow');
    await page.reload();
    await signIn(page);
    await waitForScreen(page, 'aw-polls-screen', 'table');
    await page.goto(`${base}/admin/#/new-poll`);
    await waitForScreen(page, 'aw-new-poll-screen', 'form');
    assert.match(await textOf(page, '#closesAt-hint'), /Europe\/Moscow/);
    await fill(page, '#question', 'Что читать летом?');
    await fill(page, '#option-1', 'Романы');
    await fill(page, '#option-2', 'Стихи');
    await clickButton(page, 'Добавить вариант');
    await page.keyboard.type('Нон-фикшн');
    await click(page, 'input[type="checkbox"]');
    await fill(page, '#upTo', '2');
    await (await page.evaluateHandle(() => window.currentScreen().shadowRoot.querySelector('#results'))).select('after-vote');
    await page.evaluate(() => {
      const input = window.currentScreen().shadowRoot.querySelector('#closesAt');
      input.value = '2030-01-15T18:00';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await clickButton(page, 'Создать опрос');
    await waitForScreen(page, 'aw-poll-screen', 'table');
    const poll = await (await fetch(`${base}/api/admin/polls/chto-chitat-letom`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    assert.deepEqual(
      { multiple: poll.multiple, maxChoices: poll.maxChoices, results: poll.results, closesAt: poll.closesAt, labels: poll.options.map((o) => o.label) },
      { multiple: true, maxChoices: 2, results: 'after-vote', closesAt: '2030-01-15T15:00:00.000Z', labels: ['Романы', 'Стихи', 'Нон-фикшн'] },
    );
    assert.match(await textOf(page, '.meta'), /^Открыт до 15 янв\. 2030 г\., 18:00/);
    assert.equal(await textOf(page, 'table + p'), '0 голосов · 0 участников');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('sorts and searches the ratings, and exports what it shows', async () => {
    for (const [article, rating] of [['zeta-article', 5], ['alpha-article', 2], ['alpha-article', 3]]) {
      await fetch(`${base}/api/ratings/${article}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `rate-${article}-${rating}` },
        body: JSON.stringify({ rating, voterId: `e2e-rater-${rating}-0123456789` }),
      });
    }
    const { context, page } = await editor(base, { lang: 'en' });
    await signIn(page);
    await waitForScreen(page, 'aw-polls-screen', 'table');
    await page.goto(`${base}/admin/#/ratings`);
    await waitForScreen(page, 'aw-ratings-screen', 'table');
    const ids = () => page.evaluate(() => [...window.currentScreen().shadowRoot.querySelectorAll('tbody code')].map((c) => c.textContent));
    assert.deepEqual(await ids(), ['us-long-term-goals-for-russia', 'alpha-article', 'zeta-article'], 'most votes first');
    await clickButton(page, 'Average');
    assert.deepEqual(await ids(), ['zeta-article', 'us-long-term-goals-for-russia', 'alpha-article']);
    assert.equal(await page.evaluate(() => window.currentScreen().shadowRoot.querySelectorAll('th[aria-sort="descending"]').length), 1);
    await clickButton(page, 'Average ▼'); // the arrow is hidden from screen readers, which hear aria-sort
    assert.deepEqual(await ids(), ['alpha-article', 'us-long-term-goals-for-russia', 'zeta-article']);
    await fill(page, '#search', 'ARTICLE');
    assert.deepEqual(await ids(), ['alpha-article', 'zeta-article']);
    assert.equal(await textOf(page, '.actions [role="status"]'), '2 articles');
    const folder = join(dir, 'ratings-download');
    const session = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder, browserContextId: context.id });
    await clickButton(page, 'Export CSV');
    const file = join(folder, 'ratings.csv');
    for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(parseCsv(readFileSync(file, 'utf8').slice(1)), [['article', 'votes', 'average'], ['alpha-article', '2', '2.5'], ['zeta-article', '1', '5']]);
    await context.close();
  });

  it('after too many wrong tokens the form says how long to wait', async () => {
    const limited = await startServer(['--db', join(dir, 'limited.sqlite'), '--admin-token', TOKEN]);
    for (let i = 0; i < 10; i++) {
      await fetch(`${limited}/api/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'a-wrong-token-0123456789-x' }) });
    }
    const { context, page } = await editor(limited, { lang: 'ru' });
    await signIn(page);
    await waitForText(page, '#token-problem', /^Слишком много неверных токенов\. Повторите через \d+ (секунд|секунду|секунды)\.$/);
    assert.deepEqual(await page.cookies(), []);
    await context.close();
  });

  it('without --admin-token the console says how to turn it on', async () => {
    const bare = await startServer(['--db', join(dir, 'no-admin.sqlite')]);
    for (const lang of ['en', 'ru']) {
      const { context, page } = await editor(bare, { lang });
      await page.waitForFunction(() => document.querySelector('aw-console')?.shadowRoot?.querySelector('main h1'), { polling: 100 });
      assert.match(await textOf(page, 'main', { shell: true }), /--admin-token.*AW_ADMIN_TOKEN/);
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, `admin-off-${lang}`);
      await context.close();
    }
  });
});
