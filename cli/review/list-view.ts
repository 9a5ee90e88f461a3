import { findingTone, memberText } from '../../src/report/finding.js';
import type { Decision, ResultCluster } from '../../src/types.js';
import { nameList } from '../text/names.js';
import { fitTo, oneLine, truncate } from '../text/width.js';
import type { Line, Style } from './lines.js';
import { listRows } from './navigation.js';
import { paragraphText } from './paragraphs.js';
import { shortLabel } from './reports.js';
import { spliceShort } from './splices.js';
import type { ReviewResult, ReviewState } from './types.js';

const LABELS: Record<Decision['label'], string> = {
  copied: 'copied',
  boilerplate: 'boilerplate',
  'false-match': 'false match',
};
/** Characters of a finding's key shown: `refrain decide` takes a unique prefix of four or more. */
const KEY_CHARS = 6;
/** Report names looked up per row at most; the others are counted. */
const NAMES = 4;
const KIND = 7;
const SCOPE = 6;
const SIMILARITY = 4;
const DECIDED = 11;

/** Column widths for a screen width; fixed columns first, the rest shared by reports and passage. */
interface Columns {
  number: number;
  reports: number;
  passage: number;
}

function columns(width: number, findings: number): Columns {
  const number = Math.max(2, `#${Math.max(0, findings - 1)}`.length);
  // The cursor mark and a space, then each column and the space after it.
  const fixed = 2 + number + 1 + KEY_CHARS + 1 + KIND + 1 + SCOPE + 1 + SIMILARITY + 1 + DECIDED + 1;
  const free = Math.max(0, width - fixed);
  const reports = Math.min(24, Math.max(8, Math.round(free * 0.4)));
  return { number, reports, passage: Math.max(0, free - reports - 1) };
}

/** One row's cells, each cut or padded to its column. */
function cells(
  cols: Columns,
  values: {
    number: string;
    key: string;
    kind: string;
    scope: string;
    reports: string;
    similarity: string;
    decided: string;
  },
): string {
  return [
    fitTo(values.number, cols.number),
    fitTo(values.key, KEY_CHARS),
    fitTo(values.kind, KIND),
    fitTo(values.scope, SCOPE),
    fitTo(values.reports, cols.reports),
    fitTo(values.similarity, SIMILARITY, 'right'),
    fitTo(values.decided, DECIDED),
  ].join(' ');
}

/**
 * The findings list under its column headings, in the order of finding ids (the engine numbers
 * findings in review order). Only the rows on screen are built, so its cost does not grow with
 * the batch.
 */
export function listLines(state: ReviewState): Line[] {
  const cols = columns(state.width, state.order.length);
  const heading = `  ${cells(cols, { number: '#', key: 'key', kind: 'kind', scope: 'scope', reports: 'reports', similarity: 'sim', decided: 'decided' })} passage`;
  const lines: Line[] = [[{ text: truncate(heading, state.width), style: 'bold' }]];
  if (state.visible.length === 0) {
    const why = state.order.length === 0 ? 'no findings in this scan' : 'no findings match the filters (z clears them)';
    return [...lines, [{ text: truncate(`  ${why}`, state.width), style: 'dim' }]];
  }
  const end = Math.min(state.visible.length, state.top + listRows(state));
  for (let i = state.top; i < end; i++) {
    const id = state.visible[i];
    lines.push(listRow(state, cols, state.result.clusters[id], i === state.cursor));
  }
  return lines;
}

function listRow(state: ReviewState, cols: Columns, c: ResultCluster, selected: boolean): Line {
  const decision = state.decisions.get(c.key);
  // Text spliced into a copy is flagged beside the cursor's column, so no scroll position hides it.
  const flag = c.kind === 'spliced' ? '!' : ' ';
  const head = `${selected ? '›' : ' '}${flag}${cells(cols, {
    number: `#${c.id}`,
    key: c.key.slice(0, KEY_CHARS),
    kind: c.kind,
    scope: c.scope,
    reports: nameList(reportNamesOf(state.result, c), c.docCount, cols.reports),
    similarity: `${Math.round(c.similarity * 100)}%`,
    decided: decision ? LABELS[decision.label] : '',
  })} `;
  const passage = truncate(passageOf(state, c), Math.min(cols.passage, Math.max(0, state.width - 1)));
  if (selected) return [{ text: fitTo(head + passage, state.width), style: 'cursor' }];
  // Boilerplate (the reviewer's word first, else the scan's) and false matches are muted.
  const tone = findingTone({ boilerplate: c.boilerplate, decision });
  const style: Style = tone !== 'copy' ? 'dim' : c.kind === 'spliced' ? 'error' : 'plain';
  return [{ text: truncate(head + passage, state.width), style }];
}

/** What a row shows of a finding: its first member's text, or for a splice what was spliced in for what. */
function passageOf(state: ReviewState, c: ResultCluster): string {
  const splices = c.splices ?? [];
  if (splices.length > 0) return spliceShort(splices[0]) + (splices.length > 1 ? ` (+${splices.length - 1} more)` : '');
  const first = c.members[0];
  return oneLine(memberText(first, paragraphText(state.text, first.doc)));
}

/** The short names of the first few reports a finding stands in, in member order. */
function reportNamesOf(result: ReviewResult, c: ResultCluster): string[] {
  const docs: number[] = [];
  for (const m of c.members) {
    if (!docs.includes(m.doc)) docs.push(m.doc);
    if (docs.length === NAMES) break;
  }
  return docs.map((d) => shortLabel(result, d));
}
