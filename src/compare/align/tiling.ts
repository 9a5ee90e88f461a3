/**
 * Local alignment of two token streams: which stretches of A stand again in B, allowing small
 * edits inside a stretch. Exact runs of at least `seed` tokens are tiled greedily, longest first
 * (greedy string tiling), then chained into regions where both sides advance together with gaps
 * of at most `maxGap` tokens. A region is one copied passage.
 */
export interface Region {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** Tokens inside exact runs shared by both sides. */
  matched: number;
  /** Longest exact run in the region. */
  longest: number;
  /** The region's exact runs, as (aStart, bStart, length) triples in order: what is really shared. */
  tiles: number[];
}

export interface AlignOptions {
  seed: number;
  maxGap: number;
}

export const defaultAlignOptions: AlignOptions = { seed: 3, maxGap: 10 };

interface Tile {
  a: number;
  b: number;
  len: number;
}

// Signed 32-bit throughout: V8 keeps such values unboxed, where unsigned ones above 2^31 become
// doubles and every comparison slows down.
function seedHash(t: Uint32Array, i: number, k: number): number {
  let h = 0x811c9dc5 | 0;
  for (let j = i; j < i + k; j++) h = Math.imul(h ^ t[j], 0x01000193);
  return h ^ (h >>> 15);
}

// A hash table of B's seeds in typed arrays, kept between calls: alignment runs once per
// candidate pair, and allocating a Map each time was most of its cost.
let heads = new Int32Array(1024);
let nextSeed = new Int32Array(512);
let seedsB = new Int32Array(512);
// The B side the table was last built for: checking one paragraph against its partners in turn
// builds the table once.
let tableFor: Uint32Array | null = null;
let tableSeed = 0;
let tableMask = 0;

/** Maximal exact matches of at least `seed` tokens, unordered. */
function exactRuns(a: Uint32Array, b: Uint32Array, seed: number): Tile[] {
  const m = b.length - seed + 1;
  if (tableFor !== b || tableSeed !== seed) {
    let size = 1024;
    while (size < 2 * m) size *= 2;
    if (heads.length < size) heads = new Int32Array(size);
    if (nextSeed.length < m) {
      nextSeed = new Int32Array(2 * m);
      seedsB = new Int32Array(2 * m);
    }
    tableMask = size - 1;
    heads.fill(-1, 0, size);
    for (let j = m - 1; j >= 0; j--) {
      const h = seedHash(b, j, seed);
      seedsB[j] = h;
      nextSeed[j] = heads[h & tableMask];
      heads[h & tableMask] = j;
    }
    tableFor = b;
    tableSeed = seed;
  }
  const mask = tableMask;
  const runs: Tile[] = [];
  for (let i = 0; i + seed <= a.length; i++) {
    const h = seedHash(a, i, seed);
    for (let j = heads[h & mask]; j >= 0; j = nextSeed[j]) {
      if (seedsB[j] !== h) continue;
      // Only start a run where the previous tokens differ: each maximal run is found once.
      if (i > 0 && j > 0 && a[i - 1] === b[j - 1]) continue;
      let len = 0;
      while (i + len < a.length && j + len < b.length && a[i + len] === b[j + len]) len++;
      if (len >= seed) runs.push({ a: i, b: j, len });
    }
  }
  return runs;
}

/** Greedy tiling: take runs longest first; a run overlapping a taken one is trimmed to what is free. */
// Marks of taken tokens, reused from call to call (cleared over the lengths in use).
let usedA = new Uint8Array(1024);
let usedB = new Uint8Array(1024);

function tile(runs: Tile[], aLen: number, bLen: number, seed: number): Tile[] {
  if (usedA.length < aLen) usedA = new Uint8Array(2 * aLen);
  if (usedB.length < bLen) usedB = new Uint8Array(2 * bLen);
  usedA.fill(0, 0, aLen);
  usedB.fill(0, 0, bLen);
  const tiles: Tile[] = [];
  for (const r of runs) {
    let k = 0;
    while (k < r.len) {
      while (k < r.len && (usedA[r.a + k] || usedB[r.b + k])) k++;
      const from = k;
      while (k < r.len && !usedA[r.a + k] && !usedB[r.b + k]) k++;
      if (k - from >= seed) {
        for (let x = from; x < k; x++) {
          usedA[r.a + x] = 1;
          usedB[r.b + x] = 1;
        }
        tiles.push({ a: r.a + from, b: r.b + from, len: k - from });
      }
    }
  }
  return tiles.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** Chains tiles into regions: the heaviest chain first, then the heaviest of what is left. */
function chain(tiles: Tile[], maxGap: number): Region[] {
  const regions: Region[] = [];
  const taken = new Uint8Array(tiles.length);
  const score = new Float64Array(tiles.length);
  const prev = new Int32Array(tiles.length);
  for (;;) {
    let best = -1;
    for (let t = 0; t < tiles.length; t++) {
      if (taken[t]) continue;
      score[t] = tiles[t].len;
      prev[t] = -1;
      for (let p = t - 1; p >= 0; p--) {
        if (taken[p]) continue;
        const gapA = tiles[t].a - (tiles[p].a + tiles[p].len);
        const gapB = tiles[t].b - (tiles[p].b + tiles[p].len);
        if (gapA < 0 || gapB < 0) continue;
        if (gapA > maxGap || gapB > maxGap) {
          if (gapA > maxGap * 4) break; // tiles are sorted by a: earlier ones are farther still
          continue;
        }
        const s = score[p] + tiles[t].len;
        if (s > score[t]) {
          score[t] = s;
          prev[t] = p;
        }
      }
      if (best < 0 || score[t] > score[best]) best = t;
    }
    if (best < 0) break;
    const members: number[] = [];
    for (let t = best; t >= 0; t = prev[t]) members.push(t);
    members.reverse();
    let matched = 0;
    let longest = 0;
    const runs: number[] = [];
    for (const t of members) {
      taken[t] = 1;
      matched += tiles[t].len;
      longest = Math.max(longest, tiles[t].len);
      runs.push(tiles[t].a, tiles[t].b, tiles[t].len);
    }
    const first = tiles[members[0]];
    const last = tiles[members[members.length - 1]];
    regions.push({
      aStart: first.a,
      aEnd: last.a + last.len,
      bStart: first.b,
      bEnd: last.b + last.len,
      matched,
      longest,
      tiles: runs,
    });
  }
  return regions;
}

/** Regions a caller will keep only if they are this large: smaller ones need not be built. */
export interface RegionFloor {
  matched: number;
  longest: number;
}

/**
 * All regions shared by a and b, in order of their position in a. With a floor, returns nothing
 * when the exact runs alone show that no region can reach it: tiles are pieces of runs, so no
 * region holds more than all runs together, nor a longer piece than the longest run. Most pairs
 * checked share a stock phrase only and stop there.
 */
export function align(
  a: Uint32Array,
  b: Uint32Array,
  options: AlignOptions = defaultAlignOptions,
  floor?: RegionFloor,
): Region[] {
  if (a.length < options.seed || b.length < options.seed) return [];
  return tileRuns(exactRuns(a, b, options.seed), a.length, b.length, options, floor).sort(
    (x, y) => x.aStart - y.aStart,
  );
}

/** The exact runs tiled and chained into regions; none when they fall short of `floor`. */
function tileRuns(runs: Tile[], na: number, nb: number, options: AlignOptions, floor?: RegionFloor): Region[] {
  if (floor) {
    let total = 0;
    let longest = 0;
    for (const r of runs) {
      total += r.len;
      if (r.len > longest) longest = r.len;
    }
    if (total < floor.matched || longest < floor.longest) return [];
  }
  runs.sort((x, y) => y.len - x.len || x.a - y.a || x.b - y.b);
  return chain(tile(runs, na, nb, options.seed), options.maxGap);
}

/**
 * Regions one text holds twice: a passage and its repeat later in the same text, never
 * overlapping it. As align(a, a) without the text matching itself in place.
 */
export function alignSelf(a: Uint32Array, options: AlignOptions = defaultAlignOptions, floor?: RegionFloor): Region[] {
  if (a.length < 2 * options.seed) return [];
  const runs = exactRuns(a, a, options.seed).filter((r) => r.b >= r.a + r.len);
  return tileRuns(runs, a.length, a.length, options, floor)
    .filter((r) => r.aEnd <= r.bStart)
    .sort((x, y) => x.aStart - y.aStart);
}

/** Dice similarity of a region: shared tokens over the tokens the region spans on both sides. */
export function regionSimilarity(r: Region): number {
  return (2 * r.matched) / (r.aEnd - r.aStart + (r.bEnd - r.bStart));
}
