import type { Segment } from './segment.js';

const BLANK = /^[\s\u3000]*$/u;
const HEADING = /^ {0,3}#{1,6}(\s|$)/u;
const ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+/u;
const TABLE_ROW = /^\s*\|.*\|\s*$/u;
const FENCE = /^ {0,3}(```|~~~)/u;

/**
 * Paragraphs of a Markdown text: the blocks between blank lines, hard-wrapped lines joined (a
 * line break inside a block does not split it). A heading line, each list item (with the lines
 * that continue it) and each table row are paragraphs of their own; fenced code is left out.
 */
export function segmentMarkdown(text: string): Segment[] {
  const out: Segment[] = [];
  let current: { text: string; line: number; start: number } | null = null;
  const flush = () => {
    if (current) out.push({ index: out.length, line: current.line, start: current.start, text: current.text });
    current = null;
  };
  let offset = 0;
  let fenced = false;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const at = offset;
    offset += raw.length + 1;
    if (FENCE.test(raw)) {
      flush();
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    if (BLANK.test(raw)) {
      flush();
      return;
    }
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    const own = HEADING.test(raw) || TABLE_ROW.test(raw);
    if (own || ITEM.test(raw) || current === null) {
      flush();
      current = { text: line, line: i + 1, start: at + lead };
      if (own) flush();
      return;
    }
    current.text = joinLines(current.text, line);
  });
  flush();
  return out;
}

/** A wrapped line back onto the one before: Latin words need their space, CJK text had none. */
function joinLines(before: string, next: string): string {
  const cjk =
    /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]$/u.test(before) &&
    /^[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(next);
  return cjk ? before + next : `${before} ${next}`;
}
