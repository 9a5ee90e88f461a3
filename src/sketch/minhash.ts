import { prng } from '../util/hash.js';

/**
 * MinHash with k hash functions of the form h_i(x) = mix(x ^ b_i) * a_i, all in 32-bit integer
 * arithmetic (Math.imul), so nothing is lost to doubles, and each shingle is hashed as an integer
 * once (the strings were hashed at the shingle stage, not once per permutation).
 */
export interface MinHasher {
  numHashes: number;
  a: Int32Array;
  b: Int32Array;
}

const cache = new Map<string, MinHasher>();

export function minHasher(numHashes: number, seed = 0x5eed): MinHasher {
  const id = `${numHashes}:${seed}`;
  let hasher = cache.get(id);
  if (!hasher) {
    const next = prng(seed);
    const a = new Int32Array(numHashes);
    const b = new Int32Array(numHashes);
    for (let i = 0; i < numHashes; i++) {
      a[i] = next() | 1; // odd, so multiplication is a bijection on 32 bits
      b[i] = next();
    }
    hasher = { numHashes, a, b };
    cache.set(id, hasher);
  }
  return hasher;
}

/**
 * Signature of a shingle set: for each hash function, the least hash value over the set. The loop
 * stays in signed 32-bit integers (values offset by 2^31 so signed order is unsigned order): V8
 * keeps those unboxed, where unsigned values above 2^31 would become doubles.
 */
export function signature(shingles: Uint32Array, numHashes: number, hasher = minHasher(numHashes)): Uint32Array {
  const sig = new Int32Array(numHashes);
  const n = shingles.length;
  const xs = new Int32Array(shingles.buffer, shingles.byteOffset, n);
  // One hash function at a time, its minimum in a local: no memory write per shingle.
  for (let i = 0; i < numHashes; i++) {
    const ai = hasher.a[i];
    const bi = hasher.b[i];
    let min = 0x7fffffff;
    for (let s = 0; s < n; s++) {
      let h = Math.imul(xs[s] ^ bi, ai);
      h = h ^ (h >>> 16) ^ 0x80000000;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return new Uint32Array(sig.buffer);
}

/** Element-wise minimum into `into`: the signature of a union of sets. */
export function mergeInto(into: Uint32Array, other: Uint32Array): void {
  // Signatures hold values offset by 2^31: compare them as signed, as signature() does.
  const a = new Int32Array(into.buffer, into.byteOffset, into.length);
  const b = new Int32Array(other.buffer, other.byteOffset, other.length);
  for (let i = 0; i < a.length; i++) if (b[i] < a[i]) a[i] = b[i];
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
