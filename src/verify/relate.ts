import type { Kind, Normalized } from '../types.js';
import { DIGITS } from '../normalize/normalize.js';
import { align, regionSimilarity, type Region } from './align.js';

/**
 * What comparison needs of a normalized text: its tokens with digits masked, and what each masked
 * digit run was (in order), which tells an exact copy from one with other numbers.
 */
export interface Tokens {
  masked: Uint32Array;
  digits: Uint32Array;
}

/** The comparison form of a normalized text. */
export function comparable(n: Normalized): Tokens {
  let count = 0;
  for (let i = 0; i < n.masked.length; i++) if (n.masked[i] === DIGITS) count++;
  const digits = new Uint32Array(count);
  let d = 0;
  for (let i = 0; i < n.masked.length; i++) if (n.masked[i] === DIGITS) digits[d++] = n.tokens[i];
  return { masked: n.masked, digits };
}

/** One copied passage between two paragraphs, in token offsets of each. */
export interface Relation {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  kind: Kind;
  similarity: number;
}

export interface RelateOptions {
  /** Lowest similarity (Dice over aligned tokens) for a passage to count. */
  threshold: number;
  /** Fewest shared tokens for a passage that is not a whole paragraph. */
  minTokens: number;
  /** Fewest tokens for a whole paragraph repeated word for word (page chrome is often short). */
  minWholeTokens: number;
}

/** Share of a paragraph a passage must cover to stand for the whole paragraph. */
const WHOLE = 0.8;
/** Longest exact run a passage needs, so that a chain of common short words is not a copy. */
export const MIN_LONGEST = 6;

function same(x: Uint32Array, xs: number, xe: number, y: Uint32Array, ys: number, ye: number): boolean {
  if (xe - xs !== ye - ys) return false;
  for (let i = 0; i < xe - xs; i++) if (x[xs + i] !== y[ys + i]) return false;
  return true;
}

function digitsBefore(masked: Uint32Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (masked[i] === DIGITS) n++;
  return n;
}

function kindOf(a: Tokens, b: Tokens, as: number, ae: number, bs: number, be: number): Kind {
  if (!same(a.masked, as, ae, b.masked, bs, be)) return 'near';
  let da = digitsBefore(a.masked, as);
  let db = digitsBefore(b.masked, bs);
  for (let i = as; i < ae; i++) {
    if (a.masked[i] === DIGITS && a.digits[da++] !== b.digits[db++]) return 'numbers';
  }
  return 'exact';
}

/**
 * What two paragraphs share: nothing, the whole of both (exact, numbers or near), the whole of
 * the shorter inside the longer (partial), or one or more passages.
 */
export function relate(a: Tokens, b: Tokens, options: RelateOptions): Relation[] {
  const na = a.masked.length;
  const nb = b.masked.length;
  if (na === 0 || nb === 0) return [];
  if (na === nb && na >= options.minWholeTokens && same(a.masked, 0, na, b.masked, 0, nb)) {
    return [{ aStart: 0, aEnd: na, bStart: 0, bEnd: nb, kind: kindOf(a, b, 0, na, 0, nb), similarity: 1 }];
  }
  const floor = { matched: options.minTokens, longest: MIN_LONGEST };
  const regions = align(a.masked, b.masked, undefined, floor).filter(
    (r) => r.matched >= options.minTokens && r.longest >= MIN_LONGEST && regionSimilarity(r) >= options.threshold,
  );
  if (regions.length === 0) return [];
  const coverA = covered(regions, 'a') / na;
  const coverB = covered(regions, 'b') / nb;
  const matched = regions.reduce((s, r) => s + r.matched, 0);
  if (coverA >= WHOLE && coverB >= WHOLE) {
    const similarity = (2 * matched) / (na + nb);
    if (similarity >= options.threshold) {
      return [{ aStart: 0, aEnd: na, bStart: 0, bEnd: nb, kind: kindOf(a, b, 0, na, 0, nb), similarity }];
    }
  }
  if (coverA >= WHOLE || coverB >= WHOLE) {
    const aWhole = coverA >= WHOLE && (na <= nb || coverB < WHOLE);
    const bs = Math.min(...regions.map((r) => r.bStart));
    const be = Math.max(...regions.map((r) => r.bEnd));
    const as = Math.min(...regions.map((r) => r.aStart));
    const ae = Math.max(...regions.map((r) => r.aEnd));
    const similarity = matched / (aWhole ? na : nb);
    if (similarity < options.threshold) return [];
    return [
      aWhole
        ? { aStart: 0, aEnd: na, bStart: bs, bEnd: be, kind: 'partial', similarity }
        : { aStart: as, aEnd: ae, bStart: 0, bEnd: nb, kind: 'partial', similarity },
    ];
  }
  return regions.map((r) => ({
    aStart: r.aStart,
    aEnd: r.aEnd,
    bStart: r.bStart,
    bEnd: r.bEnd,
    kind: kindOf(a, b, r.aStart, r.aEnd, r.bStart, r.bEnd),
    similarity: regionSimilarity(r),
  }));
}

function covered(regions: Region[], side: 'a' | 'b'): number {
  return regions.reduce((s, r) => s + (side === 'a' ? r.aEnd - r.aStart : r.bEnd - r.bStart), 0);
}
