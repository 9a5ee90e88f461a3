import { showControls } from '../../src/util/controls.js';
import { fitTo, graphemeWidth, oneLine, truncate } from '../text/width.js';

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

/**
 * Cuts text to at most `width` columns, ending in '…' when cut; never splits a character.
 * Control characters are shown as symbols (see showControls) and measured as such.
 */
export const fit = truncate;

/** Pads (or cuts) text to exactly `width` columns. */
export function padTo(text: string, width: number): string {
  return fitTo(text, width);
}

export { graphemeWidth, oneLine };

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
