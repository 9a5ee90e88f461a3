import stringWidth from 'string-width';
import { showControls } from '../../src/util/controls.js';

/**
 * The terminal's text toolkit: every width refrain lays out on a terminal (the review UI, the
 * scan summary, the progress line) is measured and cut here. Widths are display columns (a CJK
 * character takes two), text is cut between graphemes only (an accent, a variation selector, an
 * emoji sequence or a flag stays with its character), and control characters are measured as
 * the one-column symbols they are shown as (see showControls).
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const widthCache = new Map<string, number>();

/** Display width of one grapheme; cached, since a redraw measures thousands. */
export function graphemeWidth(grapheme: string): number {
  // Printable ASCII is one column: skip string-width for the commonest case.
  if (grapheme.length === 1) {
    const c = grapheme.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f) return 1;
  }
  let w = widthCache.get(grapheme);
  if (w === undefined) {
    w = stringWidth(grapheme);
    if (widthCache.size < 50_000) widthCache.set(grapheme, w);
  }
  return w;
}

/** The graphemes of a text, with their UTF-16 offsets. */
export function splitGraphemes(text: string): Iterable<{ segment: string; index: number }> {
  return graphemes.segment(text);
}

/** Display width of a text as a terminal shows it: control characters as one-column symbols. */
export function textWidth(text: string): number {
  return stringWidth(showControls(text));
}

/**
 * Text as the terminal should get it: control characters from report text, file names or
 * messages shown as symbols (see showControls), line breaks kept. Everything refrain prints to a
 * terminal passes through here or through truncate and pad, which apply it before measuring.
 */
export function forTerminal(text: string): string {
  return showControls(text, '\n');
}

/**
 * Cuts text to at most `width` terminal columns, ending in '…' when cut. Control characters are
 * shown as symbols, and measured as such.
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

/**
 * Cuts text to at most `width` columns from its start, keeping the end: '…' and the last
 * characters that fit, or the text whole when it fits. For a line being typed, whose end is
 * where the typing is.
 */
export function truncateStart(raw: string, width: number): string {
  if (width <= 0) return '';
  const text = showControls(raw);
  if (textWidth(text) <= width) return text;
  const kept: string[] = [];
  let used = 1;
  for (const segment of [...graphemes.segment(text)].map((s) => s.segment).reverse()) {
    used += graphemeWidth(segment);
    if (used > width) break;
    kept.push(segment);
  }
  return `…${kept.reverse().join('')}`;
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

/** The text without its last character (grapheme): what Backspace erases. */
export function withoutLastCharacter(text: string): string {
  let last = 0;
  for (const { index } of graphemes.segment(text)) last = index;
  return text.slice(0, last);
}

/** A stretch of one wrapped line in one style. */
export interface StyledText<S> {
  text: string;
  style: S;
}

/**
 * Wraps text at `width` display columns (2 or more), styling each character by its offset (UTF-16
 * index into `text`). Neighbouring characters of one style share a stretch. '\n' ends a line; a
 * tab is shown as one blank, other control characters as symbols.
 */
export function wrapStyled<S>(text: string, width: number, styleAt: (offset: number) => S): StyledText<S>[][] {
  const lines: StyledText<S>[][] = [[]];
  let col = 0;
  for (const { segment, index } of graphemes.segment(text)) {
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
    const style = styleAt(index);
    const last = line[line.length - 1];
    if (last && last.style === style) last.text += shown;
    else line.push({ text: shown, style });
    col += w;
  }
  return lines;
}
