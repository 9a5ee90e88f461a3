import { fmix32 } from '../util/hash.js';

/**
 * Hashed k-grams of a token stream, sorted and unique (a set, as a typed array). A stream shorter
 * than k yields one shingle for the whole stream, so short units still have a sketch.
 */
export function shingle(tokens: Uint32Array, k: number, start = 0, end = tokens.length): Uint32Array {
  const len = end - start;
  if (len <= 0) return new Uint32Array(0);
  const count = len < k ? 1 : len - k + 1;
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = windowHash(tokens, start + i, Math.min(start + i + k, end));
  out.sort();
  return unique(out);
}

/**
 * Hash of tokens[from, to): one shingle. Shared with the fused sketch (sketch/minhash.ts) so both
 * see the same shingles. Returned signed (same bits as the unsigned value): V8 keeps it unboxed.
 */
export function windowHash(tokens: Uint32Array, from: number, to: number): number {
  let h = 0x2545f491;
  for (let j = from; j < to; j++) h = fmix32(h ^ tokens[j]) ^ Math.imul(h, 31);
  return fmix32(h);
}

/** Removes repeats from a sorted array, in place; returns the unique prefix. */
export function unique(sorted: Uint32Array): Uint32Array {
  if (sorted.length < 2) return sorted;
  let w = 1;
  for (let r = 1; r < sorted.length; r++) if (sorted[r] !== sorted[w - 1]) sorted[w++] = sorted[r];
  return sorted.subarray(0, w);
}

/** Exact Jaccard similarity of two sorted unique sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}
