import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flattenUnits, indexParagraphs, PairCollector, topPartners } from '../../src/compare/batch.js';
import type { Analysis } from '../../src/types.js';

describe('PairCollector', () => {
  it('counts each distinct pair, keys sorted (property, against a map)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 400 }), (raw) => {
        const n = 41;
        const c = new PairCollector(n);
        const want = new Map<number, number>();
        for (const [x, y] of raw) {
          if (x === y) continue;
          const [a, b] = x < y ? [x, y] : [y, x];
          c.add(a, b);
          want.set(a * n + b, (want.get(a * n + b) ?? 0) + 1);
        }
        const got = c.counted();
        const keys = [...want.keys()].sort((p, q) => p - q);
        expect([...got.keys]).toEqual(keys);
        expect([...got.counts]).toEqual(keys.map((k) => want.get(k)));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
  it('sorts a long group of one paragraph too', () => {
    const c = new PairCollector(1000);
    for (let b = 999; b > 0; b--) c.add(0, b);
    c.add(0, 500);
    const got = c.counted();
    expect(got.keys.length).toBe(999);
    expect(got.keys[0]).toBe(1);
    expect(got.keys[998]).toBe(999);
    expect(got.counts[499]).toBe(2);
  });
});

describe('topPartners', () => {
  it('keeps a pair when it is among the k strongest of either side', () => {
    // Paragraph 0 shares 5, 4, 3 runs with 1, 2, 3; paragraph 3 has no other partner.
    const pairs = {
      keys: Float64Array.from([0 * 10 + 1, 0 * 10 + 2, 0 * 10 + 3]),
      counts: Uint32Array.from([5, 4, 3]),
    };
    expect([...topPartners(pairs, 10, 2)]).toEqual([1, 2, 3]);
    expect([...topPartners(pairs, 10, 1)]).toEqual([1, 2, 3]);
    const more = {
      keys: Float64Array.from([1, 2, 3, 1 * 10 + 2, 1 * 10 + 3, 2 * 10 + 3]),
      counts: Uint32Array.from([5, 4, 3, 9, 9, 9]),
    };
    // k = 1: 0's best is 1; 1's best is 2 (9, lower number first); 2's is 1; 3's is 1.
    expect([...topPartners(more, 10, 1)]).toEqual([1, 12, 13]);
  });
});

describe('topPartners against sorting (property)', () => {
  it("keeps exactly the pairs a full sort of each paragraph's partners would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(30), fc.nat(30), fc.integer({ min: 1, max: 5 })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 6 }),
        (raw, k) => {
          const n = 31;
          const weights = new Map<number, number>();
          for (const [x, y, w] of raw) if (x !== y) weights.set(Math.min(x, y) * n + Math.max(x, y), w);
          const keys = [...weights.keys()].sort((p, q) => p - q);
          const pairs = {
            keys: Float64Array.from(keys),
            counts: Uint32Array.from(keys.map((key) => weights.get(key)!)),
          };
          const want = new Set<number>();
          for (let p = 0; p < n; p++) {
            const mine = keys
              .filter((key) => Math.floor(key / n) === p || key % n === p)
              .map((key) => ({
                key,
                q: Math.floor(key / n) === p ? key % n : Math.floor(key / n),
                w: weights.get(key)!,
              }))
              .sort((x, y) => y.w - x.w || x.q - y.q)
              .slice(0, k);
            for (const m of mine) want.add(m.key);
          }
          expect([...topPartners(pairs, n, k)]).toEqual([...want].sort((p, q) => p - q));
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('flattenUnits', () => {
  it("gives each paragraph's whole unit and its keys, at once or a block at a time from any key", () => {
    const bands = 3;
    // Units per paragraph as an analysis may hold them: several for one paragraph (the whole one last).
    const analysis = (unitPara: number[], paragraphs: number, base: number): Analysis =>
      ({
        paragraphs: Array.from({ length: paragraphs }, (_, index) => ({ index, line: index + 1, text: '' })),
        unitPara: Uint32Array.from(unitPara),
        bandKeys: Uint32Array.from({ length: unitPara.length * bands }, (_, k) => base + k),
      }) as unknown as Analysis;
    const analyses = [analysis([0, 0, 1, 2, 2], 3, 100), analysis([], 1, 200), analysis([1, 1, 1], 2, 300)];
    const units = flattenUnits(analyses, indexParagraphs(analyses), bands);
    expect([...units.wholePara]).toEqual([0, 1, 2, 5]);
    const wanted = [103, 104, 105, 106, 107, 108, 112, 113, 114, 306, 307, 308];
    expect([...units.wholeKeys]).toEqual(wanted);
    for (const [first, length] of [
      [0, 12],
      [1, 4],
      [2, 7],
      [5, 1],
      [11, 1],
      [4, 0],
    ]) {
      const out = new Uint32Array(length);
      units.copyWholeKeys(first, out);
      expect([...out]).toEqual(wanted.slice(first, first + length));
    }
  });
});
