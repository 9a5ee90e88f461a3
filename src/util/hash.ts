/** 32-bit finaliser from MurmurHash3: spreads every input bit over the output. */
export function mix32(h: number): number {
  return fmix32(h) >>> 0;
}

/** mix32 left signed (the same bits): V8 keeps it a small integer in hot loops. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** FNV-1a over UTF-16 code units, finalised with mix32. Stable across runs and platforms. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Hash of a run of 32-bit values. */
export function hashRange(values: ArrayLike<number>, start: number, end: number, seed = 0x9e3779b9): number {
  let h = seed | 0;
  for (let i = start; i < end; i++) {
    h = Math.imul(h ^ values[i], 0x01000193) ^ (h >>> 15);
  }
  return mix32(h ^ (end - start));
}

/** Small deterministic PRNG (mulberry32) for seeded parameters. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
