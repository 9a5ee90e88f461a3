import { DIGITS } from '../../read/normalize/normalize.js';
import { weightOf } from './weights.js';

/** What a paragraph is, when it is not prose: every report of a kind carries such lines. */
export type Role = 'line' | 'table' | 'prose';

/** Longest a line can be and still read as a heading, title or page chrome, in CJK characters. */
const SHORT_LINE = 40;
const SENTENCE_END = /[。！？!?．.]\s*$|[。！？][^”’」』）)]/u;
const CELL = /\t| {2,}|\u3000|[|｜]/gu;

/**
 * The role of a whole paragraph, from its text and comparison tokens: a short line without
 * sentence punctuation (a heading, a title, page chrome), a table row (cells of figures), or
 * prose. Only evidence in the text itself: no list of phrases.
 */
export function roleOf(text: string, masked: Uint32Array): Role {
  let digits = 0;
  for (let i = 0; i < masked.length; i++) if (masked[i] === DIGITS) digits++;
  const cells = (text.match(CELL) ?? []).length;
  if (
    (digits >= 2 && digits / Math.max(1, masked.length) >= 0.3) ||
    (cells >= 2 && weightOf(masked, 0, masked.length) <= 2 * SHORT_LINE)
  ) {
    return 'table';
  }
  if (/^\s*#{1,6}\s/u.test(text)) return 'line';
  if (weightOf(masked, 0, masked.length) <= SHORT_LINE && !SENTENCE_END.test(text.trim())) return 'line';
  return 'prose';
}
