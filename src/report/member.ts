import type { ResultMember } from '../types.js';

/** The paragraphs a member stands in, each with the span of it the member covers. */
export function memberPieces(m: ResultMember, lengthOf: (paragraph: number) => number): Array<{ paragraph: number; start: number; end: number }> {
  if (m.lastParagraph !== undefined) {
    const out = [];
    for (let p = m.paragraph; p <= m.lastParagraph; p++) out.push({ paragraph: p, start: 0, end: lengthOf(p) });
    return out;
  }
  return [{ paragraph: m.paragraph, start: m.start ?? 0, end: m.end ?? lengthOf(m.paragraph) }];
}

/**
 * The text a member stands for: its span of the paragraph, the whole paragraph, or for a run of
 * paragraphs each of them, one per line.
 */
export function memberTextOf(m: ResultMember, textOf: (paragraph: number) => string): string {
  if (m.lastParagraph !== undefined) {
    const out: string[] = [];
    for (let p = m.paragraph; p <= m.lastParagraph; p++) out.push(textOf(p));
    return out.join('\n');
  }
  const text = textOf(m.paragraph);
  return m.start === undefined && m.end === undefined ? text : text.slice(m.start ?? 0, m.end ?? text.length);
}
