import { reviewOrder } from '../../src/report/finding.js';
import { decide, latestDecisions, undo, writeFailed, written } from './decisions.js';
import { applyFilters, NO_FILTERS, toggleFilter } from './filters.js';
import { back, move, open, scrollList, selectPair, showReport, stepMember } from './navigation.js';
import { switchView } from './views.js';
import { openPrompt, submitPrompt } from './prompt.js';
import type { Action, ReviewInput, ReviewState } from './types.js';
import { visibleInput } from './visible.js';

/**
 * The review UI's state: what it is opened with, and the reducer every key press goes through.
 * The reducer is pure: the writes it wants carried out are returned as data (`writes`).
 */

export type * from './types.js';
export type { ParagraphSource } from './paragraphs.js';
export { CHROME_ROWS, currentFinding, listRows, reportSpots } from './navigation.js';
export { filterFindings } from './filters.js';

export function initialState(given: ReviewInput, width = 80, height = 24): ReviewState {
  // Everything the views show comes from here, with control characters made visible.
  const input = visibleInput(given);
  // The one review order: the list shows the `#N` of the scan summary and of `refrain decide`
  // in order, as every report lists them, with no ranking of its own.
  const order = reviewOrder(input.result.clusters);
  return {
    result: input.result,
    text: input.paragraphs,
    decisions: latestDecisions(input.decisions),
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
    templateView: false,
    reportDoc: 0,
    reportSpots: [],
    reportCursor: 0,
    filters: NO_FILTERS,
    prompt: null,
    help: false,
    undo: [],
    writes: [],
    saved: false,
    message: '',
    quit: false,
  };
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
      return back(state);
    case 'member':
      return stepMember(state, action.side, action.by);
    case 'selectPair':
      return selectPair(state, action.left, action.right);
    case 'switchView':
      return switchView(state);
    case 'showReport':
      return showReport(state);
    case 'filter':
      return applyFilters(state, toggleFilter(state, action.filter));
    case 'clearFilters':
      return applyFilters(state, NO_FILTERS);
    case 'prompt':
      return openPrompt(state, action.purpose);
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
    case 'written':
      return written(state, action.count);
    case 'writeFailed':
      return writeFailed(state, action.count, action.message, action.stored);
    case 'help':
      return { ...state, help: !state.help };
    case 'quit':
      return { ...state, quit: true };
  }
}
