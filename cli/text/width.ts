import stringWidth from 'string-width';

/** Cuts text to at most `width` terminal columns (a CJK character takes two), adding '…' if cut. */
export function truncate(text: string, width: number): string {
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
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** One line of a paragraph: whitespace runs folded to one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export { stringWidth };
