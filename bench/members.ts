import type { ResultMember, ScanResult } from '../src/types.js';
import { hashString } from '../src/util/hash.js';
import { STOCK_ROLES, type Truth, type TruthParagraph } from './generate.js';

/**
 * Where a scan's findings fall in the generator's truth: each paragraph of the scan matched to
 * the paragraph written (by its text, within its report), and each finding member to the
 * paragraphs and spans it covers. Stock is read from the truth's roles and insertions.
 */

/** A member as the scan may write it: a span of one paragraph, or a block of whole paragraphs. */
export type Member = ResultMember & {
  /** Last paragraph of a block member: it covers paragraphs `paragraph`..`lastParagraph`, whole. */
  lastParagraph?: number;
};

/** One paragraph a member covers: its number in the truth (-1 when unmatched) and the span in it. */
export interface Covered {
  g: number;
  text: string;
  /** Offsets in `text`; absent for the whole paragraph. */
  start?: number;
  end?: number;
}

export interface TruthIndex {
  truth: Truth;
  /** Truth paragraphs of all reports, one after another. */
  paragraphs: TruthParagraph[];
  /** Report of each truth paragraph. */
  docOf: Int32Array;
  /** For each scan document, its paragraphs' numbers in `paragraphs` (-1: not found in the truth). */
  toTruth: Int32Array[];
  unmatched: number;
}

/**
 * Content characters a span may have outside stock and still be stock: where a match runs a
 * character or two past a formula into the words around it.
 */
export const OVERHANG = 4;
const CONTENT = /[\p{L}\p{N}]/u;

export function indexTruth(result: ScanResult, truth: Truth): TruthIndex {
  const byPath = new Map<string, number>();
  truth.paths.forEach((p, i) => byPath.set(p, i));
  const offsets: number[] = [];
  const paragraphs: TruthParagraph[] = [];
  truth.paragraphs.forEach((paras) => {
    offsets.push(paragraphs.length);
    for (const p of paras) paragraphs.push(p);
  });
  const docOf = new Int32Array(paragraphs.length);
  truth.paragraphs.forEach((paras, d) => docOf.fill(d, offsets[d], offsets[d] + paras.length));
  const toTruth: Int32Array[] = [];
  let unmatched = 0;
  for (const doc of result.documents) {
    // Truth paths all have one length (NNN/NNNNNN.txt); the scan's paths start with the folder.
    const t = truth.paths.length > 0 ? byPath.get(doc.path.slice(-truth.paths[0].length)) : undefined;
    const map = new Int32Array(doc.paragraphs.length).fill(-1);
    if (t !== undefined) {
      const queue = new Map<number, number[]>();
      truth.paragraphs[t].forEach((p, i) => {
        const list = queue.get(p.hash) ?? [];
        list.push(i);
        queue.set(p.hash, list);
      });
      doc.paragraphs.forEach((p, i) => {
        const list = queue.get(hashString(p.text));
        if (list && list.length > 0) map[i] = offsets[t] + list.shift()!;
        else unmatched++;
      });
    } else unmatched += doc.paragraphs.length;
    toTruth.push(map);
  }
  return { truth, paragraphs, docOf, toTruth, unmatched };
}

/** The paragraphs a member covers: one with its span, or every paragraph of a block, whole. */
export function covered(result: ScanResult, index: TruthIndex, m: Member): Covered[] {
  const doc = result.documents[m.doc];
  const map = index.toTruth[m.doc];
  if (m.lastParagraph === undefined) {
    const text = doc.paragraphs[m.paragraph].text;
    return [{ g: map?.[m.paragraph] ?? -1, text, start: m.start, end: m.end }];
  }
  const out: Covered[] = [];
  for (let p = m.paragraph; p <= m.lastParagraph; p++) out.push({ g: map?.[p] ?? -1, text: doc.paragraphs[p].text });
  return out;
}

/** Whether the covered text is stock: a stock line, or within the paragraph's stock phrases. */
export function isStock(index: TruthIndex, c: Covered): boolean {
  if (c.g < 0) return false;
  const p = index.paragraphs[c.g];
  if (STOCK_ROLES.has(p.role)) return true;
  const start = c.start ?? 0;
  const end = c.end ?? c.text.length;
  let outside = 0;
  for (let i = start; i < end; i++) {
    if (!CONTENT.test(c.text[i])) continue;
    if (!p.stock.some(([s, e]) => i >= s && i < e) && ++outside > OVERHANG) return false;
  }
  return true;
}

/** The member's text, a block's paragraphs joined by line ends. */
export function memberText(result: ScanResult, m: Member): string {
  const paras = result.documents[m.doc].paragraphs;
  if (m.lastParagraph !== undefined)
    return paras
      .slice(m.paragraph, m.lastParagraph + 1)
      .map((p) => p.text)
      .join('\n');
  const t = paras[m.paragraph].text;
  return m.start === undefined ? t : t.slice(m.start, m.end);
}

/**
 * Every member of every finding, located once: finding c has members memberStart[c] to
 * memberStart[c + 1]; member k covers entries entryStart[k] to entryStart[k + 1], each a truth
 * paragraph (g, -1 when unmatched) and whether the member's text there is stock. Flat arrays, as
 * a large batch's findings have millions of members.
 */
export interface Coverage {
  memberStart: number[];
  entryStart: number[];
  g: number[];
  stock: number[];
}

export function coverage(result: ScanResult, index: TruthIndex): Coverage {
  const out: Coverage = { memberStart: [0], entryStart: [0], g: [], stock: [] };
  for (const c of result.clusters) {
    for (const m of c.members as Member[]) {
      for (const x of covered(result, index, m)) {
        out.g.push(x.g);
        out.stock.push(isStock(index, x) ? 1 : 0);
      }
      out.entryStart.push(out.g.length);
    }
    out.memberStart.push(out.entryStart.length - 1);
  }
  return out;
}
