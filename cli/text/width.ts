import stringWidth from 'string-width';
import { showControls } from '../../src/util/controls.js';

/**
 * Text as the terminal should get it: control characters from report text, file names or
 * messages shown as symbols (see showControls), line breaks kept. Everything refrain prints to a
 * terminal passes through here or through truncate and pad, which apply it before measuring.
 */
export function forTerminal(text: string): string {
  return showControls(text, '\n');
}

/** Cuts text to at most `width` terminal columns (a CJK character takes two), adding '…' if cut. */
export function truncate(raw: string, width: number): string {
  const text = showControls(raw);
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = stringWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

/** Pads to `width` columns on the right (or left with align 'right'). */
export function pad(raw: string, width: number, align: 'left' | 'right' = 'left'): string {
  const text = showControls(raw);
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** One line of a paragraph: whitespace runs folded to one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export { stringWidth };
