import { findingTone, KINDS, memberText } from '../../src/report/finding.js';
import { foldIdeographs } from '../../src/read/ingest/formats/ideographs.js';
import type { Decision, Kind, Scope } from '../../src/types.js';
import { currentFinding, scrollList } from './navigation.js';
import { paragraphText, type ParagraphSource } from './paragraphs.js';
import type { FilterName, Filters, ReviewResult, ReviewState } from './types.js';

/** Every finding shown. */
export const NO_FILTERS: Filters = {
  scope: null,
  kind: null,
  doc: null,
  hideBoilerplate: false,
  hideDecided: false,
  search: '',
};

const SCOPES: (Scope | null)[] = [null, 'across', 'within'];
const KIND_FILTERS: (Kind | null)[] = [null, ...KINDS];

function next<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length];
}

/** The filters with one cycled or switched: the report one takes the report on screen or of the finding under the cursor. */
export function toggleFilter(state: ReviewState, filter: FilterName): Filters {
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
export function applyFilters(state: ReviewState, filters: Filters): ReviewState {
  const under = state.visible[state.cursor];
  const visible = filterFindings(state.result, state.text, state.order, state.decisions, filters);
  const at = under === undefined ? -1 : visible.indexOf(under);
  const cursor = at >= 0 ? at : Math.min(state.cursor, Math.max(0, visible.length - 1));
  return scrollList({ ...state, filters, visible, cursor });
}

/** The findings of `order` the filters let through, in that order. */
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
      const found = c.members.some((m) =>
        foldIdeographs(memberText(m, paragraphText(text, m.doc)).toLowerCase()).includes(needle),
      );
      if (!found) return false;
    }
    return true;
  });
}
