import type { TokenStreams } from '../../types.js';
import type { UnitIndex } from '../leaders/candidates.js';
import { sortPairsInPlace } from '../leaders/radix.js';
import { anchorLength, windowHashes } from '../align/windows.js';
import { tokensAt } from '../../read/token-streams.js';
import { PairCollector } from '../batch.js';

/**
 * Paragraphs one anchor run may stand in before it counts as a stock phrase. On text made of the
 * genre's own phrases (the benchmark's stock-dense batches), runs in 17–24 paragraphs paired
 * 276 ways each cost a tenth of the scan's memory and found no copy that 16 did not.
 */
export const ANCHOR_BUCKET = 16;
/**
 * Paragraphs a stock phrase's paragraphs are still paired with: the first that holds it, so a
 * template adapted in many reports still becomes one finding (a star around that paragraph),
 * while the phrase costs one pair per paragraph, not four (four cost a third of the scan's time
 * and 40% more memory on the stock-dense batch of 10,000 reports).
 */
export const ANCHOR_HUBS = 1;

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
  streams: TokenStreams,
  part = 0,
  parts = 1,
  /** Told of each paragraph that holds runs twice: how many distinct runs it repeats. */
  onRepeat?: (gp: number, runs: number) => void,
): UnitIndex {
  let keys = new Uint32Array(1 << 16);
  let group = new Uint32Array(1 << 16);
  let scratch = new Int32Array(1024);
  let n = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const gp = paragraphs[i];
    const { masked } = tokensAt(streams, gp);
    const from = 0;
    const to = masked.length;
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
export function sharedRuns(paragraphs: Uint32Array, streams: TokenStreams, part = 0, parts = 1): PairCounts {
  const collector = new PairCollector(streams.tokenStart.length - 1);
  // A paragraph that says something twice is paired with itself, as many times as it repeats runs.
  const self = (gp: number, runs: number) => {
    for (let r = 0; r < runs; r++) collector.add(gp, gp);
  };
  const { keys, group, count } = anchorsOf(paragraphs, streams, part, parts, self);
  // Sorted by run, stably: a run's paragraphs come in paragraph order.
  sortPairsInPlace(keys, group);
  for (let from = 0; from < count;) {
    let to = from + 1;
    while (to < count && keys[to] === keys[from]) to++;
    const hubs = to - from > ANCHOR_BUCKET ? ANCHOR_HUBS : to - from;
    for (let x = from; x < from + hubs; x++) for (let y = x + 1; y < to; y++) collector.add(group[x], group[y]);
    from = to;
  }
  return collector.counted();
}

/**
 * Sorted pair counts added together, keeping the pairs counted at least `min` times in all: one
 * merge of all parts at once, so the pairs below `min` (most of them, on text made of the genre's
 * own phrases) are never stored together.
 */
export function addCounts(lists: PairCounts[], min = 1): PairCounts {
  if (lists.length === 2) return mergeTwo(lists[0], lists[1], min);
  let keys = new Float64Array(1 << 16);
  let counts = new Uint32Array(1 << 16);
  let n = 0;
  const at = new Int32Array(lists.length);
  for (;;) {
    let key = Infinity;
    for (let l = 0; l < lists.length; l++)
      if (at[l] < lists[l].keys.length && lists[l].keys[at[l]] < key) key = lists[l].keys[at[l]];
    if (key === Infinity) break;
    let count = 0;
    for (let l = 0; l < lists.length; l++) {
      if (at[l] < lists[l].keys.length && lists[l].keys[at[l]] === key) count += lists[l].counts[at[l]++];
    }
    if (count < min) continue;
    if (n === keys.length) {
      const k2 = new Float64Array(keys.length * 2);
      k2.set(keys);
      keys = k2;
      const c2 = new Uint32Array(counts.length * 2);
      c2.set(counts);
      counts = c2;
    }
    keys[n] = key;
    counts[n++] = count;
  }
  return { keys: keys.slice(0, n), counts: counts.slice(0, n) };
}

/** Two sorted lists of pair counts added together, the pairs counted at least `min` times kept. */
function mergeTwo(x: PairCounts, y: PairCounts, min: number): PairCounts {
  const keys = new Float64Array(x.keys.length + y.keys.length);
  const counts = new Uint32Array(keys.length);
  const nx = x.keys.length;
  const ny = y.keys.length;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < nx || j < ny) {
    let key: number;
    let count: number;
    if (j >= ny || (i < nx && x.keys[i] < y.keys[j])) {
      key = x.keys[i];
      count = x.counts[i++];
    } else if (i >= nx || y.keys[j] < x.keys[i]) {
      key = y.keys[j];
      count = y.counts[j++];
    } else {
      key = x.keys[i];
      count = x.counts[i++] + y.counts[j++];
    }
    if (count < min) continue;
    keys[n] = key;
    counts[n++] = count;
  }
  return { keys: keys.slice(0, n), counts: counts.slice(0, n) };
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
