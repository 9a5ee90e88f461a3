import { windowHash, windowHash3 } from './shingle.js';
import { fmix32 } from '../../util/hash.js';

/**
 * One-permutation MinHash (OPH) with optimal densification (Shrivastava 2017). Each shingle is
 * hashed once; the hash's range is cut into numHashes contiguous bins and each bin keeps its least
 * hash. Because bins are contiguous ranges, "least hash in the bin" is the same order as "least
 * remainder", so the full 32-bit hash is stored and values from different bins never compare equal.
 *
 * A bin no shingle fell into borrows the value of the first non-empty bin along a probe sequence
 * that depends only on (bin, attempt), never on the set. Two sets then probe the same bins, and
 * the first bin non-empty in their union decides: both borrow it (equal with probability Jaccard)
 * or only one has it (never equal, as with the union's minimum lying outside the intersection).
 * So P(equal) stays the Jaccard similarity, and the estimator stays unbiased, at one hash per
 * shingle instead of numHashes.
 *
 * Everything is 32-bit integer math. Values are kept offset by 2^31 as signed integers so signed
 * order is unsigned order: V8 keeps those unboxed, where unsigned values above 2^31 become doubles.
 */
export interface MinHasher {
  numHashes: number;
  seed: number;
  /** probes[i * PROBES + t]: the bin an empty bin i tries at attempt t (the first PROBES). */
  probes: Uint16Array;
}

/** Probes kept in a table; later ones (sets with very few shingles) are computed on demand. */
const PROBES = 32;
/** bin() multiplies a 20-bit number by numHashes and must stay below 2^32. */
const MAX_HASHES = 4096;
/** Marks an empty bin; a shingle hashing to exactly 2^32 - 1 also reads as one (p = 2^-32). */
const EMPTY = 0x7fffffff;

const cache = new Map<string, MinHasher>();

export function minHasher(numHashes: number, seed = 0x5eed): MinHasher {
  if (!(Number.isInteger(numHashes) && numHashes >= 1 && numHashes <= MAX_HASHES)) {
    throw new RangeError(`numHashes must be a whole number in [1, ${MAX_HASHES}], got ${numHashes}`);
  }
  const id = `${numHashes}:${seed}`;
  let hasher = cache.get(id);
  if (!hasher) {
    const probes = new Uint16Array(numHashes * PROBES);
    for (let i = 0; i < numHashes; i++)
      for (let t = 0; t < PROBES; t++) probes[i * PROBES + t] = probe(i, t, numHashes, seed);
    hasher = { numHashes, seed: seed | 0, probes };
    cache.set(id, hasher);
  }
  return hasher;
}

/** Bin of a hash: monotone in the unsigned hash, so each bin is one contiguous range. */
function bin(h: number, numHashes: number): number {
  return ((h >>> 12) * numHashes) >>> 20;
}

/** The bin an empty bin i tries at attempt t: the same for every set, which keeps P(equal) = J. */
function probe(i: number, t: number, numHashes: number, seed: number): number {
  return bin(fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(t + 1, 0x85ebca77) ^ seed ^ 0x27d4eb2f), numHashes);
}

let own = new Int32Array(64);

/** Fills empty bins from the first non-empty bin along each one's probe sequence. */
function densify(mins: Int32Array, hasher: MinHasher): void {
  const k = hasher.numHashes;
  if (mins.length !== k) throw new RangeError(`a hasher for ${k} hashes cannot make a signature of ${mins.length}`);
  let filled = 0;
  for (let i = 0; i < k; i++) if (mins[i] !== EMPTY) filled++;
  if (filled === k || filled === 0) return; // nothing to fill, or nothing to fill from
  const probes = hasher.probes;
  // Borrow from the undensified values only: a copy, so a bin filled here is not a source later.
  if (own.length < k) own = new Int32Array(k);
  own.set(mins);
  for (let i = 0; i < k; i++) {
    if (own[i] !== EMPTY) continue;
    let v = EMPTY;
    for (let t = 0; t < PROBES && v === EMPTY; t++) v = own[probes[i * PROBES + t]];
    for (let t = PROBES; v === EMPTY; t++) v = own[probe(i, t, k, hasher.seed)];
    mins[i] = v;
  }
}

/** Signature of a set of 32-bit shingle hashes (duplicates allowed: they change no minimum). */
export function signature(shingles: Uint32Array, numHashes: number, hasher = minHasher(numHashes)): Uint32Array {
  const mins = new Int32Array(numHashes).fill(EMPTY);
  const seed = hasher.seed;
  for (let s = 0; s < shingles.length; s++) {
    const h = fmix32(shingles[s] ^ seed);
    const b = bin(h, numHashes);
    const v = h ^ 0x80000000;
    if (v < mins[b]) mins[b] = v;
  }
  densify(mins, hasher);
  return new Uint32Array(mins.buffer);
}

/**
 * The signature of shingle(tokens, k) straight from the token stream: the same k-gram hashes,
 * but no shingle array, sort or dedup. Equal to signature(shingle(tokens, k), numHashes).
 */
export function sketchTokens(
  tokens: Uint32Array,
  k: number,
  numHashes: number,
  hasher = minHasher(numHashes),
): Uint32Array {
  const mins = new Int32Array(numHashes).fill(EMPTY);
  const n = tokens.length;
  const seed = hasher.seed;
  if (k === 3 && n >= 3) {
    let y = tokens[0] | 0;
    let z = tokens[1] | 0;
    for (let i = 2; i < n; i++) {
      const x = y;
      y = z;
      z = tokens[i] | 0;
      const h = fmix32(windowHash3(x, y, z) ^ seed);
      const b = bin(h, numHashes);
      const v = h ^ 0x80000000;
      if (v < mins[b]) mins[b] = v;
    }
  } else if (n > 0) {
    const count = n < k ? 1 : n - k + 1;
    for (let i = 0; i < count; i++) {
      const h = fmix32(windowHash(tokens, i, i + k < n ? i + k : n) ^ seed);
      const b = bin(h, numHashes);
      const v = h ^ 0x80000000;
      if (v < mins[b]) mins[b] = v;
    }
  }
  densify(mins, hasher);
  return new Uint32Array(mins.buffer);
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
