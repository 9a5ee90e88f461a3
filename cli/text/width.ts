import stringWidth from 'string-width';
import { showControls } from '../../src/util/controls.js';
import { widthOf } from './diff-rows.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Display width of one grapheme: the diff module's cached measure, so diffs and lines agree. */
export const graphemeWidth = widthOf;

/**
 * Text as the terminal should get it: control characters from report text, file names or
 * messages shown as symbols (see showControls), line breaks kept. Everything refrain prints to a
 * terminal passes through here or through truncate and pad, which apply it before measuring.
 */
export function forTerminal(text: string): string {
  return showControls(text, '\n');
}

/**
 * Cuts text to at most `width` terminal columns (a CJK character takes two), ending in '…' when
 * cut. Cuts between graphemes only: an accent, a variation selector or an emoji sequence stays
 * with its character. Control characters are shown as symbols, and measured as such.
 */
export function truncate(raw: string, width: number): string {
  if (width <= 0) return '';
  const text = showControls(raw);
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
export function pad(raw: string, width: number, align: 'left' | 'right' = 'left'): string {
  const text = showControls(raw);
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
