import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffArrays } from 'diff';
import { alignTokens } from '../../../src/compare/templates/lcs.js';

/** The length of a longest common subsequence, by jsdiff: the reference. */
function lcsLength(a: number[], b: number[]): number {
  return diffArrays(a, b)
    .filter((p) => !p.added && !p.removed)
    .reduce((n, p) => n + p.value.length, 0);
}

describe('alignTokens', () => {
  it('aligns a longest common subsequence, in order, of equal tokens (property, against jsdiff)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5), { maxLength: 40 }), fc.array(fc.nat(5), { maxLength: 40 }), (a, b) => {
        const map = alignTokens(a, b, 1000)!;
        let last = -1;
        let matched = 0;
        for (let i = 0; i < a.length; i++) {
          if (map[i] < 0) continue;
          expect(b[map[i]]).toBe(a[i]);
          expect(map[i]).toBeGreaterThan(last);
          last = map[i];
          matched++;
        }
        expect(matched).toBe(lcsLength(a, b));
      }),
    );
  });

  it('gives up past maxEdits, and maps identical or prefix-only texts without searching', () => {
    expect(alignTokens([1, 2, 3, 4], [5, 6, 7, 8], 3)).toBeUndefined();
    expect(Array.from(alignTokens([1, 2, 3], [1, 2, 3], 0)!)).toEqual([0, 1, 2]);
    expect(Array.from(alignTokens([1, 2, 3], [1, 2, 3, 4], 0)!)).toEqual([0, 1, 2]);
    expect(Array.from(alignTokens([1, 9, 3], [1, 3], 1)!)).toEqual([0, -1, 1]);
  });
});
