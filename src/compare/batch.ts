import type { Analysis, Normalized, TokenStreams } from '../types.js';
import type { Tokens } from './align/relate.js';
import { comparisonTokens, prepareParagraph } from '../read/analyze.js';
import { joinStreams, streamsOf, tokensAt } from '../read/token-streams.js';
import type { TokenFile } from '../read/token-file.js';

/** Where each paragraph of the batch sits: global paragraph number → document, paragraph. */
export interface ParagraphIndex {
  offset: number[];
  doc: Uint32Array;
  para: Uint32Array;
}

/** Global paragraph numbers: the batch's paragraphs, document after document. */
export function indexParagraphs(analyses: Analysis[]): ParagraphIndex {
  const offset: number[] = [];
  let total = 0;
  for (const a of analyses) {
    offset.push(total);
    total += a.paragraphs.length;
  }
  // In shared memory: the comparison workers read it too.
  const doc = new Uint32Array(new SharedArrayBuffer(Math.max(1, total) * 4), 0, total);
  const para = new Uint32Array(total);
  analyses.forEach((a, d) => {
    for (let p = 0; p < a.paragraphs.length; p++) {
      doc[offset[d] + p] = d;
      para[offset[d] + p] = p;
    }
  });
  return { offset, doc, para };
}

export interface FlatUnits {
  bands: number;
  /** Whole-paragraph units (the comparison's units), in paragraph order. */
  wholeCount: number;
  /** Global paragraph of each whole unit. */
  wholePara: Uint32Array;
  /** Their band keys in one array (`bands` per unit), made on first use: the in-memory engine's. */
  readonly wholeKeys: Uint32Array;
  /**
   * Copies keys [first, first + out.length) of `wholeKeys` into `out` from the analyses' own
   * arrays: an engine that writes the keys out a block at a time never holds them twice (1.2 GB
   * at 300,000 reports).
   */
  copyWholeKeys(first: number, out: Uint32Array): void;
  /**
   * Said by an engine once it holds the keys (and by the comparison once it has the offers): the
   * analyses' own may go then, when the scan said so (`spend`). 1.2 GB at 300,000 reports, let go
   * before DuckDB's query takes its memory.
   */
  spent(): void;
}

/** The comparison units of the batch (whole paragraphs), over the analyses' band keys. */
export function flattenUnits(analyses: Analysis[], index: ParagraphIndex, bands: number, spend = false): FlatUnits {
  const isWhole = (a: Analysis, i: number) => i + 1 === a.unitPara.length || a.unitPara[i + 1] !== a.unitPara[i];
  let wholeCount = 0;
  for (const a of analyses) for (let i = 0; i < a.unitPara.length; i++) if (isWhole(a, i)) wholeCount++;
  // Each whole unit's paragraph, and its analysis and unit there.
  const wholePara = new Uint32Array(wholeCount);
  const unitDoc = new Uint32Array(wholeCount);
  const unitAt = new Uint32Array(wholeCount);
  let w = 0;
  analyses.forEach((a, d) => {
    // One unit per paragraph; should an analysis hold several, the whole paragraph is the last.
    for (let i = 0; i < a.unitPara.length; i++) {
      if (!isWhole(a, i)) continue;
      wholePara[w] = index.offset[d] + a.unitPara[i];
      unitDoc[w] = d;
      unitAt[w++] = i;
    }
  });
  const copyWholeKeys = (first: number, out: Uint32Array) => {
    for (let k = 0; k < out.length;) {
      const w = Math.floor((first + k) / bands);
      const band = (first + k) % bands;
      const take = Math.min(bands - band, out.length - k);
      const from = unitAt[w] * bands + band;
      out.set(analyses[unitDoc[w]].bandKeys.subarray(from, from + take), k);
      k += take;
    }
  };
  let keys: Uint32Array | undefined;
  return {
    bands,
    wholeCount,
    wholePara,
    get wholeKeys() {
      if (!keys) {
        keys = new Uint32Array(wholeCount * bands);
        copyWholeKeys(0, keys);
      }
      return keys;
    },
    copyWholeKeys,
    spent() {
      if (spend) for (const a of analyses) a.bandKeys = new Uint32Array(0);
    },
  };
}

/** Full normalized forms (with offsets, 16 bytes a token) are needed for findings only. */
const FULL_LIMIT = 5_000;

/**
 * Comparison tokens of every paragraph (global paragraph numbers), in one set of token streams
 * for the batch (shared with the workers, or in a file they all read), joined from those the reading threads made. An analysis without streams (loaded from a workspace) has
 * its paragraphs normalized again, once. Each analysis's own streams are dropped once joined: they
 * would double the largest thing compare holds.
 */
export class BatchTokens {
  private fullCache = new Map<number, Normalized>();
  readonly streams: TokenStreams;
  constructor(
    private analyses: Analysis[],
    private index: ParagraphIndex,
    /** Where the streams are kept when they would not fit in memory; in memory without one. */
    file?: TokenFile,
  ) {
    this.streams = joinStreams(
      analyses.map((a) => a.streams ?? streamsOf(a.paragraphs, comparisonTokens)),
      file,
    );
    for (const a of analyses) delete a.streams;
  }
  /** Tokens for comparison. */
  get(gp: number): Tokens {
    return tokensAt(this.streams, gp);
  }
  /** The full normalized form, with each token's offsets in the paragraph text. */
  full(gp: number): Normalized {
    let n = this.fullCache.get(gp);
    if (!n) {
      if (this.fullCache.size >= FULL_LIMIT) this.fullCache.clear();
      n = prepareParagraph(this.analyses[this.index.doc[gp]].paragraphs[this.index.para[gp]].text);
      this.fullCache.set(gp, n);
    }
    return n;
  }
}

/** Pairs (a, b) of paragraphs, a < b, collected as they come, with repeats. */
export class PairCollector {
  private a = new Uint32Array(1 << 16);
  private b = new Uint32Array(1 << 16);
  private n = 0;
  constructor(private paragraphCount: number) {}
  add(a: number, b: number): void {
    if (this.n === this.a.length) {
      const a2 = new Uint32Array(this.a.length * 2);
      a2.set(this.a);
      this.a = a2;
      const b2 = new Uint32Array(this.b.length * 2);
      b2.set(this.b);
      this.b = b2;
    }
    this.a[this.n] = a;
    this.b[this.n++] = b;
  }
  /**
   * Distinct pairs as keys a * paragraphCount + b, sorted, with how many times each was added.
   * Grouped by a in one counting pass, then each (short) group sorted by b: a comparison sort of
   * millions of keys was most of the pairing time. The pairs as added are let go once grouped, and
   * the distinct ones counted before they are stored: on text made of the genre's own phrases a
   * pair is added dozens of times, and storing every addition thrice was the scan's peak memory.
   * The collector is empty afterwards.
   */
  counted(): { keys: Float64Array; counts: Uint32Array } {
    const { n, paragraphCount } = this;
    const start = new Uint32Array(paragraphCount + 1);
    for (let i = 0; i < n; i++) start[this.a[i] + 1]++;
    for (let p = 0; p < paragraphCount; p++) start[p + 1] += start[p];
    const fill = start.slice(0, paragraphCount);
    const bs = new Uint32Array(n);
    for (let i = 0; i < n; i++) bs[fill[this.a[i]]++] = this.b[i];
    this.a = new Uint32Array(0);
    this.b = new Uint32Array(0);
    this.n = 0;
    let distinct = 0;
    for (let p = 0; p < paragraphCount; p++) {
      const from = start[p];
      const to = start[p + 1];
      if (to - from > 1) sortRange(bs, from, to);
      for (let i = from; i < to; i++) if (i === from || bs[i] !== bs[i - 1]) distinct++;
    }
    const keys = new Float64Array(distinct);
    const counts = new Uint32Array(distinct);
    let u = -1;
    for (let p = 0; p < paragraphCount; p++) {
      for (let i = start[p]; i < start[p + 1]; i++) {
        if (i > start[p] && bs[i] === bs[i - 1]) counts[u]++;
        else {
          keys[++u] = p * paragraphCount + bs[i];
          counts[u] = 1;
        }
      }
    }
    return { keys, counts };
  }
}

/** Sorts xs[from, to) ascending: insertion sort for the short runs most groups are. */
function sortRange(xs: Uint32Array, from: number, to: number): void {
  if (to - from > 32) {
    xs.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= from && xs[j] > x) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
}

/**
 * The pairs to verify: for each paragraph, its `k` partners with the most band collisions; a pair
 * is kept when it is among the top k of either side. Sorted, so the order is deterministic.
 */
export function topPartners(
  pairs: { keys: Float64Array; counts: Uint32Array },
  paragraphCount: number,
  k: number,
): Float64Array {
  const { keys, counts } = pairs;
  const degree = new Uint32Array(paragraphCount + 1);
  for (let i = 0; i < keys.length; i++) {
    const a = Math.floor(keys[i] / paragraphCount);
    degree[a + 1]++;
    degree[keys[i] - a * paragraphCount + 1]++;
  }
  for (let p = 0; p < paragraphCount; p++) degree[p + 1] += degree[p];
  const fill = degree.slice(0, paragraphCount);
  const partner = new Uint32Array(keys.length * 2);
  const weight = new Uint32Array(keys.length * 2);
  for (let i = 0; i < keys.length; i++) {
    const a = Math.floor(keys[i] / paragraphCount);
    const b = keys[i] - a * paragraphCount;
    partner[fill[a]] = b;
    weight[fill[a]++] = counts[i];
    partner[fill[b]] = a;
    weight[fill[b]++] = counts[i];
  }
  const kept = new PairCollector(paragraphCount);
  const keep = (p: number, q: number) => (p < q ? kept.add(p, q) : kept.add(q, p));
  const better = (x: number, y: number) =>
    weight[x] > weight[y] || (weight[x] === weight[y] && partner[x] < partner[y]);
  const best: number[] = [];
  for (let p = 0; p < paragraphCount; p++) {
    const from = degree[p];
    const to = degree[p + 1];
    if (to - from <= k) {
      for (let x = from; x < to; x++) keep(p, partner[x]);
      continue;
    }
    // The k best by (weight, then lower partner) in one pass: a stock phrase's first paragraphs
    // have a partner in every paragraph that holds it, too many to sort for each.
    best.length = 0;
    for (let x = from; x < to; x++) {
      if (best.length < k) best.push(x);
      else if (better(x, best[k - 1])) best[k - 1] = x;
      else continue;
      for (let at = best.length - 1; at > 0 && better(best[at], best[at - 1]); at--) {
        const t = best[at];
        best[at] = best[at - 1];
        best[at - 1] = t;
      }
    }
    for (const x of best) keep(p, partner[x]);
  }
  return kept.counted().keys;
}
