import { diffTextsDetailed, type TextDiff } from '../../src/diff/index.js';
import { alignRows, cellWidth, stackRows, type Row, type Segment } from '../text/diff-rows.js';
import type { ResultCluster } from '../../src/types.js';
import { fitTo, textWidth, truncate } from '../text/width.js';
import type { Line, Span, Style } from './lines.js';
import { memberText } from '../../src/report/finding.js';
import { CHROME_ROWS } from './navigation.js';
import { paragraphText, type ParagraphSource } from './paragraphs.js';
import type { ReviewState } from './types.js';

/** At this terminal width and wider the two passages stand side by side; narrower, one above the other. */
export const SIDE_BY_SIDE_MIN = 100;
const GUTTER = ' │ ';
/** Members listed above the diff at most; the rest are reached with ← → [ ]. */
const MEMBER_ROWS = 4;

/** The diff of a finding's two compared members, laid out for a screen width. */
export interface FindingLayout {
  diff: TextDiff;
  sideBySide: boolean;
  /** Column width of each side (side by side) or of the text after the '- '/'+ ' prefix (stacked). */
  column: number;
  /** The diff's screen lines, before scrolling. */
  lines: Line[];
}

export function layoutFinding(
  text: ParagraphSource,
  c: ResultCluster,
  left: number,
  right: number,
  width: number,
): FindingLayout {
  const [a, b] = [c.members[left], c.members[right]].map((m) => memberText(m, paragraphText(text, m.doc)));
  const diff = diffTextsDetailed(a, b);
  const sideBySide = width >= SIDE_BY_SIDE_MIN;
  if (sideBySide) {
    const column = Math.max(2, Math.floor((width - textWidth(GUTTER)) / 2));
    const lines = alignRows(diff.parts, column).map((row) => sideLine(row, column));
    return { diff, sideBySide, column, lines };
  }
  const column = Math.max(2, width - 2);
  const lines = stackRows(diff.parts, column).map((l): Line => {
    const prefix: Span = !l.changed
      ? { text: '  ' }
      : l.side === 'left'
        ? { text: '- ', style: 'del' }
        : { text: '+ ', style: 'add' };
    return [prefix, ...cell(l.cells)];
  });
  return { diff, sideBySide, column, lines };
}

/** Rows of the screen the diff gets, after the finding's header, members and column titles. */
export function diffRows(state: ReviewState, c: ResultCluster): number {
  const members = Math.min(MEMBER_ROWS, c.members.length) + (c.members.length > MEMBER_ROWS ? 1 : 0);
  // The finding's title, then one line naming both columns, or two (one per side) when stacked.
  const titles = state.width >= SIDE_BY_SIDE_MIN ? 2 : 3;
  return Math.max(1, state.height - CHROME_ROWS - titles - members);
}

export function findingLines(state: ReviewState, layout: FindingLayout): Line[] {
  const id = state.finding;
  if (id === null) return [];
  const c = state.result.clusters[id];
  const decision = state.decisions.get(c.key);
  const reports = `${c.docCount} report${c.docCount === 1 ? '' : 's'}`;
  const title =
    `Finding ${c.id} · ${c.kind} · ${c.scope} · ${reports} · ${Math.round(c.similarity * 100)}% · ${c.chars} chars` +
    (c.boilerplate ? ' · boilerplate' : '') +
    (decision
      ? ` · decided: ${decision.label}${decision.reviewer ? ` by ${decision.reviewer}` : ''}${decision.note ? ` (${decision.note})` : ''}`
      : '');
  const lines: Line[] = [[{ text: truncate(title, state.width), style: 'bold' }]];
  lines.push(...memberLines(state, c));
  const where = (i: number) => place(state, c, i);
  if (layout.sideBySide) {
    lines.push([
      { text: fitTo(`L ${where(state.left)}`, layout.column), style: 'del' },
      { text: GUTTER },
      { text: fitTo(`R ${where(state.right)}`, layout.column), style: 'add' },
    ]);
  } else {
    lines.push([{ text: truncate(`- L ${where(state.left)}`, state.width), style: 'del' }]);
    lines.push([{ text: truncate(`+ R ${where(state.right)}`, state.width), style: 'add' }]);
  }
  const rows = diffRows(state, c);
  const top = Math.min(state.diffTop, Math.max(0, layout.lines.length - rows));
  lines.push(...layout.lines.slice(top, top + rows));
  if (layout.diff.coarse && lines.length < state.height - CHROME_ROWS) {
    const how = layout.diff.level === 'sentence' ? 'sentence by sentence' : 'as whole passages';
    lines.push([
      { text: truncate(`(compared ${how}: the passages differ too much for a finer diff)`, state.width), style: 'dim' },
    ]);
  }
  return lines;
}

/** The largest useful `diffTop` for this layout. */
export function diffMax(state: ReviewState, layout: FindingLayout): number {
  if (state.finding === null) return 0;
  return Math.max(0, layout.lines.length - diffRows(state, state.result.clusters[state.finding]));
}

function place(state: ReviewState, c: ResultCluster, i: number): string {
  const m = c.members[i];
  const doc = state.result.documents[m.doc];
  const line = state.text.paragraph(m.doc, m.paragraph)?.line ?? 0;
  return `${doc?.path ?? `#${m.doc}`}:${line}`;
}

/** The members, a window of them around the compared pair when there are many. */
function memberLines(state: ReviewState, c: ResultCluster): Line[] {
  const n = c.members.length;
  const first = n <= MEMBER_ROWS ? 0 : Math.max(0, Math.min(n - MEMBER_ROWS, Math.min(state.left, state.right)));
  const lines: Line[] = [];
  for (let i = first; i < Math.min(n, first + MEMBER_ROWS); i++) {
    const tag = i === state.left ? 'L' : i === state.right ? 'R' : ' ';
    const style: Style = i === state.left ? 'del' : i === state.right ? 'add' : 'plain';
    lines.push([{ text: truncate(`  ${tag} ${i + 1}. ${place(state, c, i)}`, state.width), style }]);
  }
  if (n > MEMBER_ROWS)
    lines.push([
      { text: truncate(`  … ${n} members in all (← → and [ ] choose the pair)`, state.width), style: 'dim' },
    ]);
  return lines;
}

function sideLine(row: Row, column: number): Line {
  const left = cell(row.left);
  const used = cellWidth(row.left);
  return [...left, { text: ' '.repeat(Math.max(0, column - used)) }, { text: GUTTER }, ...cell(row.right)];
}

function cell(segs: Segment[]): Span[] {
  return segs.map((s) => ({ text: s.text, style: s.op === 'same' || s.op === 'pad' ? 'plain' : s.op }));
}
