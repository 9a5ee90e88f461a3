import type { ScanResult } from '../src/types.js';
import type { Coverage, TruthIndex } from './members.js';

/**
 * What an auditor reads: the queue, the findings not marked boilerplate.
 *
 * Queue precision: the share of queue findings that are true copies. A finding is a true copy
 * when its representative and at least one other member lie in two paragraphs made from one
 * source (a template, a county's template, or a recycled report's paragraph), their text there
 * not only stock.
 *
 * Stock kept out: of the findings whose every member lies in stock text (a heading, title, table
 * row or chrome line, or inside formulas put into prose, a few characters of overhang allowed),
 * the share marked boilerplate.
 *
 * Fragments: queue findings that share two paragraphs (their text there not only stock) with
 * another queue finding, such as a copy split into pieces.
 */
export interface QueueFigures {
  queueFindings: number;
  queueCopies: number;
  queuePrecision: number;
  /** Queue findings made of stock alone: what boilerplate should have caught. */
  queueStock: number;
  fragments: number;
  stockFindings: number;
  stockBoilerplate: number;
  stockKeptOut: number;
}

/** Entries [from, to) of finding c's member k (k counted over the whole batch). */
const entries = (cov: Coverage, k: number): [number, number] => [cov.entryStart[k], cov.entryStart[k + 1]];

function isTrueCopy(index: TruthIndex, cov: Coverage, c: number): boolean {
  const source = (e: number) => (cov.g[e] < 0 || cov.stock[e] ? -1 : index.paragraphs[cov.g[e]].source);
  const first = cov.memberStart[c];
  const rep = new Map<number, number[]>();
  const [from, to] = entries(cov, first);
  for (let e = from; e < to; e++) {
    const s = source(e);
    if (s >= 0) rep.set(s, [...(rep.get(s) ?? []), cov.g[e]]);
  }
  if (rep.size === 0) return false;
  for (let k = first + 1; k < cov.memberStart[c + 1]; k++) {
    const [a, b] = entries(cov, k);
    for (let e = a; e < b; e++) if (rep.get(source(e))?.some((g) => g !== cov.g[e])) return true;
  }
  return false;
}

function isStockOnly(cov: Coverage, c: number): boolean {
  for (let e = cov.entryStart[cov.memberStart[c]]; e < cov.entryStart[cov.memberStart[c + 1]]; e++)
    if (!cov.stock[e]) return false;
  return true;
}

/** Queue findings that share two paragraphs with another queue finding. */
function countFragments(result: ScanResult, cov: Coverage, clustersOf: Map<number, number[]>): number {
  const inQueue = (c: number) => !result.clusters[c].boilerplate;
  const shared = new Int32Array(result.clusters.length);
  let fragments = 0;
  for (let c = 0; c < result.clusters.length; c++) {
    if (!inQueue(c)) continue;
    const paragraphs = new Set<number>();
    for (let e = cov.entryStart[cov.memberStart[c]]; e < cov.entryStart[cov.memberStart[c + 1]]; e++)
      if (cov.g[e] >= 0 && !cov.stock[e]) paragraphs.add(cov.g[e]);
    const touched: number[] = [];
    let fragment = false;
    for (const g of paragraphs) {
      for (const other of clustersOf.get(g) ?? []) {
        if (other === c || !inQueue(other)) continue;
        if (shared[other]++ === 0) touched.push(other);
        else fragment = true;
      }
    }
    for (const other of touched) shared[other] = 0;
    if (fragment) fragments++;
  }
  return fragments;
}

export function queueFigures(
  result: ScanResult,
  index: TruthIndex,
  cov: Coverage,
  clustersOf: Map<number, number[]>,
): QueueFigures {
  let queueFindings = 0;
  let queueCopies = 0;
  let queueStock = 0;
  let stockFindings = 0;
  let stockBoilerplate = 0;
  result.clusters.forEach((cluster, c) => {
    const stock = isStockOnly(cov, c);
    if (stock) stockFindings++;
    if (cluster.boilerplate) {
      if (stock) stockBoilerplate++;
      return;
    }
    queueFindings++;
    if (stock) queueStock++;
    else if (isTrueCopy(index, cov, c)) queueCopies++;
  });
  return {
    queueFindings,
    queueCopies,
    queuePrecision: queueFindings ? queueCopies / queueFindings : NaN,
    queueStock,
    fragments: countFragments(result, cov, clustersOf),
    stockFindings,
    stockBoilerplate,
    stockKeptOut: stockFindings ? stockBoilerplate / stockFindings : NaN,
  };
}
