import { fmix32 } from '../../util/hash.js';

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

/** Multipliers of a window's tokens by position: odd, so each token's bits all count. */
const POSITION = [0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f, 0x165667b1, 0xd3a2646c | 1, 0xfd7046c5, 0xb55a4f09];
/** Multiplier of a window's length, so a short stream's one shingle differs from a longer window. */
const LENGTH = 0x7feb352d;

export function positionFactor(p: number): number {
  return p < POSITION.length ? POSITION[p] : Math.imul(p + 1, 0x9e3779b1) | 1;
}

/**
 * Hash of tokens[from, to): one shingle. Each token multiplied by a factor of its position, the
 * products added, the sum mixed once: the products do not wait on each other, where hashing token
 * after token did (that chain was two thirds of the sketch's time). Shared with the fused sketch
 * (sketch/minhash.ts) so both see the same shingles. Returned signed (same bits as the unsigned
 * value): V8 keeps it unboxed.
 */
export function windowHash(tokens: Uint32Array, from: number, to: number): number {
  let h = Math.imul(to - from, LENGTH);
  for (let j = from; j < to; j++) h = (h + Math.imul(tokens[j], positionFactor(j - from))) | 0;
  return fmix32(h);
}

/** windowHash of the three tokens x, y, z: the common case, written out. */
export function windowHash3(x: number, y: number, z: number): number {
  return fmix32(
    (Math.imul(3, LENGTH) + Math.imul(x, POSITION[0]) + Math.imul(y, POSITION[1]) + Math.imul(z, POSITION[2])) | 0,
  );
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
