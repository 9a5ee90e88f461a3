import { describe, expect, it } from 'vitest';
import { assignLeaders } from '../../../src/compare/leaders/assign.js';
import { prepareParagraph } from '../../../src/read/analyze.js';
import { streamsOf } from '../../../src/read/token-streams.js';
import fc from 'fast-check';
import { earlierCandidates, OFFERS_KEPT, type Offers } from '../../../src/compare/leaders/offers.js';

const options = { threshold: 0.5, minTokens: 12, minWholeTokens: 8 };
const titles = ['宁小', '凰梅', '云梅', '坪峰', '白江', '安平', '李太', '西云', '东山', '南河'].map(
  (p) => `${p}街道人民政府`,
);

/** Offers for each paragraph: the given earlier paragraphs, one vote each. */
function offersOf(lists: number[][]): Offers {
  const kept = lists.map((list) => list.slice(0, OFFERS_KEPT));
  const start = new Uint32Array(lists.length + 1);
  kept.forEach((list, w) => (start[w + 1] = start[w] + list.length));
  return { start, para: Uint32Array.from(kept.flat()), votes: new Uint16Array(start[lists.length]).fill(1) };
}

describe('assignLeaders', () => {
  it('joins a paragraph to an earlier one with the very same tokens even when LSH offered only others', async () => {
    // Paragraph 10 repeats title 0; its offers are full of the other titles (all share 街道人民政府).
    const texts = [...titles, titles[0]];
    const streams = streamsOf(
      texts.map((text) => ({ text })),
      prepareParagraph,
    );
    const whole = Uint32Array.from(texts.keys());
    const offers = offersOf(texts.map((_, w) => (w === 10 ? [1, 2, 3, 4, 5, 6, 7, 8] : [])));
    const leaders = await assignLeaders(whole, offers, streams, options);
    expect([...leaders.joins].map((j) => [j.leader, j.follower, j.rel.kind])).toEqual([[0, 10, 'exact']]);
    expect([...leaders.leaderOf]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0]);
    expect(leaders.copiesOf.get(0)).toEqual([{ gp: 10, kind: 'exact' }]);
  });

  it('tries the leaders with the most votes when no earlier paragraph is the same', async () => {
    const base = '全镇共开展法治宣传活动十五场次，发放宣传资料三千余份，受教育群众五千余人次';
    const texts = [
      '另一段完全无关的文字内容，讲的是别的事情，与法治宣传毫无关系',
      base,
      base.replace('三千', '两千'),
      base.replace('十五', '十六'),
    ];
    const streams = streamsOf(
      texts.map((text) => ({ text })),
      prepareParagraph,
    );
    const offers = offersOf([[], [], [0, 1], [0, 1, 2]]);
    const leaders = await assignLeaders(Uint32Array.from(texts.keys()), offers, streams, options);
    expect([...leaders.joins].map((j) => [j.leader, j.follower, j.rel.kind])).toEqual([
      [1, 2, 'near'],
      [1, 3, 'near'],
    ]);
  });
});

describe('earlierCandidates', () => {
  /** What the offers mean, written the slow way: each band sorted into buckets. */
  function reference(count: number, bands: number, keys: Uint32Array, paragraph: Uint32Array): number[][] {
    const offered: Array<Map<number, number>> = Array.from({ length: count }, () => new Map<number, number>());
    for (let band = 0; band < bands; band++) {
      const buckets = new Map<number, number[]>();
      for (let u = 0; u < count; u++) {
        const key = keys[u * bands + band];
        buckets.set(key, [...(buckets.get(key) ?? []), u]);
      }
      for (const units of buckets.values()) {
        units.forEach((u, x) => {
          for (const y of units.slice(0, Math.min(x, 3))) {
            const map = offered[u];
            if (paragraph[y] === paragraph[u]) continue;
            if (map.has(paragraph[y])) map.set(paragraph[y], map.get(paragraph[y])! + 1);
            else if (map.size < OFFERS_KEPT) map.set(paragraph[y], 1);
          }
        });
      }
    }
    return offered.map((m) => [...m].flat());
  }

  it('offers each paragraph the first three of each of its buckets, band by band, votes counted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (count, bands, spread, seed) => {
          // Few distinct keys, so buckets are large; keys of 0 and above 2^31 included.
          let x = seed | 0;
          const next = () => (x = (Math.imul(x, 1103515245) + 12345) | 0) >>> 0;
          const keys = Uint32Array.from(
            { length: count * bands },
            () => [0, 7, 0x80000001, 0xffffffff, 42][next() % spread],
          );
          const paragraph = Uint32Array.from({ length: count }, (_, u) => u - (next() % 2 && u > 0 ? 1 : 0));
          const offers = earlierCandidates(count, bands, keys, paragraph);
          const got = Array.from({ length: count }, (_, u) =>
            Array.from({ length: offers.start[u + 1] - offers.start[u] }, (_, k) => [
              offers.para[offers.start[u] + k],
              offers.votes[offers.start[u] + k],
            ]).flat(),
          );
          expect(got).toEqual(reference(count, bands, keys, paragraph));
        },
      ),
    );
  });
});
