import { diffTextsDetailed, type TextDiff } from '../../src/diff/index.js';
import { alignRows, cellWidth, stackRows, type Row, type Segment } from '../text/diff-rows.js';
import type { ResultCluster } from '../../src/types.js';
import { fitTo, textWidth, truncate } from '../text/width.js';
import type { Line, Span, Style } from './lines.js';
import { memberText } from '../../src/report/finding.js';
import { CHROME_ROWS } from './navigation.js';
import { paragraphText, type ParagraphSource } from './paragraphs.js';
import { isReference, placeOf } from './reports.js';
import { highlightParts, spliceLines, spliceRanges } from './splices.js';
import { templateLines } from './template-view.js';
import type { ReviewResult, ReviewState } from './types.js';
import { showsTemplate } from './views.js';

/** At this terminal width and wider the two passages stand side by side; narrower, one above the other. */
export const SIDE_BY_SIDE_MIN = 100;
const GUTTER = ' │ ';
/** Members listed above the diff at most; the rest are reached with ← → [ ]. */
const MEMBER_ROWS = 4;

/**
 * The open finding laid out for a screen width: the diff of its two compared members, or its
 * template (see template-view.ts). `lines` scroll under the finding's title.
 */
export type FindingLayout =
  | {
      mode: 'diff';
      diff: TextDiff;
      sideBySide: boolean;
      /** Column width of each side (side by side) or of the text after the '- '/'+ ' prefix (stacked). */
      column: number;
      lines: Line[];
    }
  | { mode: 'template'; lines: Line[] };

/** What the layout depends on: the app lays a finding out again only when one of these changes. */
export interface FindingInput {
  result: ReviewResult;
  text: ParagraphSource;
  cluster: ResultCluster;
  /** Indexes into the finding's members: the two compared. */
  left: number;
  right: number;
  width: number;
  /** The reviewer's choice of the template view (it shows only for a finding with a template). */
  templateView: boolean;
}

export function layoutFinding(input: FindingInput): FindingLayout {
  const { text, cluster: c, left, right, width } = input;
  if (showsTemplate(input, c)) return { mode: 'template', lines: templateLines(input) };
  const [a, b] = [c.members[left], c.members[right]].map((m) => memberText(m, paragraphText(text, m.doc)));
  const diff = diffTextsDetailed(a, b);
  // Text spliced in stands out in whichever column shows its member.
  const parts = highlightParts(diff.parts, spliceRanges(c, left, text), spliceRanges(c, right, text));
  const sideBySide = width >= SIDE_BY_SIDE_MIN;
  if (sideBySide) {
    const column = Math.max(2, Math.floor((width - textWidth(GUTTER)) / 2));
    const lines = alignRows(parts, column).map((row) => sideLine(row, column));
    return { mode: 'diff', diff, sideBySide, column, lines };
  }
  const column = Math.max(2, width - 2);
  const lines = stackRows(parts, column).map((l): Line => {
    const prefix: Span = !l.changed
      ? { text: '  ' }
      : l.side === 'left'
        ? { text: '- ', style: 'del' }
        : { text: '+ ', style: 'add' };
    return [prefix, ...cell(l.cells)];
  });
  return { mode: 'diff', diff, sideBySide, column, lines };
}

/**
 * `layoutFinding` remembering its last answer: a redraw and the key presses between two changes
 * of the finding, the pair, the width or the view get the same layout without laying it out again.
 */
export function cachedLayout(): (input: FindingInput) => FindingLayout {
  let last: { input: FindingInput; layout: FindingLayout } | null = null;
  const fields = ['result', 'text', 'cluster', 'left', 'right', 'width', 'templateView'] as const;
  return (input) => {
    if (last && fields.every((f) => last!.input[f] === input[f])) return last.layout;
    last = { input: { ...input }, layout: layoutFinding(input) };
    return last.layout;
  };
}

/** The finding's lines above its scrolling diff or template: title, splices, and for a diff its members and columns. */
function headLines(state: ReviewState, c: ResultCluster, layout: FindingLayout): Line[] {
  const decision = state.decisions.get(c.key);
  const reports = reportCount(state.result, c);
  // Why it is kept apart comes early, where a narrow screen does not cut it.
  const kept = c.stock === 'recited' ? ' · recited (boilerplate)' : c.boilerplate ? ' · boilerplate' : '';
  const title =
    `Finding ${c.id} · ${c.kind} · ${c.scope}${kept} · ${reports} · ${Math.round(c.similarity * 100)}% · ${c.chars} chars` +
    (decision
      ? ` · decided: ${decision.label}${decision.reviewer ? ` by ${decision.reviewer}` : ''}${decision.note ? ` (${decision.note})` : ''}`
      : '');
  const lines: Line[] = [[{ text: truncate(title, state.width), style: 'bold' }]];
  lines.push(...spliceLines(state.result, state.text, c, state.width));
  if (layout.mode === 'template') return lines;
  lines.push(...memberLines(state, c));
  const where = (i: number) => placeOf(state.result, state.text, c.members[i]);
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
  return lines;
}

/** "3 reports", or with reference documents among the members "1 report + 1 reference": a reference is no report. */
function reportCount(result: ReviewResult, c: ResultCluster): string {
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const docsWhere = (ref: boolean) =>
    new Set(c.members.filter((m) => isReference(result, m.doc) === ref).map((m) => m.doc)).size;
  const refs = docsWhere(true);
  if (refs === 0) return plural(c.docCount, 'report');
  return `${plural(docsWhere(false), 'report')} + ${plural(refs, 'reference')}`;
}

/** Rows of the screen the scrolling part gets, under `head` lines. */
function bodyRows(state: ReviewState, head: number): number {
  return Math.max(1, state.height - CHROME_ROWS - head);
}

export function findingLines(state: ReviewState, layout: FindingLayout): Line[] {
  const id = state.finding;
  if (id === null) return [];
  const c = state.result.clusters[id];
  const lines = headLines(state, c, layout);
  const rows = bodyRows(state, lines.length);
  const top = Math.min(state.diffTop, Math.max(0, layout.lines.length - rows));
  const below = layout.lines.length - top - rows;
  if (below > 0 && rows > 1) {
    // The last row says there is more, so a table cut by the screen's bottom never reads as whole.
    lines.push(...layout.lines.slice(top, top + rows - 1));
    lines.push([{ text: truncate(`  … ${below + 1} more lines (↓ scrolls)`, state.width), style: 'dim' }]);
  } else {
    lines.push(...layout.lines.slice(top, top + rows));
  }
  if (layout.mode === 'diff' && layout.diff.coarse && lines.length < state.height - CHROME_ROWS) {
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
  const head = headLines(state, state.result.clusters[state.finding], layout).length;
  return Math.max(0, layout.lines.length - bodyRows(state, head));
}

/** The members, a window of them around the compared pair when there are many. */
function memberLines(state: ReviewState, c: ResultCluster): Line[] {
  const n = c.members.length;
  const first = n <= MEMBER_ROWS ? 0 : Math.max(0, Math.min(n - MEMBER_ROWS, Math.min(state.left, state.right)));
  const lines: Line[] = [];
  for (let i = first; i < Math.min(n, first + MEMBER_ROWS); i++) {
    const tag = i === state.left ? 'L' : i === state.right ? 'R' : ' ';
    const style: Style = i === state.left ? 'del' : i === state.right ? 'add' : 'plain';
    const place = placeOf(state.result, state.text, c.members[i]);
    lines.push([{ text: truncate(`  ${tag} ${i + 1}. ${place}`, state.width), style }]);
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
  return segs.map((s) => ({
    text: s.text,
    style: s.highlight ? 'splice' : s.op === 'same' || s.op === 'pad' ? 'plain' : s.op,
  }));
}
