// One backend contract, three backends: every scenario runs on MemoryBackend, on LocalBackend and
// on HttpBackend talking to the REAL reference server (started by the wtr plugin in
// server/test/wtr-server-plugin.js) on SQLite and on PostgreSQL, and each must give the expected answers, the same errors
// (kind and the contract's code) and the same counts. What only the server knows (client
// addresses: the per-item cap, the write limit) is tested in server/test and item-limit.test.ts.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { BackendError, WidgetBackend, WriteContext } from '../../src/backend/backend.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { LocalBackend } from '../../src/backend/local-backend.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import type { PollData, WidgetData } from '../../src/contract/types.js';
import { randomId } from '../../src/internal/voter.js';

type ServerState = { url: string; running: boolean; adminToken: string };
type Engine = 'sqlite' | 'postgres';
const servers = {} as Record<Engine, ServerState>;
before(async () => {
  for (const engine of ['sqlite', 'postgres'] as const) {
    servers[engine] = (await executeServerCommand<ServerState, { action: string; engine: Engine }>('aw-server', { action: 'start', engine }))!;
  }
});

/** A backend loaded with `data`, under ids no other test uses (the server is shared by the run). */
type Make = (data: WidgetData) => Promise<WidgetBackend>;

const local: string[] = [];
after(() => local.forEach((key) => localStorage.removeItem(key)));

/** HttpBackend on the server of `engine`, its data imported by the admin API. */
async function serverBackend(engine: Engine, data: WidgetData): Promise<WidgetBackend> {
  const server = servers[engine];
  const reply = await fetch(`${server.url}/api/admin/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify(data),
  });
  expect(reply.status, await reply.clone().text()).to.equal(200);
  return new HttpBackend(`${server.url}/api`);
}

const backends: [name: string, make: Make][] = [
  ['MemoryBackend', async (data) => new MemoryBackend(data)],
  [
    'LocalBackend',
    async (data) => {
      const storageKey = `contract-test:${randomId()}`;
      local.push(storageKey);
      return new LocalBackend(data, { storageKey });
    },
  ],
  ['HttpBackend and the reference server on SQLite', (data) => serverBackend('sqlite', data)],
  ['HttpBackend and the reference server on PostgreSQL', (data) => serverBackend('postgres', data)],
];

/** A reader: a voter id as the widgets make them, and a fresh key for each write unless given. */
function reader() {
  const voterId = randomId();
  return { voterId, write: (idempotencyKey = randomId()): WriteContext => ({ voterId, idempotencyKey }) };
}

/** What a call answered, or how it failed: the kind and the contract's code, nothing backend-specific. */
async function outcome(call: Promise<unknown>): Promise<unknown> {
  try {
    return await call;
  } catch (error) {
    const { code, reason } = error as BackendError;
    return { failed: code, reason };
  }
}

/** Ids this scenario's data uses, unique in the run. */
function names() {
  const tag = randomId().slice(0, 10);
  return { article: `article-${tag}`, poll: `poll-${tag}`, url: `https://example.org/${tag}` };
}

function poll(id: string, overrides: Partial<PollData> = {}): PollData {
  return {
    id,
    question: 'Which season?',
    options: [
      { id: 'spring', label: 'Spring', votes: 3 },
      { id: 'summer', label: 'Summer', votes: 1 },
      { id: 'winter', label: 'Winter', votes: 0 },
    ],
    multiple: false,
    maxChoices: 1,
    results: 'always',
    closesAt: null,
    closed: false,
    ...overrides,
  };
}

/**
 * Runs `scenario` on every backend; each transcript must equal `expected` (the ids of the
 * scenario's data written as ARTICLE, POLL and URL), so all of them answer alike.
 */
function agree(title: string, data: (ids: ReturnType<typeof names>) => WidgetData, scenario: (backend: WidgetBackend, ids: ReturnType<typeof names>) => Promise<unknown[]>, expected: unknown[]) {
  it(title, async () => {
    for (const [name, make] of backends) {
      const ids = names();
      const transcript = await scenario(await make(data(ids)), ids);
      const general: unknown = JSON.parse(JSON.stringify(transcript).replaceAll(ids.article, 'ARTICLE').replaceAll(ids.poll, 'POLL').replaceAll(ids.url, 'URL'));
      expect(general, name).to.deep.equal(expected);
    }
  });
}

const refused = (reason: string) => ({ failed: 'refused', reason });
const notFound = (reason: string) => ({ failed: 'not-found', reason });

describe('the backend contract: MemoryBackend, LocalBackend and HttpBackend with the server on SQLite and on PostgreSQL answer alike', () => {
  describe('ratings', () => {
    agree(
      'a rating counts once per reader; a second one replaces the first; the average is rounded to 6 decimals',
      (ids) => ({ ratings: [{ articleId: ids.article, votes: 0, average: 0 }] }),
      async (backend, ids) => {
        const [ann, bob, cy] = [reader(), reader(), reader()];
        return [
          await backend.rateArticle(ids.article, 1, ann.write()),
          await backend.rateArticle(ids.article, 1, bob.write()),
          await backend.rateArticle(ids.article, 2, cy.write()),
          await backend.rateArticle(ids.article, 5, ann.write()),
          await backend.getRating(ids.article),
        ];
      },
      [
        { summary: { articleId: 'ARTICLE', votes: 1, average: 1 }, rating: 1 },
        { summary: { articleId: 'ARTICLE', votes: 2, average: 1 }, rating: 1 },
        { summary: { articleId: 'ARTICLE', votes: 3, average: 1.333333 }, rating: 2 },
        { summary: { articleId: 'ARTICLE', votes: 3, average: 2.666667 }, rating: 5 },
        { articleId: 'ARTICLE', votes: 3, average: 2.666667 },
      ],
    );

    agree(
      'imported figures and a star distribution are counted in; an article nobody rated reads as 0 votes',
      (ids) => ({ ratings: [{ articleId: ids.article, distribution: [0, 0, 1, 1, 1] }] }),
      async (backend, ids) => [
        await backend.getRating(ids.article),
        await backend.rateArticle(ids.article, 1, reader().write()),
        await backend.getRating(`${ids.article}-nobody`),
      ],
      [
        { articleId: 'ARTICLE', votes: 3, average: 4 },
        { summary: { articleId: 'ARTICLE', votes: 4, average: 3.25 }, rating: 1 },
        { articleId: 'ARTICLE-nobody', votes: 0, average: 0 },
      ],
    );

    agree(
      'bad input is refused as invalid: ratings outside 1..5, ids outside the id rule, voter ids and keys too short',
      () => ({}),
      async (backend, ids) => {
        const ann = reader();
        return [
          ...(await Promise.all([0, 6, 2.5].map((stars) => outcome(backend.rateArticle(ids.article, stars, ann.write()))))),
          await outcome(backend.rateArticle('bad id!', 3, ann.write())),
          await outcome(backend.getRating('.hidden')),
          await outcome(backend.rateArticle(ids.article, 3, { voterId: 'short', idempotencyKey: randomId() })),
          await outcome(backend.rateArticle(ids.article, 3, ann.write('k'))),
          await backend.getRating(ids.article),
        ];
      },
      [...Array.from({ length: 7 }, () => refused('invalid')), { articleId: 'ARTICLE', votes: 0, average: 0 }],
    );
  });

  describe('polls', () => {
    agree(
      'a single-choice ballot counts once; a second is refused; unknown polls and options are not found',
      (ids) => ({ polls: [poll(ids.poll)] }),
      async (backend, ids) => {
        const ann = reader();
        return [
          await backend.votePoll(ids.poll, ['summer'], ann.write()),
          await outcome(backend.votePoll(ids.poll, ['winter'], ann.write())),
          await outcome(backend.votePoll(ids.poll, ['autumn'], reader().write())),
          await outcome(backend.votePoll(`${ids.poll}-gone`, ['summer'], reader().write())),
          await outcome(backend.getPoll(`${ids.poll}-gone`)),
          await backend.getPoll(ids.poll, { voterId: ann.voterId }),
        ];
      },
      [
        { ...poll('POLL', { options: [{ id: 'spring', label: 'Spring', votes: 3 }, { id: 'summer', label: 'Summer', votes: 2 }, { id: 'winter', label: 'Winter', votes: 0 }] }), allowChange: false, voters: 5, myChoices: ['summer'] },
        refused('already-voted'),
        notFound('unknown-option'),
        notFound('unknown-poll'),
        notFound('unknown-poll'),
        { ...poll('POLL', { options: [{ id: 'spring', label: 'Spring', votes: 3 }, { id: 'summer', label: 'Summer', votes: 2 }, { id: 'winter', label: 'Winter', votes: 0 }] }), allowChange: false, voters: 5, myChoices: ['summer'] },
      ],
    );

    agree(
      'multiple choice: up to maxChoices (repeats count once), voters counted once, more choices or none refused',
      (ids) => ({ polls: [poll(ids.poll, { multiple: true, maxChoices: 2, voters: 3 })] }),
      async (backend, ids) => [
        await outcome(backend.votePoll(ids.poll, ['spring', 'summer', 'winter'], reader().write())),
        await outcome(backend.votePoll(ids.poll, [], reader().write())),
        (await backend.votePoll(ids.poll, ['spring', 'winter', 'spring'], reader().write())) as unknown,
      ].map((result) => ((result as { options?: unknown }).options ? { options: (result as { options: unknown }).options, voters: (result as { voters: unknown }).voters, mine: (result as { myChoices: unknown }).myChoices } : result)),
      [
        refused('too-many-choices'),
        refused('invalid'),
        { options: [{ id: 'spring', label: 'Spring', votes: 4 }, { id: 'summer', label: 'Summer', votes: 1 }, { id: 'winter', label: 'Winter', votes: 1 }], voters: 4, mine: ['spring', 'winter'] },
      ],
    );

    agree(
      'where a poll allows a change, a second ballot moves the vote and adds no voter',
      (ids) => ({ polls: [poll(ids.poll, { allowChange: true })] }),
      async (backend, ids) => {
        const ann = reader();
        await backend.votePoll(ids.poll, ['spring'], ann.write());
        const changed = await backend.votePoll(ids.poll, ['winter'], ann.write());
        return [changed.options.map((o) => o.votes), changed.voters, changed.myChoices];
      },
      [[3, 1, 1], 5, ['winter']],
    );

    agree(
      'a closed poll, or one past its closing time, shows its results and refuses ballots',
      (ids) => ({ polls: [poll(ids.poll, { closed: true }), poll(`${ids.poll}-past`, { closesAt: '2020-01-01T00:00:00Z', results: 'after-close' })] }),
      async (backend, ids) => [
        await outcome(backend.votePoll(ids.poll, ['spring'], reader().write())),
        await outcome(backend.votePoll(`${ids.poll}-past`, ['spring'], reader().write())),
        (await backend.getPoll(`${ids.poll}-past`)).options.map((o) => o.votes),
        (await backend.getPoll(`${ids.poll}-past`)).closed,
      ],
      [refused('poll-closed'), refused('poll-closed'), [3, 1, 0], true],
    );

    agree(
      'results shown after the vote are hidden before it, from the reader and from anyone else',
      (ids) => ({ polls: [poll(ids.poll, { results: 'after-vote' }), poll(`${ids.poll}-closing`, { results: 'after-close', closesAt: '2999-01-01T00:00:00Z' })] }),
      async (backend, ids) => {
        const ann = reader();
        const before = await backend.getPoll(ids.poll, { voterId: ann.voterId });
        const voted = await backend.votePoll(ids.poll, ['spring'], ann.write());
        const afterCloseVote = await backend.votePoll(`${ids.poll}-closing`, ['spring'], ann.write());
        return [
          before.options,
          before.voters,
          voted.options.map((o) => o.votes),
          voted.voters,
          (await backend.getPoll(ids.poll)).options[0].votes,
          (await backend.getPoll(ids.poll, { voterId: ann.voterId })).options[0].votes,
          afterCloseVote.options[0].votes,
          afterCloseVote.myChoices,
        ];
      },
      [
        [{ id: 'spring', label: 'Spring' }, { id: 'summer', label: 'Summer' }, { id: 'winter', label: 'Winter' }],
        undefined,
        [4, 1, 0],
        5,
        undefined,
        4,
        undefined,
        ['spring'],
      ].map((value) => (value === undefined ? null : value)),
    );
  });

  describe('shares', () => {
    agree(
      'a share counts once per reader, network and URL; unknown networks and bad addresses are refused',
      () => ({}),
      async (backend, ids) => {
        const [ann, bob] = [reader(), reader()];
        return [
          await backend.recordShare(ids.url, 'telegram', ann.write()),
          await backend.recordShare(ids.url, 'telegram', ann.write()),
          await backend.recordShare(ids.url, 'vk', ann.write()),
          await backend.recordShare(ids.url, 'telegram', bob.write()),
          await backend.getShareCounts(`${ids.url}/other`),
          await outcome(backend.recordShare(ids.url, 'myspace', bob.write())),
          await outcome(backend.recordShare('javascript:alert(1)', 'vk', bob.write())),
          await outcome(backend.getShareCounts('not an address')),
          await backend.getShareCounts(ids.url),
        ];
      },
      [
        { url: 'URL', counts: { telegram: 1 }, total: 1 },
        { url: 'URL', counts: { telegram: 1 }, total: 1 },
        { url: 'URL', counts: { telegram: 1, vk: 1 }, total: 2 },
        { url: 'URL', counts: { telegram: 2, vk: 1 }, total: 3 },
        { url: 'URL/other', counts: {}, total: 0 },
        refused('unknown-network'),
        refused('invalid'),
        refused('invalid'),
        { url: 'URL', counts: { telegram: 2, vk: 1 }, total: 3 },
      ],
    );
  });

  describe('idempotency', () => {
    agree(
      'a retry under the same key gets the first answer and counts nothing; the key with another request is refused',
      (ids) => ({ ratings: [{ articleId: ids.article, votes: 1, average: 5 }], polls: [poll(ids.poll, { allowChange: true })] }),
      async (backend, ids) => {
        const ann = reader();
        const key = randomId();
        const first = await backend.rateArticle(ids.article, 3, ann.write(key));
        await backend.rateArticle(ids.article, 1, reader().write());
        const ballot = randomId();
        return [
          first,
          await backend.rateArticle(ids.article, 3, ann.write(key)),
          await outcome(backend.rateArticle(ids.article, 4, ann.write(key))),
          await outcome(backend.votePoll(ids.poll, ['spring'], ann.write(key))),
          // Another reader's key is their own.
          (await backend.rateArticle(ids.article, 2, reader().write(key))).summary,
          (await backend.votePoll(ids.poll, ['summer'], ann.write(ballot))).options.map((o) => o.votes),
          (await backend.votePoll(ids.poll, ['summer'], ann.write(ballot))).options.map((o) => o.votes),
          await backend.getRating(ids.article),
        ];
      },
      [
        { summary: { articleId: 'ARTICLE', votes: 2, average: 4 }, rating: 3 },
        { summary: { articleId: 'ARTICLE', votes: 2, average: 4 }, rating: 3 },
        refused('idempotency-key-reused'),
        refused('idempotency-key-reused'),
        { articleId: 'ARTICLE', votes: 4, average: 2.75 },
        [3, 2, 0],
        [3, 2, 0],
        { articleId: 'ARTICLE', votes: 4, average: 2.75 },
      ],
    );
  });
});
