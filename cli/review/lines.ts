import stringWidth from 'string-width';
import { widthOf } from '../../src/diff/align.js';
import { showControls } from '../../src/util/controls.js';

/**
 * How a stretch of screen text is shown. Each style has a colour form and a form without colour
 * (see screen.tsx), so nothing depends on colour alone.
 */
export type Style = 'plain' | 'dim' | 'bold' | 'cursor' | 'del' | 'add' | 'copy' | 'boilerplate' | 'spot' | 'error';

export interface Span {
  text: string;
  style?: Style;
}

/** One screen line; its spans' display widths add up to at most the screen width. */
export type Line = Span[];

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Display width of one grapheme: the diff module's cached measure, so both agree. */
export const graphemeWidth = widthOf;

/**
 * Cuts text to at most `width` columns, ending in '…' when cut; never splits a character.
 * Control characters are shown as symbols (see showControls) and measured as such.
 */
export function fit(raw: string, width: number): string {
  if (width <= 0) return '';
  const text = showControls(raw);
  let used = 0;
  // Where the text would be cut if it turns out too wide: the last point with room for '…'.
  let cut = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    const w = graphemeWidth(segment);
    if (used + w <= width - 1) cut = index + segment.length;
    used += w;
    if (used > width) return text.slice(0, cut) + '…';
  }
  return text;
}

/** Pads (or cuts) text to exactly `width` columns. */
export function padTo(text: string, width: number): string {
  const cut = fit(text, width);
  return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

/** Whitespace runs folded to one space, so a passage fits on one list row. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Wraps text at `width` display columns, styling each character by its offset (UTF-16 index
 * into `text`). Neighbouring characters of one style share a span. '\n' ends a line.
 */
export function wrapStyled(text: string, width: number, styleAt: (offset: number) => Style): Line[] {
  const lines: Line[] = [[]];
  let col = 0;
  let offset = 0;
  for (const { segment } of segmenter.segment(text)) {
    const at = offset;
    offset += segment.length;
    if (segment === '\n') {
      lines.push([]);
      col = 0;
      continue;
    }
    const shown = segment === '\t' ? ' ' : showControls(segment);
    const w = graphemeWidth(shown);
    if (col + w > width && col > 0) {
      lines.push([]);
      col = 0;
    }
    const line = lines[lines.length - 1];
    const style = styleAt(at);
    const last = line[line.length - 1];
    if (last && last.style === style) last.text += shown;
    else line.push({ text: shown, style });
    col += w;
  }
  return lines;
}
