import type { ResultDocumentPair } from '../types.js';

/**
 * Orders reports so that reports sharing much text sit next to each other in the heatmap.
 *
 * Greedy chaining: start from the report with the largest total share, then keep appending the
 * unplaced report that shares most with the last one placed; when the last one shares nothing
 * with any unplaced report, start a new chain from the unplaced report with the largest total.
 * O(n²) on a dense matrix, which stays fast at a few thousand reports, and deterministic
 * (ties go to the lower id).
 */
export function orderDocuments(count: number, pairs: readonly ResultDocumentPair[]): number[] {
  const shared = new Float64Array(count * count);
  const total = new Float64Array(count);
  for (const { a, b, sharedRatio } of pairs) {
    if (a === b || a < 0 || b < 0 || a >= count || b >= count) continue;
    shared[a * count + b] = sharedRatio;
    shared[b * count + a] = sharedRatio;
  }
  for (let a = 0; a < count; a++) {
    let sum = 0;
    for (let b = 0; b < count; b++) sum += shared[a * count + b];
    total[a] = sum;
  }
  const placed = new Uint8Array(count);
  const order: number[] = [];
  let last = -1;
  while (order.length < count) {
    let next = -1;
    if (last >= 0) {
      let best = 0;
      for (let b = 0; b < count; b++) {
        if (!placed[b] && shared[last * count + b] > best) {
          best = shared[last * count + b];
          next = b;
        }
      }
    }
    if (next < 0) {
      let best = -1;
      for (let b = 0; b < count; b++) {
        if (!placed[b] && total[b] > best) {
          best = total[b];
          next = b;
        }
      }
    }
    placed[next] = 1;
    order.push(next);
    last = next;
  }
  return order;
}
