import type { TokenStreams } from '../types.js';
import { candidatePairs, type UnitIndex } from '../lsh/candidates.js';
import { anchorLength, windowHashes } from '../verify/windows.js';
import { PairCollector } from './units.js';

/** Paragraphs one anchor run may stand in before it counts as a stock phrase. */
export const ANCHOR_BUCKET = 24;
/** Paragraphs a stock phrase's paragraphs are still paired with (the first few that hold it). */
export const ANCHOR_HUBS = 4;

export interface PairCounts {
  keys: Float64Array;
  counts: Uint32Array;
}

/**
 * Every distinct anchor run (six characters or three words, digits masked: see windows.ts) of the
 * given paragraphs, hashed, with its paragraph:
 * those whose hash falls in `part` of `parts`. A run's paragraphs all fall in the same part, so
 * the parts can be paired on separate threads and their counts added.
 */
export function anchorsOf(
  paragraphs: Uint32Array,
  arena: TokenStreams,
  part = 0,
  parts = 1,
  /** Told of each paragraph that holds runs twice: how many distinct runs it repeats. */
  onRepeat?: (gp: number, runs: number) => void,
): UnitIndex {
  let keys = new Uint32Array(1 << 16);
  let group = new Uint32Array(1 << 16);
  let scratch = new Int32Array(1024);
  let n = 0;
  const { masked, tokenStart } = arena;
  for (let i = 0; i < paragraphs.length; i++) {
    const gp = paragraphs[i];
    const from = tokenStart[gp];
    const to = tokenStart[gp + 1];
    const k = anchorLength(masked, from, to);
    if (to - from < k) continue;
    if (scratch.length < to - from) scratch = new Int32Array(2 * (to - from));
    const kept = windowHashes(masked, from, to, k, scratch, part, parts);
    if (n + kept > keys.length) {
      const size = Math.max(keys.length * 2, n + kept);
      const k = new Uint32Array(size);
      k.set(keys.subarray(0, n));
      keys = k;
      const g = new Uint32Array(size);
      g.set(group.subarray(0, n));
      group = g;
    }
    // Distinct runs only: a phrase said twice in one paragraph is one shared run, not two.
    const sorted = scratch.subarray(0, kept).sort();
    let repeated = 0;
    for (let j = 0; j < kept; j++) {
      if (j > 0 && sorted[j] === sorted[j - 1]) {
        if (j < 2 || sorted[j - 2] !== sorted[j]) repeated++;
        continue;
      }
      keys[n] = sorted[j];
      group[n++] = gp;
    }
    if (repeated > 0) onRepeat?.(gp, repeated);
  }
  return { count: n, bands: 1, keys: keys.subarray(0, n), group: group.subarray(0, n) };
}

/**
 * Pairs of paragraphs sharing anchor runs, with how many distinct runs each pair shares (the runs
 * in `part` of `parts` only); a paragraph holding runs twice is paired with itself. A run standing in more than ANCHOR_BUCKET paragraphs pairs its
 * paragraphs with the first ANCHOR_HUBS of them only.
 */
export function sharedRuns(paragraphs: Uint32Array, arena: TokenStreams, part = 0, parts = 1): PairCounts {
  const collector = new PairCollector(arena.tokenStart.length - 1);
  // A paragraph that says something twice is paired with itself, as many times as it repeats runs.
  const self = (gp: number, runs: number) => {
    for (let r = 0; r < runs; r++) collector.add(gp, gp);
  };
  candidatePairs(anchorsOf(paragraphs, arena, part, parts, self), (a, b) => collector.add(a, b), { fullBucket: ANCHOR_BUCKET, hubs: ANCHOR_HUBS });
  return collector.counted();
}

/** Sorted pair counts added together: the counts of all parts, merged two lists at a time. */
export function addCounts(lists: PairCounts[]): PairCounts {
  if (lists.length === 0) return { keys: new Float64Array(0), counts: new Uint32Array(0) };
  let level = lists;
  while (level.length > 1) {
    const next: PairCounts[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeTwo(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

function mergeTwo(x: PairCounts, y: PairCounts): PairCounts {
  const keys = new Float64Array(x.keys.length + y.keys.length);
  const counts = new Uint32Array(keys.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.keys.length || j < y.keys.length) {
    let key: number;
    let count: number;
    if (j >= y.keys.length || (i < x.keys.length && x.keys[i] < y.keys[j])) {
      key = x.keys[i];
      count = x.counts[i++];
    } else if (i >= x.keys.length || y.keys[j] < x.keys[i]) {
      key = y.keys[j];
      count = y.counts[j++];
    } else {
      key = x.keys[i];
      count = x.counts[i++] + y.counts[j++];
    }
    keys[n] = key;
    counts[n++] = count;
  }
  return { keys: keys.subarray(0, n), counts: counts.subarray(0, n) };
}

/** The pairs counted at least `min` times. */
export function atLeast(pairs: PairCounts, min: number): PairCounts {
  let n = 0;
  for (let i = 0; i < pairs.keys.length; i++) if (pairs.counts[i] >= min) n++;
  const keys = new Float64Array(n);
  const counts = new Uint32Array(n);
  let j = 0;
  for (let i = 0; i < pairs.keys.length; i++) {
    if (pairs.counts[i] < min) continue;
    keys[j] = pairs.keys[i];
    counts[j++] = pairs.counts[i];
  }
  return { keys, counts };
}
