import { DIGITS } from '../../read/normalize/normalize.js';

/**
 * How much text a comparison token stands for, in CJK characters: shared content is measured in
 * these units whatever the language. A word of an alphabetic script carries about as much as two
 * or three Chinese characters (a 13-word German sentence and a 30-character Chinese one say about
 * the same); a kana or a Thai letter is a syllable or less.
 */
export const WORD_WEIGHT = 2.5;
const SYLLABLE_WEIGHT = 0.5;

export function tokenWeight(t: number): number {
  if (t === DIGITS) return 1;
  if (t >= 0x80000000) return WORD_WEIGHT;
  if (
    (t >= 0x3040 && t <= 0x30ff) ||
    (t >= 0x0e00 && t <= 0x0eff) ||
    (t >= 0x1780 && t <= 0x17ff) ||
    (t >= 0x1000 && t <= 0x109f)
  )
    return SYLLABLE_WEIGHT;
  return 1;
}

/** Weight of masked[from, to). */
export function weightOf(masked: Uint32Array, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += tokenWeight(masked[i]);
  return w;
}
