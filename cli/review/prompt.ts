import { decide, noteOf } from './decisions.js';
import { applyFilters } from './filters.js';
import { currentFinding } from './navigation.js';
import type { ReviewState } from './types.js';

/** Starts typing a search (from the search on now) or a note (from the decision's note). */
export function openPrompt(state: ReviewState, purpose: 'search' | 'note'): ReviewState {
  if (purpose === 'note' && currentFinding(state) === null) return { ...state, message: 'no finding here to note' };
  const text = purpose === 'search' ? state.filters.search : noteOf(state);
  return { ...state, prompt: { purpose, text } };
}

/** Enter: a search filters the list; a note goes with the decision on the finding under the cursor. */
export function submitPrompt(state: ReviewState, at: string): ReviewState {
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
