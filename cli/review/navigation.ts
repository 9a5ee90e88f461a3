import { memberPieces } from '../../src/report/finding.js';
import { resultParagraphs, type ParagraphSource } from './paragraphs.js';
import type { Move, ReviewResult, ReviewState, Spot } from './types.js';
import { noTemplateMessage } from './views.js';

/** Rows the screen keeps for the header and the status line. */
export const CHROME_ROWS = 3;

/** Rows the findings list has on screen, under its column headings. */
export function listRows(state: Pick<ReviewState, 'height'>): number {
  return Math.max(1, state.height - CHROME_ROWS - 1);
}

/** The finding the decision keys act on in the current view, or null. */
export function currentFinding(state: ReviewState): number | null {
  if (state.view === 'finding') return state.finding;
  if (state.view === 'report') return state.reportSpots[state.reportCursor]?.finding ?? null;
  return state.visible[state.cursor] ?? null;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

function step(to: Move, current: number, last: number, page: number): number {
  switch (to) {
    case 'up':
      return clamp(current - 1, 0, last);
    case 'down':
      return clamp(current + 1, 0, last);
    case 'pageUp':
      return clamp(current - page, 0, last);
    case 'pageDown':
      return clamp(current + page, 0, last);
    case 'home':
      return 0;
    case 'end':
      return Math.max(0, last);
  }
}

/** A move in the current view: the list's cursor, the diff's scroll, or the report's passage. */
export function move(state: ReviewState, to: Move, max?: number): ReviewState {
  const page = listRows(state);
  if (state.help) return state;
  if (state.view === 'list') {
    return scrollList({ ...state, cursor: step(to, state.cursor, state.visible.length - 1, page) });
  }
  if (state.view === 'finding') {
    return { ...state, diffTop: step(to, state.diffTop, Math.max(0, max ?? Number.MAX_SAFE_INTEGER), page) };
  }
  return {
    ...state,
    reportCursor: step(to, state.reportCursor, state.reportSpots.length - 1, Math.max(1, Math.floor(page / 4))),
  };
}

/** Keeps the cursor's row on screen, moving the list as little as possible. */
export function scrollList(state: ReviewState): ReviewState {
  const rows = listRows(state);
  const cursor = clamp(state.cursor, 0, Math.max(0, state.visible.length - 1));
  let top = state.top;
  if (cursor < top) top = cursor;
  if (cursor >= top + rows) top = cursor - rows + 1;
  top = clamp(top, 0, Math.max(0, state.visible.length - rows));
  return cursor === state.cursor && top === state.top ? state : { ...state, cursor, top };
}

/** Opens the finding under the cursor (list) or of the passage under it (report view). */
export function open(state: ReviewState): ReviewState {
  if (state.view === 'list') {
    const id = state.visible[state.cursor];
    if (id === undefined) return { ...state, message: 'no findings to open' };
    return openFinding(state, id, 0);
  }
  if (state.view === 'report') {
    const spot = state.reportSpots[state.reportCursor];
    if (!spot) return { ...state, message: 'no found passage in this report' };
    return openFinding(state, spot.finding, spot.member);
  }
  return state;
}

/**
 * Opens finding `id` comparing member `from` (left) with another. From the list, a spliced
 * finding opens on its first splice: the spliced member on the right, another on the left.
 */
function openFinding(state: ReviewState, id: number, from: number): ReviewState {
  const c = state.result.clusters[id];
  const members = c.members.length;
  const backTo = state.view === 'report' ? 'report' : 'list';
  let left = from;
  let right = members > 1 ? (from === 0 ? 1 : 0) : 0;
  const splice = c.splices?.[0];
  if (backTo === 'list' && splice && members > 1) {
    right = splice.member;
    left = splice.member === 0 ? 1 : 0;
  }
  const message = state.templateView && !c.template ? noTemplateMessage(c) : '';
  return { ...state, view: 'finding', finding: id, backTo, left, right, diffTop: 0, message, help: false };
}

/** Esc: closes the help, or goes back from a finding to where it was opened, or from the report to the list. */
export function back(state: ReviewState): ReviewState {
  if (state.help) return { ...state, help: false };
  if (state.view === 'list') return state;
  if (state.view === 'finding' && state.backTo === 'report')
    return { ...state, view: 'report', backTo: 'list', message: '' };
  return { ...state, view: 'list', message: '' };
}

/** Finding view: compares the next or previous member on one side. */
export function stepMember(state: ReviewState, side: 'left' | 'right', by: 1 | -1): ReviewState {
  if (state.view !== 'finding' || state.finding === null) return state;
  const n = state.result.clusters[state.finding].members.length;
  if (n < 3) return state;
  const other = side === 'left' ? state.right : state.left;
  let next = side === 'left' ? state.left : state.right;
  // Skip the member already on the other side: a member compared with itself shows nothing.
  do next = (next + by + n) % n;
  while (next === other);
  return side === 'left' ? { ...state, left: next, diffTop: 0 } : { ...state, right: next, diffTop: 0 };
}

export function selectPair(state: ReviewState, left: number, right: number): ReviewState {
  if (state.view !== 'finding' || state.finding === null) return state;
  const n = state.result.clusters[state.finding].members.length;
  if (left < 0 || right < 0 || left >= n || right >= n || (left === right && n > 1)) return state;
  return { ...state, left, right, diffTop: 0 };
}

/** Opens the report view on the report of the finding under the cursor, the cursor on its passage. */
export function showReport(state: ReviewState): ReviewState {
  let doc: number | undefined;
  let focus: { finding: number; member: number } | null = null;
  if (state.view === 'finding' && state.finding !== null) {
    doc = state.result.clusters[state.finding].members[state.right]?.doc;
    focus = { finding: state.finding, member: state.right };
  } else if (state.view === 'list') {
    const id = state.visible[state.cursor];
    if (id !== undefined) {
      doc = state.result.clusters[id].members[0].doc;
      focus = { finding: id, member: 0 };
    }
  } else {
    return state;
  }
  if (doc === undefined) return { ...state, message: 'no report to show' };
  const spots = reportSpots(state.result, doc, state.text);
  const at = focus ? spots.findIndex((s) => s.finding === focus.finding && s.member === focus.member) : -1;
  return { ...state, view: 'report', reportDoc: doc, reportSpots: spots, reportCursor: Math.max(0, at), message: '' };
}

/** Every found passage of one report, in reading order (paragraph, then start, then finding). */
export function reportSpots(
  result: ReviewResult,
  doc: number,
  text: ParagraphSource = resultParagraphs(result),
): Spot[] {
  const spots: Spot[] = [];
  // `finding` is the cluster's position in `result.clusters`, like every finding number in the state.
  result.clusters.forEach((c, finding) => {
    c.members.forEach((m, member) => {
      if (m.doc !== doc) return;
      // Only a member without an end needs its paragraph's text, for the length; each paragraph
      // of a run is whole, to its end (read only when drawn).
      const lengthOf = (p: number) =>
        m.lastParagraph === undefined ? (text.paragraph(doc, p)?.text ?? '').length : Infinity;
      for (const piece of memberPieces(m, lengthOf))
        spots.push({ paragraph: piece.paragraph, start: piece.start, end: piece.end, finding, member });
    });
  });
  return spots.sort(
    (x, y) => x.paragraph - y.paragraph || x.start - y.start || x.finding - y.finding || x.member - y.member,
  );
}
