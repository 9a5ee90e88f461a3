import type { Analysis, Normalized } from '../types.js';
import type { UnitIndex } from '../lsh/candidates.js';
import { prepareParagraph } from './analyze.js';
import { shingle } from '../shingle/shingle.js';

/** Where each paragraph of the batch sits: global paragraph number → document, paragraph. */
export interface ParagraphIndex {
  offset: number[];
  doc: Uint32Array;
  para: Uint32Array;
}

export interface FlatUnits {
  count: number;
  bands: number;
  keys: Uint32Array;
  /** Global paragraph of each unit. */
  para: Uint32Array;
  /** Whole-paragraph units only, in paragraph order. */
  wholeCount: number;
  wholeKeys: Uint32Array;
  wholePara: Uint32Array;
  /** The units of the paragraphs `keep` accepts, as an LSH index. */
  select(keep: (gp: number) => boolean): UnitIndex;
}

/** All comparison units of the batch in one set of typed arrays. */
export function flattenUnits(analyses: Analysis[], index: ParagraphIndex, bands: number): FlatUnits {
  let count = 0;
  for (const a of analyses) count += a.unitPara.length;
  const keys = new Uint32Array(count * bands);
  const para = new Uint32Array(count);
  const whole = new Uint8Array(count);
  let u = 0;
  let wholeCount = 0;
  analyses.forEach((a, d) => {
    keys.set(a.bandKeys, u * bands);
    const n = a.unitPara.length;
    for (let i = 0; i < n; i++) {
      para[u + i] = index.offset[d] + a.unitPara[i];
      // The analysis lists a paragraph's clauses first and the whole paragraph last.
      if (i + 1 === n || a.unitPara[i + 1] !== a.unitPara[i]) {
        whole[u + i] = 1;
        wholeCount++;
      }
    }
    u += n;
  });
  const wholeKeys = new Uint32Array(wholeCount * bands);
  const wholePara = new Uint32Array(wholeCount);
  let w = 0;
  for (let i = 0; i < count; i++) {
    if (!whole[i]) continue;
    wholeKeys.set(keys.subarray(i * bands, (i + 1) * bands), w * bands);
    wholePara[w++] = para[i];
  }
  return {
    count,
    bands,
    keys,
    para,
    wholeCount,
    wholeKeys,
    wholePara,
    select(keep) {
      let n = 0;
      for (let i = 0; i < count; i++) if (keep(para[i])) n++;
      const k = new Uint32Array(n * bands);
      const g = new Uint32Array(n);
      let j = 0;
      for (let i = 0; i < count; i++) {
        if (!keep(para[i])) continue;
        k.set(keys.subarray(i * bands, (i + 1) * bands), j * bands);
        g[j++] = para[i];
      }
      return { count: n, bands, keys: k, group: g };
    },
  };
}

/** Most normalized paragraphs held at once; past that the cache starts over (they are cheap to redo). */
const CACHE_LIMIT = 100_000;

/** Comparison forms of paragraphs, made on demand: only candidates are ever normalized twice. */
export class NormCache {
  private cache = new Map<number, Normalized>();
  private gramCache = new Map<number, Uint32Array>();
  constructor(
    private analyses: Analysis[],
    private index: ParagraphIndex,
  ) {}
  get(gp: number): Normalized {
    let n = this.cache.get(gp);
    if (!n) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      n = prepareParagraph(this.analyses[this.index.doc[gp]].paragraphs[this.index.para[gp]].text);
      this.cache.set(gp, n);
    }
    return n;
  }
  /** The paragraph's k-grams (digits masked), hashed, sorted and unique. */
  grams(gp: number, k: number): Uint32Array {
    let g = this.gramCache.get(gp);
    if (!g) {
      if (this.gramCache.size >= CACHE_LIMIT) this.gramCache.clear();
      const masked = this.get(gp).masked;
      g = masked.length >= k ? shingle(masked, k) : new Uint32Array(0);
      this.gramCache.set(gp, g);
    }
    return g;
  }
}

/** Whether two sorted sets share at least one element. */
export function intersects(a: Uint32Array, b: Uint32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}

/**
 * The pairs to verify: for each paragraph, its `k` partners with the most band collisions; a pair
 * is kept when it is among the top k of either side. Sorted, so the order is deterministic.
 */
export function topPartners(collisions: Map<number, number>, paragraphCount: number, k: number): number[] {
  const partners = new Map<number, Array<[number, number]>>();
  const add = (p: number, q: number, n: number) => {
    let list = partners.get(p);
    if (!list) partners.set(p, (list = []));
    list.push([q, n]);
  };
  for (const [key, n] of collisions) {
    const a = Math.floor(key / paragraphCount);
    const b = key - a * paragraphCount;
    add(a, b, n);
    add(b, a, n);
  }
  const keep = new Set<number>();
  for (const [p, list] of partners) {
    list.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    for (const [q] of list.slice(0, k)) keep.add(p < q ? p * paragraphCount + q : q * paragraphCount + p);
  }
  return [...keep].sort((x, y) => x - y);
}
