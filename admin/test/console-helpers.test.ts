import { expect } from '@open-wc/testing';
import { csvCell, toCsv } from '../src/csv.js';
import { parseRoute, routeHref } from '../src/router.js';
import { ratingRows } from '../src/screens/ratings-screen.js';
import { pollCsv, pollFigures } from '../src/screens/poll-screen.js';
import { idPattern, slugify } from '../src/slug.js';
import { localToUtc, utcToLocal } from '../src/time.js';
import type { PollView } from '../../src/backend/backend.js';

const poll = (votes: number[], extra: Partial<PollView> = {}): PollView => ({
  id: 'p1',
  question: 'Q?',
  options: votes.map((n, i) => ({ id: `o${i + 1}`, label: `Option ${i + 1}`, votes: n })),
  multiple: false,
  maxChoices: 1,
  results: 'always',
  closesAt: null,
  closed: false,
  allowChange: false,
  ...extra,
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('plain text')).to.equal('plain text');
    expect(csvCell('a, b')).to.equal('"a, b"');
    expect(csvCell('say "yes"')).to.equal('"say ""yes"""');
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell('Россия и Азия')).to.equal('Россия и Азия');
  });

  it('defuses what a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).to.equal(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).to.match(/^'/);
    expect(csvCell(-3)).to.equal('-3');
    expect(csvCell('a=b')).to.equal('a=b');
  });

  it('writes a BOM, a header and CRLF rows', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, 'y, z']])).to.equal('\uFEFFa,b\r\n1,x\r\n2,"y, z"\r\n');
  });

  it('exports a poll with the shares the widget shows: the seed poll\'s 33/30/24/21 as 31/28/22/19', () => {
    expect(pollCsv(poll([33, 30, 24, 21]))).to.equal(
      '\uFEFFoption,label,votes,percentage\r\no1,Option 1,33,31\r\no2,Option 2,30,28\r\no3,Option 3,24,22\r\no4,Option 4,21,19\r\n',
    );
  });
});

describe('poll figures', () => {
  it('single choice: shares of all votes, summing to 100 by largest remainder', () => {
    expect(pollFigures(poll([1, 1, 1])).shares).to.deep.equal([34, 33, 33]);
    expect(pollFigures(poll([0, 0])).shares).to.deep.equal([0, 0]);
  });

  it('multiple choice: shares of the voters, each rounded', () => {
    const figures = pollFigures(poll([12, 9, 7, 4], { multiple: true, maxChoices: 4, voters: 19 }));
    expect(figures.shares).to.deep.equal([63, 47, 37, 21]);
    expect(figures.total).to.equal(32);
    expect(figures.voters).to.equal(19);
  });
});

describe('poll ids', () => {
  it('are made from the question, Cyrillic in Latin letters', () => {
    expect(slugify('Which topics should we cover more often?')).to.equal('which-topics-should-we-cover-more-often');
    expect(slugify('О каких темах нам писать чаще?')).to.equal('o-kakikh-temakh-nam-pisat-chashche');
    expect(slugify('Щука, ёж и объём: 2026 год')).to.equal('shchuka-ezh-i-obem-2026-god');
    expect(slugify('Café crème')).to.equal('cafe-creme');
    expect(slugify('?!…')).to.equal('');
  });

  it('are cut at a word\'s end, and always pass the server\'s id rule', () => {
    const long = slugify('word '.repeat(40));
    expect(long.length).to.be.at.most(60);
    expect(long.endsWith('word')).to.equal(true);
    for (const text of ['Q?', 'Что важнее в 2026 году?', '  -leading dash', 'x'.repeat(300)]) {
      const slug = slugify(text);
      expect(idPattern.test(slug), slug).to.equal(true);
    }
  });

  it('the server\'s rule refuses what the server refuses', () => {
    for (const bad of ['', '-first', 'with space', 'слово', 'a/b', 'x'.repeat(129)]) expect(idPattern.test(bad), bad).to.equal(false);
    for (const good of ['a', '_a', 'a.b:c~d-e', 'x'.repeat(128)]) expect(idPattern.test(good), good).to.equal(true);
  });
});

describe('"Closes at"', () => {
  it('reads a datetime-local value in the browser\'s time zone and gives UTC', () => {
    const local = new Date(2026, 11, 1, 18, 30);
    expect(localToUtc('2026-12-01T18:30')).to.equal(local.toISOString());
    expect(utcToLocal(local.toISOString())).to.equal('2026-12-01T18:30');
  });

  it('refuses what is no whole date and time', () => {
    for (const bad of ['', '2026-12-01', 'tomorrow', '2026-13-45T99:99']) expect(localToUtc(bad), bad).to.equal(undefined);
  });
});

describe('routes', () => {
  it('reads every screen from the hash and back', () => {
    for (const route of [{ screen: 'polls' }, { screen: 'new-poll' }, { screen: 'ratings' }, { screen: 'shares' }, { screen: 'poll', pollId: 'a.b:c~d' }] as const) {
      expect(parseRoute(routeHref(route))).to.deep.equal(route);
    }
    expect(parseRoute('')).to.deep.equal({ screen: 'polls' });
    expect(parseRoute('#/nonsense')).to.deep.equal({ screen: 'polls' });
    expect(parseRoute('#/polls/%E0%A4%A')).to.deep.equal({ screen: 'polls' });
  });
});

describe('ratings list', () => {
  const ratings = [
    { articleId: 'b-article', votes: 4, average: 4.5 },
    { articleId: 'a-article', votes: 4, average: 3 },
    { articleId: 'other', votes: 10, average: 2 },
  ];
  it('sorts by a column, ties by id, either way', () => {
    expect(ratingRows(ratings, '', 'votes', true).map((r) => r.articleId)).to.deep.equal(['other', 'b-article', 'a-article']);
    expect(ratingRows(ratings, '', 'votes', false).map((r) => r.articleId)).to.deep.equal(['a-article', 'b-article', 'other']);
    expect(ratingRows(ratings, '', 'average', true).map((r) => r.articleId)).to.deep.equal(['b-article', 'a-article', 'other']);
    expect(ratingRows(ratings, '', 'articleId', false).map((r) => r.articleId)).to.deep.equal(['a-article', 'b-article', 'other']);
  });

  it('finds articles by any part of their id, in any case', () => {
    expect(ratingRows(ratings, ' ARTICLE ', 'votes', true).map((r) => r.articleId)).to.deep.equal(['b-article', 'a-article']);
    expect(ratingRows(ratings, 'nothing', 'votes', true)).to.deep.equal([]);
  });
});
