import type { Decision, DecisionLabel, Kind, ResultDocument, ScanResult, Scope } from '../../src/types.js';
import type { ParagraphSource } from './paragraphs.js';

// The review's state and the actions on it: the reducer (state.ts) and the views share these.

/**
 * A scan as the review holds it: documents need not carry their paragraphs, which are read
 * through a `ParagraphSource`, and document pairs are not used (a full `ScanResult` is one too).
 */
export type ReviewResult = Omit<ScanResult, 'documents' | 'documentPairs'> & {
  documents: Omit<ResultDocument, 'paragraphs'>[];
};

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
  /** First shown row of the finding view's diff (or template). */
  diffTop: number;
  /**
   * The reviewer asked for the template view (v): findings that carry a template open in it until
   * v is pressed again; the others show their aligned diff.
   */
  templateView: boolean;
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

/** A filter a key turns on, cycles or off. */
export type FilterName = 'scope' | 'kind' | 'doc' | 'hideBoilerplate' | 'hideDecided';

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
  /** Finding view: switch between the aligned diff and the template view. */
  | { type: 'switchView' }
  /** Open the report view on the report of the finding under the cursor (finding view: the right member's). */
  | { type: 'showReport' }
  | { type: 'filter'; filter: FilterName }
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
