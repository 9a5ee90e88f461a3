import type { TokenStreams } from '../types.js';
import { candidatePairs, type UnitIndex } from '../lsh/candidates.js';
import { shingle } from '../shingle/shingle.js';
import { MIN_LONGEST } from '../verify/relate.js';
import { PairCollector } from './units.js';

/** Paragraphs one 6-token run may stand in before it counts as a stock phrase. */
export const ANCHOR_BUCKET = 24;
/** Paragraphs a stock phrase's paragraphs are still paired with (the first few that hold it). */
export const ANCHOR_HUBS = 4;

export interface PairCounts {
  keys: Float64Array;
  counts: Uint32Array;
}

/**
 * Every distinct 6-token run (digits masked) of the given paragraphs, hashed, with its paragraph:
 * those whose hash falls in `part` of `parts`. A run's paragraphs all fall in the same part, so
 * the parts can be paired on separate threads and their counts added.
 */
export function anchorsOf(paragraphs: Uint32Array, arena: TokenStreams, part = 0, parts = 1): UnitIndex {
  let keys = new Uint32Array(1 << 16);
  let group = new Uint32Array(1 << 16);
  let n = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const gp = paragraphs[i];
    const from = arena.tokenStart[gp];
    const to = arena.tokenStart[gp + 1];
    if (to - from < MIN_LONGEST) continue;
    const grams = shingle(arena.masked, MIN_LONGEST, from, to);
    if (n + grams.length > keys.length) {
      const size = Math.max(keys.length * 2, n + grams.length);
      const k = new Uint32Array(size);
      k.set(keys.subarray(0, n));
      keys = k;
      const g = new Uint32Array(size);
      g.set(group.subarray(0, n));
      group = g;
    }
    for (let j = 0; j < grams.length; j++) {
      // The high half, a small integer: modulo on a full 32-bit hash would leave integer math.
      if (parts > 1 && (grams[j] >>> 16) % parts !== part) continue;
      keys[n] = grams[j];
      group[n++] = gp;
    }
  }
  return { count: n, bands: 1, keys: keys.subarray(0, n), group: group.subarray(0, n) };
}

/**
 * Pairs of paragraphs sharing 6-token runs, with how many distinct runs each pair shares (the
 * runs in `part` of `parts` only). A run standing in more than ANCHOR_BUCKET paragraphs pairs its
 * paragraphs with the first ANCHOR_HUBS of them only.
 */
export function sharedRuns(paragraphs: Uint32Array, arena: TokenStreams, part = 0, parts = 1): PairCounts {
  const collector = new PairCollector(arena.tokenStart.length - 1);
  candidatePairs(anchorsOf(paragraphs, arena, part, parts), (a, b) => collector.add(a, b), { fullBucket: ANCHOR_BUCKET, hubs: ANCHOR_HUBS });
  return collector.counted();
}

/** Sorted pair counts added together: the counts of all parts. */
export function addCounts(lists: PairCounts[]): PairCounts {
  let total = 0;
  for (const l of lists) total += l.keys.length;
  const keys = new Float64Array(total);
  const counts = new Uint32Array(total);
  const at = lists.map(() => 0);
  let n = 0;
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (at[i] < lists[i].keys.length && (best < 0 || lists[i].keys[at[i]] < lists[best].keys[at[best]])) best = i;
    }
    if (best < 0) break;
    const key = lists[best].keys[at[best]];
    const count = lists[best].counts[at[best]++];
    if (n > 0 && keys[n - 1] === key) counts[n - 1] += count;
    else {
      keys[n] = key;
      counts[n++] = count;
    }
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
