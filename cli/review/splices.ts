import type { ResultCluster, Splice } from '../../src/types.js';
import type { RowPart } from '../text/diff-rows.js';
import { oneLine, textWidth, truncate, truncateStart } from '../text/width.js';
import type { Line } from './lines.js';
import { paragraphText, type ParagraphSource } from './paragraphs.js';
import { shortLabel } from './reports.js';
import type { ReviewResult } from './types.js';

/**
 * Text spliced into a copy (spam on a hacked or mirrored page) is the one finding an auditor must
 * never miss: the review names it in the list, above the finding, and highlights it in the diff.
 */

/** Splices named above a finding at most; the rest are counted. */
const SHOWN = 2;

/** A splice in few columns, for a list row: "关于→三升体育平台", or "+澳门皇冠" for an insertion. */
export function spliceShort(s: Splice): string {
  const canonical = oneLine(s.canonical);
  return canonical === '' ? `+${oneLine(s.text)}` : `${canonical}→${oneLine(s.text)}`;
}

/** "三升体育平台 where the others say 关于", or for an insertion "… where the others say nothing". */
export function splicePhrase(s: Splice): string {
  const canonical = oneLine(s.canonical);
  return `${oneLine(s.text)} where the others say ${canonical === '' ? 'nothing' : canonical}`;
}

/**
 * The finding view's lines on its splices: per splice, what was spliced in and where, then the
 * member's text around it with the spliced text highlighted.
 */
export function spliceLines(result: ReviewResult, text: ParagraphSource, c: ResultCluster, width: number): Line[] {
  const splices = c.splices ?? [];
  const lines: Line[] = [];
  for (const s of splices.slice(0, SHOWN)) {
    const m = c.members[s.member];
    const line = m ? (text.paragraph(m.doc, s.paragraph)?.line ?? 0) : 0;
    const where = m ? ` · in ${shortLabel(result, m.doc)} line ${line}` : '';
    lines.push([{ text: truncate(`SPLICED ${splicePhrase(s)}${where}`, width), style: 'error' }]);
    if (m) lines.push(contextLine(text.paragraph(m.doc, s.paragraph)?.text ?? '', s, width));
  }
  if (splices.length > SHOWN) {
    const more = splices.length - SHOWN;
    lines.push([
      { text: truncate(`  … ${more} more splice${more === 1 ? '' : 's'} (see the diff)`, width), style: 'dim' },
    ]);
  }
  return lines;
}

/** The paragraph around a splice on one line: as much before and after as fits, the splice highlighted. */
function contextLine(paragraph: string, s: Splice, width: number): Line {
  const room = Math.max(0, width - 2);
  const spliced = truncate(oneLine(paragraph.slice(s.start, s.end)), Math.max(1, Math.floor(room / 2)));
  const left = Math.floor((room - textWidth(spliced)) / 2);
  const before = truncateStart(oneLine(paragraph.slice(0, s.start)), left);
  const after = truncate(oneLine(paragraph.slice(s.end)), room - textWidth(spliced) - textWidth(before));
  return [
    { text: `  ${before}`, style: 'dim' },
    { text: spliced, style: 'splice' },
    { text: after, style: 'dim' },
  ];
}

/**
 * The splices of member `index` as ranges of its text as `memberText` gives it (the member's span
 * of its paragraph, or its paragraphs joined by '\n').
 */
export function spliceRanges(c: ResultCluster, index: number, text: ParagraphSource): [number, number][] {
  const m = c.members[index];
  const own = (c.splices ?? []).filter((s) => s.member === index);
  if (!m || own.length === 0) return [];
  const textOf = paragraphText(text, m.doc);
  return own.map((s): [number, number] => {
    let base = -(m.start ?? 0);
    if (m.lastParagraph !== undefined) {
      base = 0;
      for (let p = m.paragraph; p < s.paragraph; p++) base += textOf(p).length + 1;
    }
    return [base + s.start, base + s.end];
  });
}

/**
 * The diff's parts with the stretches inside the ranges of the old side (`left`) or of the new
 * side (`right`) cut out as highlighted parts of their own.
 */
export function highlightParts(
  parts: readonly RowPart[],
  left: readonly [number, number][],
  right: readonly [number, number][],
): RowPart[] {
  if (left.length === 0 && right.length === 0) return [...parts];
  const out: RowPart[] = [];
  let at = { left: 0, right: 0 };
  for (const part of parts) {
    const sides =
      part.op === 'same' ? (['left', 'right'] as const) : part.op === 'del' ? ['left' as const] : ['right' as const];
    const inRange = (k: number) =>
      sides.some((side) => (side === 'left' ? left : right).some(([s, e]) => at[side] + k >= s && at[side] + k < e));
    // Cut where being inside a range changes, per UTF-16 unit (a range never splits a character).
    let from = 0;
    for (let k = 1; k <= part.text.length; k++) {
      if (k < part.text.length && inRange(k) === inRange(from)) continue;
      const piece: RowPart = { op: part.op, text: part.text.slice(from, k) };
      if (inRange(from)) piece.highlight = true;
      out.push(piece);
      from = k;
    }
    at = {
      left: at.left + (part.op === 'add' ? 0 : part.text.length),
      right: at.right + (part.op === 'del' ? 0 : part.text.length),
    };
  }
  return out;
}
