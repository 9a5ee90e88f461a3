import type { Decision, DecisionLabel } from '../../src/types.js';
import { applyFilters } from './filters.js';
import { currentFinding } from './navigation.js';
import type { ReviewState, Write } from './types.js';

/** One decision per key: the latest given. */
export function latestDecisions(list: readonly Decision[]): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  for (const d of list) {
    const prev = decisions.get(d.key);
    if (!prev || prev.at <= d.at) decisions.set(d.key, d);
  }
  return decisions;
}

/** The note of the decision on the finding under the cursor, '' when none. */
export function noteOf(state: ReviewState): string {
  const id = currentFinding(state);
  return id === null ? '' : (state.decisions.get(state.result.clusters[id].key)?.note ?? '');
}

/** With decided findings hidden, a decision or an undo can hide or show the one under the cursor. */
function refiltered(state: ReviewState): ReviewState {
  return state.filters.hideDecided ? applyFilters(state, state.filters) : state;
}

/**
 * Decides on the finding under the cursor, asking for the write and remembering what it replaced
 * for undo. A new label keeps the note already written (`note` null); a note keeps the label.
 */
export function decide(state: ReviewState, label: DecisionLabel, note: string | null, at: string): ReviewState {
  const id = currentFinding(state);
  if (id === null) return { ...state, message: 'no finding here to decide' };
  const key = state.result.clusters[id].key;
  const before = state.decisions.get(key) ?? null;
  const decision: Decision = { key, label, note: note ?? before?.note ?? '', at };
  if (state.reviewer !== '') decision.reviewer = state.reviewer;
  const decisions = new Map(state.decisions);
  decisions.set(key, decision);
  return refiltered({
    ...state,
    decisions,
    undo: [...state.undo, { key, before }],
    writes: [...state.writes, { type: 'decide', key, label, note: decision.note, at }],
    saved: false,
    message: `finding ${state.result.clusters[id].id}: ${label}${decision.note ? ` (${decision.note})` : ''}`,
  });
}

/** Puts back the decision the last one replaced (or clears it), as a write of its own. */
export function undo(state: ReviewState, at: string): ReviewState {
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
  return refiltered({
    ...state,
    decisions,
    undo: state.undo.slice(0, -1),
    writes: [...state.writes, write],
    saved: false,
    message: last.before ? `undone: back to ${last.before.label}` : 'undone: no decision',
  });
}

/** The app carried out the first `count` writes. */
export function written(state: ReviewState, count: number): ReviewState {
  const writes = state.writes.slice(count);
  return { ...state, writes, saved: writes.length === 0 };
}

/**
 * The first `count` writes failed: say so, and when the store can tell what it holds (`stored`),
 * show that, so the screen never claims a decision that is not saved. The undo history no longer
 * matches what is stored, so it goes too.
 */
export function writeFailed(state: ReviewState, count: number, message: string, stored?: Decision[]): ReviewState {
  const failed = { ...state, writes: state.writes.slice(count), saved: false, message: `not saved: ${message}` };
  if (!stored) return failed;
  return refiltered({ ...failed, decisions: latestDecisions(stored), undo: [] });
}
