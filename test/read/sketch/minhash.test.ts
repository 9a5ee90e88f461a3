import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jaccard, shingle, unique } from '../../../src/read/sketch/shingle.js';
import { estimateJaccard, minHasher, signature, sketchTokens } from '../../../src/read/sketch/minhash.js';
import { prng } from '../../../src/util/hash.js';
import { sortPairs } from '../../../src/compare/leaders/radix.js';
import { candidatePairs } from '../../../src/compare/leaders/candidates.js';

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
  it('hashes as it always has (band keys and stored results depend on these values)', () => {
    const t = Uint32Array.from([1, 2, 3, 1, 2, 3, 0xffffffff, 0x80000000, 40000, 7, 7, 7, 7]);
    expect([...shingle(t, 3)]).toEqual([
      806040217, 1142862385, 2385410149, 3088609087, 3567065315, 3703737821, 3910232952, 4010832070, 4126981676,
    ]);
    expect([...shingle(t, 2, 3, 9)]).toEqual([348095799, 2228411266, 2580858744, 2870184326, 3346443237]);
    expect([...shingle(t, 5, 0, 2)]).toEqual([3346443237]);
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
      ideal += Math.sqrt(((2 / Math.PI) * (exact * (1 - exact))) / 64); // mean |error| of k independent hashes
    }
    expect(Math.abs(signedError / runs)).toBeLessThan(0.01);
    expect(absError / runs).toBeLessThan(1.2 * (ideal / runs));
  });
  it('is deterministic and symmetric', () => {
    const a = set([1, 5, 9, 200, 7000]);
    const b = set([1, 5, 10, 300]);
    expect([...signature(a, 32)]).toEqual([...signature(a, 32)]);
    expect(estimateJaccard(signature(a, 32), signature(b, 32))).toBe(
      estimateJaccard(signature(b, 32), signature(a, 32)),
    );
  });
  it('gives identical sets identical signatures, whatever the order and repeats of the input', () => {
    const xs = Array.from({ length: 40 }, (_, i) => (i * 40503 + 17) >>> 0);
    const shuffled = Uint32Array.from([...xs].reverse().concat(xs.slice(0, 10)));
    expect([...signature(Uint32Array.from(xs), 60)]).toEqual([...signature(shuffled, 60)]);
    expect(estimateJaccard(signature(Uint32Array.from(xs), 60), signature(shuffled, 60))).toBe(1);
  });
  it('fills every bin of a one-shingle set with its value, and tells two such sets apart', () => {
    const one = signature(set([12345]), 60);
    expect(new Set(one).size).toBe(1);
    expect(estimateJaccard(one, signature(set([12346]), 60))).toBe(0);
    expect(estimateJaccard(one, signature(set([12345]), 60))).toBe(1);
  });
  it('stays unbiased on sets with fewer shingles than bins (k = 64, 3 to 40 shingles)', () => {
    const next = prng(7);
    let signedError = 0;
    let absError = 0;
    let ideal = 0;
    const runs = 3000;
    for (let r = 0; r < runs; r++) {
      const size = 3 + (next() % 38);
      const shared = next() % (size + 1);
      const base = Array.from({ length: size }, () => next());
      const a = set(base);
      const b = set([...base.slice(0, shared), ...Array.from({ length: next() % (size + 1) }, () => next())]);
      if (b.length === 0) continue;
      const exact = jaccard(a, b);
      const err = estimateJaccard(signature(a, 64), signature(b, 64)) - exact;
      signedError += err;
      absError += Math.abs(err);
      ideal += Math.sqrt(((2 / Math.PI) * (exact * (1 - exact))) / 64);
    }
    expect(Math.abs(signedError / runs)).toBeLessThan(0.01);
    // Most bins are copies here, yet the error stays near that of 64 independent hashes (1.05×
    // when written); densifying with set-dependent probes gives 1.6× and a bias of -0.03.
    expect(absError / runs).toBeLessThan(1.2 * (ideal / runs));
  });
  it('refuses a hasher made for another signature length', () => {
    expect(() => signature(set([1, 2, 3]), 60, minHasher(64))).toThrow(RangeError);
  });
  it('sketches a token stream exactly as signature(shingle(tokens, k)) does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 0, maxLength: 120 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(8, 60, 64),
        (xs, k, numHashes) => {
          // Few distinct tokens, so windows repeat and the set has duplicates to drop.
          const tokens = Uint32Array.from(xs.map((x, i) => (i % 3 === 0 ? x % 4 : x)));
          expect([...sketchTokens(tokens, k, numHashes)]).toEqual([...signature(shingle(tokens, k), numHashes)]);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
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
