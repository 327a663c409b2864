// Intl objects are made once per language, not per element, render or number: a listing page of
// many widgets would otherwise build thousands of PluralRules and NumberFormats (toLocaleString
// with options builds a formatter on every call).
import { expect, fixture, html } from '@open-wc/testing';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { OpinionPoll } from '../../src/opinion-poll/opinion-poll.js';

ArticleRating.define();
OpinionPoll.define();

/** Counts, by locale, how often the page constructs each Intl class while `run` runs. */
async function constructions(run: () => Promise<void>): Promise<Record<string, number>> {
  const counted: Record<string, number> = {};
  const originals = { PluralRules: Intl.PluralRules, NumberFormat: Intl.NumberFormat, DateTimeFormat: Intl.DateTimeFormat };
  const toLocaleString = Number.prototype.toLocaleString;
  for (const [name, Original] of Object.entries(originals)) {
    (Intl as unknown as Record<string, unknown>)[name] = new Proxy(Original, {
      construct(target, args) {
        const key = `${name} ${args[0]}`;
        counted[key] = (counted[key] ?? 0) + 1;
        return Reflect.construct(target, args) as object;
      },
    });
  }
  Number.prototype.toLocaleString = function (...args) {
    counted.toLocaleStringCalls = (counted.toLocaleStringCalls ?? 0) + 1;
    return toLocaleString.apply(this, args);
  };
  try {
    await run();
  } finally {
    Object.assign(Intl, originals);
    Number.prototype.toLocaleString = toLocaleString;
  }
  return counted;
}

describe('Intl objects', () => {
  it('are made once per language for fifty ratings rendered twice, in two languages', async () => {
    const counted = await constructions(async () => {
      // German and Ukrainian: languages no other test of this page has used yet.
      const wrapper = await fixture(html`<div>
        ${Array.from({ length: 50 }, (_, i) => html`<article-rating lang=${i % 2 ? 'de' : 'uk'} article-id="a${i}" votes=${i + 1} average="4.5" readonly></article-rating>`)}
      </div>`);
      const ratings = [...wrapper.querySelectorAll('article-rating')];
      await Promise.all(ratings.map((el) => el.updateComplete));
      ratings.forEach((el, i) => (el.votes = i + 2));
      await Promise.all(ratings.map((el) => el.updateComplete));
      expect(ratings[1].shadowRoot!.querySelector('[part="summary"]')!.textContent, 'German, rendered').to.contain('4,5');
    });
    // A plural and one number format (one decimal) per language; whole numbers may add one more.
    for (const lang of ['de', 'uk']) {
      expect(counted[`PluralRules ${lang}`], `PluralRules ${lang}`).to.equal(1);
      expect(counted[`NumberFormat ${lang}`] ?? 0, `NumberFormat ${lang}`).to.be.within(1, 2);
    }
    expect(counted.toLocaleStringCalls ?? 0, 'toLocaleString, which builds a formatter per call').to.equal(0);
  });

  it('are made once per language for a poll\'s figures, shares and closing date', async () => {
    const poll = (i: number) => html`<opinion-poll lang="de" poll-id="p${i}" data-closes-at="2027-06-30T21:00:00Z" data-voters="9">
      <h3 data-question>Frage ${i}</h3>
      <ul><li data-option="a" data-votes="5">Ja</li><li data-option="b" data-votes="4">Nein</li></ul>
    </opinion-poll>`;
    const counted = await constructions(async () => {
      const wrapper = await fixture(html`<div>${[1, 2, 3, 4, 5].map(poll)}</div>`);
      await Promise.all([...wrapper.querySelectorAll('opinion-poll')].map((el) => el.updateComplete));
    });
    expect(counted['DateTimeFormat de'], 'DateTimeFormat de').to.equal(1);
    expect(counted['NumberFormat de'] ?? 0, 'NumberFormat de: numbers and percentages').to.be.within(1, 2);
    expect(counted.toLocaleStringCalls ?? 0).to.equal(0);
  });
});
