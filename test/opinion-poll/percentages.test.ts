import { expect } from '@open-wc/testing';
import { percentages } from '../../src/opinion-poll/percentages.js';
import { seed } from '../helpers.js';

/** mulberry32: a small seeded PRNG, so a failing vector can be reproduced from its seed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('percentages()', () => {
  it('gives the seed poll 31/28/22/19 for 33/30/24/21', () => {
    const counts = seed.poll.options.map((o) => o.votes);
    expect(percentages(counts)).to.deep.equal(seed.poll.options.map((o) => o.shownPercent));
  });

  it('sums to 100 where plain rounding would not', () => {
    expect(percentages([1, 1, 1])).to.deep.equal([34, 33, 33]);
    expect(percentages([1, 1, 1, 1, 1, 1])).to.deep.equal([17, 17, 17, 17, 16, 16]);
    expect(percentages([2, 2, 1])).to.deep.equal([40, 40, 20]);
    expect(percentages([5, 5, 1])).to.deep.equal([46, 45, 9]);
  });

  it('breaks a tie of remainders towards more votes, then the earlier option', () => {
    // 1/3 and 1/3 remainders alike: 33.33.. each, one point to hand out.
    expect(percentages([0, 1, 1, 1])).to.deep.equal([0, 34, 33, 33]);
  });

  it('gives 0 for no votes, never NaN', () => {
    expect(percentages([0, 0, 0])).to.deep.equal([0, 0, 0]);
    expect(percentages([0, 0], 0)).to.deep.equal([0, 0]);
    expect(percentages([])).to.deep.equal([]);
    expect(percentages([0, 7])).to.deep.equal([0, 100]);
  });

  it('takes the voters as the base of a multiple-choice poll, without forcing a sum of 100', () => {
    // reader-topics: 12/9/7/4 votes from 19 voters.
    expect(percentages([12, 9, 7, 4], 19)).to.deep.equal([63, 47, 37, 21]);
    expect(percentages([3, 3], 3)).to.deep.equal([100, 100]);
  });

  it('property: for random counts (ties and zeros included) the shares sum to 100, each within 1 of the exact share', () => {
    for (let s = 1; s <= 3000; s++) {
      const random = prng(s);
      const n = 1 + Math.floor(random() * 9);
      const scale = [3, 10, 1000, 1e6][Math.floor(random() * 4)];
      // Draw from a few values only, so ties and zeros come up often.
      const pool = Array.from({ length: 3 }, () => Math.floor(random() * scale));
      const counts = Array.from({ length: n }, () => (random() < 0.25 ? 0 : pool[Math.floor(random() * 3)]));
      const total = counts.reduce((a, b) => a + b, 0);
      const shares = percentages(counts);
      const context = `seed ${s}: counts ${JSON.stringify(counts)} -> ${JSON.stringify(shares)}`;
      expect(shares.every(Number.isInteger), context).to.equal(true);
      if (total === 0) {
        expect(shares.every((p) => p === 0), context).to.equal(true);
        continue;
      }
      expect(shares.reduce((a, b) => a + b, 0), context).to.equal(100);
      counts.forEach((c, i) => {
        expect(Math.abs(shares[i] - (100 * c) / total), context).to.be.lessThan(1);
        if (c === 0) expect(shares[i], context).to.equal(0);
      });
      // Equal counts get shares at most 1 apart; more votes never get a smaller share.
      counts.forEach((c, i) => counts.forEach((d, j) => {
        if (c > d) expect(shares[i], context).to.be.at.least(shares[j]);
      }));
    }
  });

  it('property: multiple-choice shares are each the rounded share of the voters', () => {
    for (let s = 1; s <= 1000; s++) {
      const random = prng(s);
      const voters = Math.floor(random() * 500);
      const counts = Array.from({ length: 2 + Math.floor(random() * 6) }, () => Math.floor(random() * (voters + 1)));
      const shares = percentages(counts, voters);
      counts.forEach((c, i) => {
        const exact = voters ? (100 * c) / voters : 0;
        expect(Math.abs(shares[i] - exact), `seed ${s}`).to.be.at.most(0.5);
        expect(shares[i], `seed ${s}`).to.be.within(0, 100);
      });
    }
  });
});
