import stringWidth from 'string-width';
import { widthOf } from '../../src/diff/align.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Display width of one grapheme: the diff module's cached measure, so diffs and lines agree. */
export const graphemeWidth = widthOf;

/**
 * Cuts text to at most `width` terminal columns (a CJK character takes two), ending in '…' when
 * cut. Cuts between graphemes only: an accent, a variation selector or an emoji sequence stays
 * with its character.
 */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  let used = 0;
  // Where the text would be cut if it turns out too wide: the last point with room for '…'.
  let cut = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    const w = graphemeWidth(segment);
    if (used + w <= width - 1) cut = index + segment.length;
    used += w;
    if (used > width) return text.slice(0, cut) + '…';
  }
  return text;
}

/** Pads to `width` columns on the right (or left with align 'right'); never cuts. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Exactly `width` columns: cut as `truncate` does, then padded. */
export function fitTo(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  return pad(truncate(text, width), width, align);
}

/** One line of a paragraph: whitespace runs folded to one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export { stringWidth };
