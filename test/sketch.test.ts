import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jaccard, shingle, unique } from '../src/shingle/shingle.js';
import { estimateJaccard, mergeInto, signature } from '../src/sketch/minhash.js';
import { sortPairs } from '../src/lsh/radix.js';
import { candidatePairs } from '../src/lsh/candidates.js';

const set = (xs: number[]) => unique(Uint32Array.from(xs).sort());

describe('shingle', () => {
  it('hashes k-grams into a sorted set', () => {
    const s = shingle(Uint32Array.from([1, 2, 3, 1, 2, 3]), 2);
    expect(s.length).toBe(3); // 12, 23, 31
    expect([...s]).toEqual([...s].sort((a, b) => a - b));
  });
  it('gives a stream shorter than k one shingle', () => {
    expect(shingle(Uint32Array.from([7]), 3).length).toBe(1);
  });
  it('computes exact Jaccard', () => {
    expect(jaccard(set([1, 2, 3, 4]), set([3, 4, 5, 6]))).toBeCloseTo(2 / 6);
  });
});

describe('MinHash', () => {
  // With k = 256 hash functions the estimate's standard deviation is at most 0.5/sqrt(256) = 0.031;
  // 0.15 is nearly five of them, so a failure means a broken sketch, not bad luck.
  it('estimates Jaccard within 0.15 of the exact value (property, k = 256)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 20, maxLength: 300 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 0, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (base, extra, keep) => {
          const a = set(base);
          const b = set([...base.slice(0, Math.floor(base.length * keep)), ...extra]);
          if (b.length === 0) return;
          const est = estimateJaccard(signature(a, 256), signature(b, 256));
          expect(Math.abs(est - jaccard(a, b))).toBeLessThan(0.15);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });
  it('is unbiased, with the error of an ideal MinHash (k = 64, 300 pairs of structured inputs)', () => {
    let absError = 0;
    let signedError = 0;
    let ideal = 0;
    const runs = 300;
    for (let r = 0; r < runs; r++) {
      // Arithmetic sequences, not random hashes: a weak hash family shows its bias on these.
      const base = Array.from({ length: 100 }, (_, i) => (i * 2654435761 + r * 97) >>> 0);
      const a = set(base);
      const b = set([...base.slice(0, 30 + (r % 70)), ...base.map((x) => (x ^ 0xabcdef) >>> 0).slice(0, r % 50)]);
      const exact = jaccard(a, b);
      const err = estimateJaccard(signature(a, 64), signature(b, 64)) - exact;
      absError += Math.abs(err);
      signedError += err;
      ideal += Math.sqrt((2 / Math.PI) * (exact * (1 - exact)) / 64); // mean |error| of k independent hashes
    }
    expect(Math.abs(signedError / runs)).toBeLessThan(0.01);
    expect(absError / runs).toBeLessThan(1.2 * (ideal / runs));
  });
  it('is deterministic and symmetric', () => {
    const a = set([1, 5, 9, 200, 7000]);
    const b = set([1, 5, 10, 300]);
    expect([...signature(a, 32)]).toEqual([...signature(a, 32)]);
    expect(estimateJaccard(signature(a, 32), signature(b, 32))).toBe(estimateJaccard(signature(b, 32), signature(a, 32)));
  });
  it('signature of a union is the element-wise minimum', () => {
    const a = set([1, 2, 3]);
    const b = set([3, 4, 5]);
    const merged = signature(a, 16);
    mergeInto(merged, signature(b, 16));
    expect([...merged]).toEqual([...signature(set([1, 2, 3, 4, 5]), 16)]);
  });
});

describe('LSH', () => {
  it('radix-sorts pairs by key, stably, without touching the input', () => {
    const keys = Uint32Array.from([0xffff0000, 5, 0x10000, 5, 0]);
    const values = Uint32Array.from([0, 1, 2, 3, 4]);
    const sorted = sortPairs(keys, values);
    expect([...sorted.keys]).toEqual([0, 5, 5, 0x10000, 0xffff0000]);
    expect([...sorted.values]).toEqual([4, 1, 3, 2, 0]);
    expect([...keys]).toEqual([0xffff0000, 5, 0x10000, 5, 0]);
  });
  it('pairs units whose band agrees, never two units of one group', () => {
    // 4 units, 2 bands: units 0 and 2 agree on band 0; units 1 and 3 on band 1; 0 and 1 share a group.
    const keys = Uint32Array.from([10, 20, 11, 21, 10, 22, 12, 21]);
    const group = Uint32Array.from([0, 0, 1, 2]);
    const got: string[] = [];
    candidatePairs({ count: 4, bands: 2, keys, group }, (a, b) => got.push(`${a}-${b}`));
    expect(got.sort()).toEqual(['0-1', '0-2']);
  });
  it('links a huge bucket through a few hubs, not all pairs', () => {
    const n = 200;
    const keys = new Uint32Array(n).fill(7);
    const group = Uint32Array.from({ length: n }, (_, i) => i);
    let count = 0;
    candidatePairs({ count: n, bands: 1, keys, group }, () => count++);
    expect(count).toBeLessThan(4 * n);
    expect(count).toBeGreaterThanOrEqual(n - 1);
  });
});
