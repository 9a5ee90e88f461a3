import { fmix32 } from '../../util/hash.js';
import { tokenWeight, WORD_WEIGHT } from '../judge/weights.js';

/**
 * Fixed-length runs of tokens, measured so that they mean the same in every language: six CJK
 * characters or three words make an anchor run (what a copied passage holds at least once, and
 * how paragraphs to align are paired); four characters or three words a stock run (a phrase other
 * reports may use too).
 */
const ANCHOR_CHARS = 6;
const ANCHOR_WORDS = 3;
const STOCK_CHARS = 4;
const STOCK_WORDS = 3;

/** Mean weight of a text's tokens, from 1 (CJK characters) to WORD_WEIGHT (words). */
export function unitsPerToken(masked: Uint32Array, from = 0, to = masked.length): number {
  if (to <= from) return 1;
  let w = 0;
  for (let i = from; i < to; i++) w += tokenWeight(masked[i]);
  return Math.min(WORD_WEIGHT, Math.max(1, w / (to - from)));
}

function written(masked: Uint32Array, from: number, to: number): 'words' | 'chars' {
  return writtenIn(unitsPerToken(masked, from, to));
}

function writtenIn(units: number): 'words' | 'chars' {
  return units >= (1 + WORD_WEIGHT) / 2 ? 'words' : 'chars';
}

/** Tokens in an anchor run of masked[from, to). */
export function anchorLength(masked: Uint32Array, from = 0, to = masked.length): number {
  return anchorLengthFor(unitsPerToken(masked, from, to));
}

/** Tokens in an anchor run of a text whose unitsPerToken is `units`. */
export function anchorLengthFor(units: number): number {
  return writtenIn(units) === 'words' ? ANCHOR_WORDS : ANCHOR_CHARS;
}

/** Tokens in a stock run of masked[from, to). */
export function stockLength(masked: Uint32Array, from = 0, to = masked.length): number {
  return written(masked, from, to) === 'words' ? STOCK_WORDS : STOCK_CHARS;
}

const BASE = 0x01000193;
const outgoing: number[] = [];
/** BASE to the power k, modulo 2^32: what the token leaving a k-token window weighed. */
function outgoingFor(k: number): number {
  if (outgoing[k] === undefined) {
    let p = 1;
    for (let i = 0; i < k; i++) p = Math.imul(p, BASE);
    outgoing[k] = p;
  }
  return outgoing[k];
}

function mixToken(t: number): number {
  const x = Math.imul(t ^ (t >>> 15), 0x2c1b3c6d);
  return x ^ (x >>> 12);
}

/**
 * Hashes of every k-token window of masked[from, to) (window j starts at from + j), keeping only
 * those whose hash falls in `part` of `parts`, into `out`; returns how many. A rolling polynomial
 * over mixed tokens: one step per token. The window length is mixed into the hash, so runs of
 * different lengths never collide by construction.
 */
export function windowHashes(
  masked: Uint32Array,
  from: number,
  to: number,
  k: number,
  out: Int32Array,
  part = 0,
  parts = 1,
): number {
  const leaving = outgoingFor(k);
  let h = 0;
  let kept = 0;
  for (let i = from; i < to; i++) {
    h = (Math.imul(h, BASE) + mixToken(masked[i])) | 0;
    if (i - from >= k) h = (h - Math.imul(mixToken(masked[i - k]), leaving)) | 0;
    if (i - from < k - 1) continue;
    const key = fmix32(h ^ k);
    // The high half, a small integer: modulo on a full 32-bit hash would leave integer math.
    if (parts > 1 && (key >>> 16) % parts !== part) continue;
    out[kept++] = key;
  }
  return kept;
}
