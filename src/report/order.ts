import type { ResultDocumentPair } from '../types.js';

/**
 * Orders reports so that reports sharing much text sit next to each other in the heatmap.
 *
 * Greedy chaining: start from the report with the largest total share, then keep appending the
 * unplaced report that shares most with the last one placed; when the last one shares nothing
 * with any unplaced report, start a new chain from the unplaced report with the largest total.
 * Works on the pair list (sparse), so memory and time follow the number of sharing pairs, not
 * n²; deterministic, ties going to the lower id.
 */
export function orderDocuments(count: number, pairs: readonly ResultDocumentPair[]): number[] {
  const neighbours: { doc: number; ratio: number }[][] = Array.from({ length: count }, () => []);
  const total = new Float64Array(count);
  for (const { a, b, sharedRatio } of pairs) {
    if (a === b || !(sharedRatio > 0) || a < 0 || b < 0 || a >= count || b >= count) continue;
    neighbours[a].push({ doc: b, ratio: sharedRatio });
    neighbours[b].push({ doc: a, ratio: sharedRatio });
    total[a] += sharedRatio;
    total[b] += sharedRatio;
  }
  for (const list of neighbours) list.sort((x, y) => y.ratio - x.ratio || x.doc - y.doc);
  const byTotal = Array.from({ length: count }, (_, i) => i).sort((x, y) => total[y] - total[x] || x - y);
  const placed = new Uint8Array(count);
  const order: number[] = [];
  let restart = 0;
  let last = -1;
  while (order.length < count) {
    let next = -1;
    if (last >= 0) next = neighbours[last].find((n) => !placed[n.doc])?.doc ?? -1;
    if (next < 0) {
      while (placed[byTotal[restart]]) restart++;
      next = byTotal[restart];
    }
    placed[next] = 1;
    order.push(next);
    last = next;
  }
  return order;
}
