import { prng } from '../util/hash.js';

/**
 * MinHash with k hash functions of the form h_i(x) = mix(x ^ b_i) * a_i, all in 32-bit integer
 * arithmetic (Math.imul), so nothing is lost to doubles, and each shingle is hashed as an integer
 * once (the strings were hashed at the shingle stage, not once per permutation).
 */
export interface MinHasher {
  numHashes: number;
  a: Uint32Array;
  b: Uint32Array;
}

const cache = new Map<string, MinHasher>();

export function minHasher(numHashes: number, seed = 0x5eed): MinHasher {
  const id = `${numHashes}:${seed}`;
  let hasher = cache.get(id);
  if (!hasher) {
    const next = prng(seed);
    const a = new Uint32Array(numHashes);
    const b = new Uint32Array(numHashes);
    for (let i = 0; i < numHashes; i++) {
      a[i] = next() | 1; // odd, so multiplication is a bijection on 32 bits
      b[i] = next();
    }
    hasher = { numHashes, a, b };
    cache.set(id, hasher);
  }
  return hasher;
}

/** Signature of a shingle set: for each hash function, the least hash value over the set. */
export function signature(shingles: Uint32Array, numHashes: number, hasher = minHasher(numHashes)): Uint32Array {
  const sig = new Uint32Array(numHashes).fill(0xffffffff);
  const { a, b } = hasher;
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s];
    for (let i = 0; i < numHashes; i++) {
      let h = Math.imul(x ^ b[i], a[i]);
      h ^= h >>> 16;
      h = h >>> 0;
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Element-wise minimum into `into`: the signature of a union of sets. */
export function mergeInto(into: Uint32Array, other: Uint32Array): void {
  for (let i = 0; i < into.length; i++) if (other[i] < into[i]) into[i] = other[i];
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
