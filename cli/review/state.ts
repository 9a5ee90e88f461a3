import { findingTone, KINDS, memberPieces, memberText, reviewOrder } from '../../src/report/finding.js';
import type { Decision, DecisionLabel, Kind, ResultDocument, ScanResult, Scope } from '../../src/types.js';
import { foldIdeographs } from '../../src/read/ingest/formats/ideographs.js';
import { paragraphText, resultParagraphs, type ParagraphSource } from './paragraphs.js';
import { visibleInput } from './visible.js';

export type { ParagraphSource } from './paragraphs.js';

/**
 * A scan as the review holds it: documents need not carry their paragraphs, which are read
 * through a `ParagraphSource`, and document pairs are not used (a full `ScanResult` is one too).
 */
export type ReviewResult = Omit<ScanResult, 'documents' | 'documentPairs'> & { documents: Omit<ResultDocument, 'paragraphs'>[] };

/** What the review UI is opened with: a scan and the decisions already made on it. */
export interface ReviewInput {
  result: ReviewResult;
  decisions: Decision[];
  /** Where the reports' text is read; by default, the paragraphs in `result`'s documents. */
  paragraphs?: ParagraphSource;
  /** Who decides in this session ('' or absent: not known); the store records it with each write. */
  reviewer?: string;
}

/** Where decisions go. The workspace satisfies it; tests use an in-memory fake. */
export interface DecisionStore {
  decide(key: string, label: DecisionLabel, note: string, at?: string): unknown;
  clearDecision(key: string, at?: string): unknown;
  /** The decisions as stored: after a failed write, the screen goes back to showing these. */
  decisions?(): Decision[];
}

export type View = 'list' | 'finding' | 'report';

export interface Filters {
  scope: Scope | null;
  kind: Kind | null;
  /** Only findings with a member in this report. */
  doc: number | null;
  hideBoilerplate: boolean;
  hideDecided: boolean;
  /** Case-insensitive text every shown finding's passages must contain; '' for none. */
  search: string;
}

/** A side effect the app must carry out: the reducer only records it. */
export type Write =
  | { type: 'decide'; key: string; label: DecisionLabel; note: string; at: string }
  | { type: 'clear'; key: string; at: string };

/** A found passage in the report view, in reading order. */
export interface Spot {
  paragraph: number;
  start: number;
  end: number;
  finding: number;
  /** The member's index in its finding. */
  member: number;
}

export interface ReviewState {
  result: ReviewResult;
  /** The reports' text, read as it is shown. */
  text: ParagraphSource;
  decisions: ReadonlyMap<string, Decision>;
  /** Who decides in this session; '' when not known. */
  reviewer: string;
  /** Every finding, by id: finding ids are the one review ranking (the engine numbers them so). */
  order: number[];
  /** The ids the filters let through, in `order`. */
  visible: number[];
  /** Index into `visible` of the finding under the cursor. */
  cursor: number;
  /** Index into `visible` of the list's first shown row. */
  top: number;
  width: number;
  height: number;
  view: View;
  /** The finding open in the finding view. */
  finding: number | null;
  /** Where Esc goes from the finding view: the list, or the report it was opened from. */
  backTo: 'list' | 'report';
  /** Indexes into the open finding's members: the two compared. */
  left: number;
  right: number;
  /** First shown row of the finding view's diff. */
  diffTop: number;
  reportDoc: number;
  reportSpots: Spot[];
  reportCursor: number;
  filters: Filters;
  /** Text being typed after '/' (search) or 'n' (note); null when not typing. */
  prompt: { purpose: 'search' | 'note'; text: string } | null;
  help: boolean;
  /** Decisions that can be undone, last made last: the decision each one replaced. */
  undo: { key: string; before: Decision | null }[];
  /** Writes not yet carried out, oldest first. */
  writes: Write[];
  /** True once every write so far is carried out, until the next decision. */
  saved: boolean;
  /** One line for the status bar; '' for the key hints. */
  message: string;
  quit: boolean;
}

export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

export type Action =
  | { type: 'resize'; width: number; height: number }
  /** `max`: for the diff, the last row index that may be first on screen (the app knows the layout). */
  | { type: 'move'; to: Move; max?: number }
  /** List: open the finding under the cursor. Report view: open the finding of the passage under the cursor. */
  | { type: 'open' }
  | { type: 'back' }
  /** Finding view: compare the next or previous member on one side. */
  | { type: 'member'; side: 'left' | 'right'; by: 1 | -1 }
  | { type: 'selectPair'; left: number; right: number }
  /** Open the report view on the report of the finding under the cursor (finding view: the right member's). */
  | { type: 'showReport' }
  | { type: 'filter'; filter: 'scope' | 'kind' | 'doc' | 'hideBoilerplate' | 'hideDecided' }
  | { type: 'clearFilters' }
  | { type: 'prompt'; purpose: 'search' | 'note' }
  | { type: 'promptText'; text: string }
  | { type: 'promptSubmit'; at: string }
  | { type: 'promptCancel' }
  | { type: 'decide'; label: DecisionLabel; at: string }
  | { type: 'undo'; at: string }
  /** The app carried out the first `count` writes. */
  | { type: 'written'; count: number }
  /** `stored`: the store's decisions after the failure, when it can tell; they replace the shown ones. */
  | { type: 'writeFailed'; count: number; message: string; stored?: Decision[] }
  | { type: 'help' }
  | { type: 'quit' };

/** Rows the screen keeps for the header and the status line. */
export const CHROME_ROWS = 3;

export function initialState(given: ReviewInput, width = 80, height = 24): ReviewState {
  // Everything the views show comes from here, with control characters made visible.
  const input = visibleInput(given);
  const decisions = latest(input.decisions);
  // The one review order: the list shows the `#N` of the scan summary and of `refrain decide`
  // in order, as every report lists them, with no ranking of its own.
  const order = reviewOrder(input.result.clusters);
  const filters: Filters = { scope: null, kind: null, doc: null, hideBoilerplate: false, hideDecided: false, search: '' };
  const state: ReviewState = {
    result: input.result,
    text: input.paragraphs,
    decisions,
    reviewer: input.reviewer ?? '',
    order,
    visible: order,
    cursor: 0,
    top: 0,
    width,
    height,
    view: 'list',
    finding: null,
    backTo: 'list',
    left: 0,
    right: 1,
    diffTop: 0,
    reportDoc: 0,
    reportSpots: [],
    reportCursor: 0,
    filters,
    prompt: null,
    help: false,
    undo: [],
    writes: [],
    saved: false,
    message: '',
    quit: false,
  };
  return state;
}

/** One decision per key: the latest given. */
function latest(list: readonly Decision[]): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  for (const d of list) {
    const prev = decisions.get(d.key);
    if (!prev || prev.at <= d.at) decisions.set(d.key, d);
  }
  return decisions;
}

/** The finding the decision keys act on in the current view, or null. */
export function currentFinding(state: ReviewState): number | null {
  if (state.view === 'finding') return state.finding;
  if (state.view === 'report') return state.reportSpots[state.reportCursor]?.finding ?? null;
  return state.visible[state.cursor] ?? null;
}

export function reduce(state: ReviewState, action: Action): ReviewState {
  switch (action.type) {
    case 'resize':
      return scrollList({ ...state, width: action.width, height: action.height });
    case 'move':
      return move(state, action.to, action.max);
    case 'open':
      return open(state);
    case 'back':
      if (state.help) return { ...state, help: false };
      if (state.view === 'list') return state;
      if (state.view === 'finding' && state.backTo === 'report') return { ...state, view: 'report', backTo: 'list', message: '' };
      return { ...state, view: 'list', message: '' };
    case 'member':
      return stepMember(state, action.side, action.by);
    case 'selectPair':
      return selectPair(state, action.left, action.right);
    case 'showReport':
      return showReport(state);
    case 'filter':
      return applyFilters(state, toggleFilter(state, action.filter));
    case 'clearFilters':
      return applyFilters(state, { scope: null, kind: null, doc: null, hideBoilerplate: false, hideDecided: false, search: '' });
    case 'prompt': {
      if (action.purpose === 'note' && currentFinding(state) === null) return { ...state, message: 'no finding here to note' };
      const text = action.purpose === 'search' ? state.filters.search : noteOf(state);
      return { ...state, prompt: { purpose: action.purpose, text } };
    }
    case 'promptText':
      return state.prompt ? { ...state, prompt: { ...state.prompt, text: action.text } } : state;
    case 'promptCancel':
      return { ...state, prompt: null };
    case 'promptSubmit':
      return submitPrompt(state, action.at);
    case 'decide':
      return decide(state, action.label, null, action.at);
    case 'undo':
      return undo(state, action.at);
    case 'written': {
      const writes = state.writes.slice(action.count);
      return { ...state, writes, saved: writes.length === 0 };
    }
    case 'writeFailed': {
      const failed = { ...state, writes: state.writes.slice(action.count), saved: false, message: `not saved: ${action.message}` };
      if (!action.stored) return failed;
      // Show what the workspace really holds, so the screen never claims a decision that is not saved.
      // The undo history no longer matches what is stored, so it goes too.
      const next = { ...failed, decisions: latest(action.stored), undo: [] };
      return state.filters.hideDecided ? applyFilters(next, state.filters) : next;
    }
    case 'help':
      return { ...state, help: !state.help };
    case 'quit':
      return { ...state, quit: true };
  }
}

/** Rows the findings list has on screen, under its column headings. */
export function listRows(state: Pick<ReviewState, 'height'>): number {
  return Math.max(1, state.height - CHROME_ROWS - 1);
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

function move(state: ReviewState, to: Move, max?: number): ReviewState {
  const page = listRows(state);
  if (state.help) return state;
  if (state.view === 'list') {
    return scrollList({ ...state, cursor: step(to, state.cursor, state.visible.length - 1, page) });
  }
  if (state.view === 'finding') {
    return { ...state, diffTop: step(to, state.diffTop, Math.max(0, max ?? Number.MAX_SAFE_INTEGER), page) };
  }
  return { ...state, reportCursor: step(to, state.reportCursor, state.reportSpots.length - 1, Math.max(1, Math.floor(page / 4))) };
}

/** Keeps the cursor's row on screen, moving the list as little as possible. */
function scrollList(state: ReviewState): ReviewState {
  const rows = listRows(state);
  const cursor = clamp(state.cursor, 0, Math.max(0, state.visible.length - 1));
  let top = state.top;
  if (cursor < top) top = cursor;
  if (cursor >= top + rows) top = cursor - rows + 1;
  top = clamp(top, 0, Math.max(0, state.visible.length - rows));
  return cursor === state.cursor && top === state.top ? state : { ...state, cursor, top };
}

function open(state: ReviewState): ReviewState {
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

function openFinding(state: ReviewState, id: number, from: number): ReviewState {
  const members = state.result.clusters[id].members.length;
  const left = from;
  const right = members > 1 ? (from === 0 ? 1 : 0) : 0;
  const backTo = state.view === 'report' ? 'report' : 'list';
  return { ...state, view: 'finding', finding: id, backTo, left, right, diffTop: 0, message: '', help: false };
}

function stepMember(state: ReviewState, side: 'left' | 'right', by: 1 | -1): ReviewState {
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

function selectPair(state: ReviewState, left: number, right: number): ReviewState {
  if (state.view !== 'finding' || state.finding === null) return state;
  const n = state.result.clusters[state.finding].members.length;
  if (left < 0 || right < 0 || left >= n || right >= n || (left === right && n > 1)) return state;
  return { ...state, left, right, diffTop: 0 };
}

function showReport(state: ReviewState): ReviewState {
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
export function reportSpots(result: ReviewResult, doc: number, text: ParagraphSource = resultParagraphs(result)): Spot[] {
  const spots: Spot[] = [];
  // `finding` is the cluster's position in `result.clusters`, like every finding number in the state.
  result.clusters.forEach((c, finding) => {
    c.members.forEach((m, member) => {
      if (m.doc !== doc) return;
      // Only a member without an end needs its paragraph's text, for the length; each paragraph
      // of a run is whole, to its end (read only when drawn).
      const lengthOf = (p: number) => (m.lastParagraph === undefined ? (text.paragraph(doc, p)?.text ?? '').length : Infinity);
      for (const piece of memberPieces(m, lengthOf)) spots.push({ paragraph: piece.paragraph, start: piece.start, end: piece.end, finding, member });
    });
  });
  return spots.sort((x, y) => x.paragraph - y.paragraph || x.start - y.start || x.finding - y.finding || x.member - y.member);
}

const SCOPES: (Scope | null)[] = [null, 'across', 'within'];
const KIND_FILTERS: (Kind | null)[] = [null, ...KINDS];

function next<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length];
}

function toggleFilter(state: ReviewState, filter: 'scope' | 'kind' | 'doc' | 'hideBoilerplate' | 'hideDecided'): Filters {
  const f = state.filters;
  switch (filter) {
    case 'scope':
      return { ...f, scope: next(SCOPES, f.scope) };
    case 'kind':
      return { ...f, kind: next(KIND_FILTERS, f.kind) };
    case 'hideBoilerplate':
      return { ...f, hideBoilerplate: !f.hideBoilerplate };
    case 'hideDecided':
      return { ...f, hideDecided: !f.hideDecided };
    case 'doc': {
      if (f.doc !== null) return { ...f, doc: null };
      if (state.view === 'report') return { ...f, doc: state.reportDoc };
      const id = currentFinding(state);
      return id === null ? f : { ...f, doc: state.result.clusters[id].members[0].doc };
    }
  }
}

/** Re-filters, keeping the cursor on the same finding when it is still shown. */
function applyFilters(state: ReviewState, filters: Filters): ReviewState {
  const under = state.visible[state.cursor];
  const visible = filterFindings(state.result, state.text, state.order, state.decisions, filters);
  const at = under === undefined ? -1 : visible.indexOf(under);
  const cursor = at >= 0 ? at : Math.min(state.cursor, Math.max(0, visible.length - 1));
  return scrollList({ ...state, filters, visible, cursor });
}

export function filterFindings(
  result: ReviewResult,
  text: ParagraphSource,
  order: readonly number[],
  decisions: ReadonlyMap<string, Decision>,
  f: Filters,
): number[] {
  // Radical look-alikes (⽭ for 矛) are folded on both sides, so a search for 矛盾 finds them in
  // reports scanned before PDF extraction folded them, and in text files that carry them.
  const needle = foldIdeographs(f.search.toLowerCase());
  const none = f.scope === null && f.kind === null && f.doc === null && !f.hideBoilerplate && !f.hideDecided && !needle;
  if (none) return order as number[];
  // A search reads every finding's text: have it all at hand first (one pass, not one read each).
  if (needle) text.readAll?.();
  return order.filter((id) => {
    const c = result.clusters[id];
    if (f.scope !== null && c.scope !== f.scope) return false;
    if (f.kind !== null && c.kind !== f.kind) return false;
    if (f.doc !== null && !c.members.some((m) => m.doc === f.doc)) return false;
    const decision = decisions.get(c.key);
    if (f.hideBoilerplate && findingTone({ boilerplate: c.boilerplate, decision }) === 'boilerplate') return false;
    if (f.hideDecided && decision) return false;
    if (needle) {
      const found = c.members.some((m) => foldIdeographs(memberText(m, paragraphText(text, m.doc)).toLowerCase()).includes(needle));
      if (!found) return false;
    }
    return true;
  });
}

function noteOf(state: ReviewState): string {
  const id = currentFinding(state);
  return id === null ? '' : (state.decisions.get(state.result.clusters[id].key)?.note ?? '');
}

function submitPrompt(state: ReviewState, at: string): ReviewState {
  if (!state.prompt) return state;
  const { purpose, text } = state.prompt;
  const closed = { ...state, prompt: null };
  if (purpose === 'search') {
    const filtered = applyFilters(closed, { ...state.filters, search: text.trim() });
    return { ...filtered, message: `${filtered.visible.length} findings match` };
  }
  const id = currentFinding(state);
  if (id === null) return closed;
  const existing = state.decisions.get(state.result.clusters[id].key);
  if (!existing) return { ...closed, message: 'mark the finding first (c, b or f), then add a note' };
  return decide(closed, existing.label, text, at);
}

function decide(state: ReviewState, label: DecisionLabel, note: string | null, at: string): ReviewState {
  const id = currentFinding(state);
  if (id === null) return { ...state, message: 'no finding here to decide' };
  const key = state.result.clusters[id].key;
  const before = state.decisions.get(key) ?? null;
  // A new label keeps the note already written; a note keeps the label.
  const decision: Decision = { key, label, note: note ?? before?.note ?? '', at };
  if (state.reviewer !== '') decision.reviewer = state.reviewer;
  const decisions = new Map(state.decisions);
  decisions.set(key, decision);
  const next: ReviewState = {
    ...state,
    decisions,
    undo: [...state.undo, { key, before }],
    writes: [...state.writes, { type: 'decide', key, label, note: decision.note, at }],
    saved: false,
    message: `finding ${state.result.clusters[id].id}: ${label}${decision.note ? ` (${decision.note})` : ''}`,
  };
  return state.filters.hideDecided ? applyFilters(next, state.filters) : next;
}

function undo(state: ReviewState, at: string): ReviewState {
  const last = state.undo[state.undo.length - 1];
  if (!last) return { ...state, message: 'nothing to undo' };
  const decisions = new Map(state.decisions);
  let write: Write;
  if (last.before) {
    decisions.set(last.key, last.before);
    write = { type: 'decide', key: last.key, label: last.before.label, note: last.before.note, at };
  } else {
    decisions.delete(last.key);
    write = { type: 'clear', key: last.key, at };
  }
  const next: ReviewState = {
    ...state,
    decisions,
    undo: state.undo.slice(0, -1),
    writes: [...state.writes, write],
    saved: false,
    message: last.before ? `undone: back to ${last.before.label}` : 'undone: no decision',
  };
  return state.filters.hideDecided ? applyFilters(next, state.filters) : next;
}
