import type { MatchKind as Kind, Normalized } from '../../types.js';
import { DIGITS } from '../../read/normalize/normalize.js';
import { align, alignSelf, regionSimilarity, type Region } from './tiling.js';
import { anchorLengthFor, unitsPerToken } from './windows.js';

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
  /**
   * What the two sides really share: exact runs as (aStart, bStart, length) triples, in order.
   * Absent when the two are the same once digits are masked (exact or numbers: all of it).
   */
  tiles?: number[];
}

/** The relation seen from the other side. */
export function swapRelation(r: Relation): Relation {
  const out: Relation = {
    aStart: r.bStart,
    aEnd: r.bEnd,
    bStart: r.aStart,
    bEnd: r.aEnd,
    kind: r.kind,
    similarity: r.similarity,
  };
  if (r.tiles) {
    const t = r.tiles.slice();
    for (let i = 0; i < t.length; i += 3) [t[i], t[i + 1]] = [t[i + 1], t[i]];
    out.tiles = t;
  }
  return out;
}

export interface RelateOptions {
  /** Lowest similarity (Dice over aligned tokens) for a passage to count. */
  threshold: number;
  /**
   * Least shared text for a passage that is not a whole paragraph, in CJK characters: a word of
   * an alphabetic script counts as several (see units in windows.ts).
   */
  minTokens: number;
  /** The same for a whole paragraph repeated word for word (page chrome is often short). */
  minWholeTokens: number;
}

/**
 * Least share of its text (Dice) a block of passages must share to be one copy: paragraphs
 * written from one template with words of their own between the shared clauses share a third or
 * more (the 普法 paragraphs of seeds 002 and 004: 0.47; the 信访 ones of 000 and 004: 0.29).
 */
const MIN_BLOCK_SIMILARITY = 0.25;
/** Share of a paragraph a passage must cover to stand for the whole paragraph. */
const WHOLE = 0.8;

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
 * the shorter inside the longer (partial), or one or more passages. Passages that follow each
 * other in the same order on both sides are one block: a paragraph written from another, with
 * clauses of its own between the shared ones, is one copy, not a copy per clause.
 */
export function relate(a: Tokens, b: Tokens, options: RelateOptions): Relation[] {
  const na = a.masked.length;
  const nb = b.masked.length;
  if (na === 0 || nb === 0) return [];
  // Thresholds in tokens: a passage needs as much text in words as in characters, and one exact
  // run as long as an anchor run (six characters, three words), so that a chain of common short
  // words is not a copy.
  const units = unitsPerToken(a.masked);
  const minTokens = Math.ceil(options.minTokens / units);
  if (na === nb && na * units >= options.minWholeTokens && same(a.masked, 0, na, b.masked, 0, nb)) {
    return [{ aStart: 0, aEnd: na, bStart: 0, bEnd: nb, kind: kindOf(a, b, 0, na, 0, nb), similarity: 1 }];
  }
  const longest = anchorLengthFor(units);
  const regions = align(a.masked, b.masked, undefined, { matched: minTokens, longest }).filter(
    (r) => r.matched >= minTokens && r.longest >= longest && regionSimilarity(r) >= options.threshold,
  );
  if (regions.length === 0) return [];
  const coverA = covered(regions, 'a') / na;
  const coverB = covered(regions, 'b') / nb;
  const matched = regions.reduce((s, r) => s + r.matched, 0);
  const tiles = allTiles(regions);
  if (coverA >= WHOLE && coverB >= WHOLE) {
    const similarity = (2 * matched) / (na + nb);
    if (similarity >= options.threshold) {
      const kind = kindOf(a, b, 0, na, 0, nb);
      return [{ aStart: 0, aEnd: na, bStart: 0, bEnd: nb, kind, similarity, ...(kind === 'near' ? { tiles } : {}) }];
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
        ? { aStart: 0, aEnd: na, bStart: bs, bEnd: be, kind: 'partial', similarity, tiles }
        : { aStart: as, aEnd: ae, bStart: 0, bEnd: nb, kind: 'partial', similarity, tiles },
    ];
  }
  return blocks(regions).map((block) => {
    const first = block[0];
    const last = block[block.length - 1];
    const blockMatched = block.reduce((s, r) => s + r.matched, 0);
    const rel: Relation = {
      aStart: first.aStart,
      aEnd: last.aEnd,
      bStart: first.bStart,
      bEnd: last.bEnd,
      kind: block.length === 1 ? kindOf(a, b, first.aStart, first.aEnd, first.bStart, first.bEnd) : 'near',
      similarity: (2 * blockMatched) / (last.aEnd - first.aStart + (last.bEnd - first.bStart)),
    };
    if (rel.kind === 'near') rel.tiles = allTiles(block);
    return rel;
  });
}

/**
 * What one paragraph says twice: each passage with its repeat later in the paragraph (a sentence
 * repeated inside one paragraph is a repeat like any other).
 */
export function relateSelf(a: Tokens, options: RelateOptions): Relation[] {
  const units = unitsPerToken(a.masked);
  const minTokens = Math.ceil(options.minTokens / units);
  const longest = anchorLengthFor(units);
  const regions = alignSelf(a.masked, undefined, { matched: minTokens, longest }).filter(
    (r) => r.matched >= minTokens && r.longest >= longest && regionSimilarity(r) >= options.threshold,
  );
  return regions.map((r) => {
    const kind = kindOf(a, a, r.aStart, r.aEnd, r.bStart, r.bEnd);
    const rel: Relation = {
      aStart: r.aStart,
      aEnd: r.aEnd,
      bStart: r.bStart,
      bEnd: r.bEnd,
      kind,
      similarity: regionSimilarity(r),
    };
    if (kind === 'near') rel.tiles = r.tiles;
    return rel;
  });
}

function allTiles(regions: Region[]): number[] {
  const out: number[] = [];
  for (const r of [...regions].sort((x, y) => x.aStart - y.aStart)) out.push(...r.tiles);
  return out;
}

/**
 * Regions grouped into blocks that advance together on both sides: the heaviest such sequence
 * first (by shared tokens), then the heaviest of what is left. Regions come sorted by aStart.
 */
function blocks(regions: Region[]): Region[][] {
  const left = [...regions];
  const out: Region[][] = [];
  while (left.length > 0) {
    const score = left.map((r) => r.matched);
    const prev = left.map(() => -1);
    let best = 0;
    for (let i = 0; i < left.length; i++) {
      for (let j = 0; j < i; j++) {
        if (left[j].aEnd <= left[i].aStart && left[j].bEnd <= left[i].bStart && score[j] + left[i].matched > score[i]) {
          score[i] = score[j] + left[i].matched;
          prev[i] = j;
        }
      }
      if (score[i] > score[best]) best = i;
    }
    const chain: number[] = [];
    for (let i = best; i >= 0; i = prev[i]) chain.push(i);
    chain.reverse();
    // Split where the text between two regions is more than the block shares: a clause far from
    // the others on one side only (落实…职责 at a paragraph's start, …亲自协调 at its end) is
    // another copy, not one block spanning the paragraph.
    let block: Region[] = [];
    let matched = 0;
    for (const i of chain) {
      const r = left[i];
      if (block.length > 0) {
        const span = r.aEnd - block[0].aStart + (r.bEnd - block[0].bStart);
        if ((2 * (matched + r.matched)) / span < MIN_BLOCK_SIMILARITY) {
          out.push(block);
          block = [];
          matched = 0;
        }
      }
      block.push(r);
      matched += r.matched;
    }
    out.push(block);
    for (const i of [...chain].reverse()) left.splice(i, 1);
  }
  return out.sort((x, y) => x[0].aStart - y[0].aStart);
}

function covered(regions: Region[], side: 'a' | 'b'): number {
  return regions.reduce((s, r) => s + (side === 'a' ? r.aEnd - r.aStart : r.bEnd - r.bStart), 0);
}
