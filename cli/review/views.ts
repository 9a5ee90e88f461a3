import type { ResultCluster } from '../../src/types.js';
import type { ReviewState } from './types.js';

/** True when the open finding is shown as its template rather than as an aligned diff. */
export function showsTemplate(state: Pick<ReviewState, 'templateView'>, c: ResultCluster): boolean {
  return state.templateView && c.template !== undefined;
}

/** Why a finding carries no template, in the words of docs/json.md's `template`. */
export function noTemplateReason(c: ResultCluster): string {
  if (c.members.some((m) => m.lastParagraph !== undefined)) return 'a run of paragraphs has none';
  if (c.kind === 'partial') return 'one passage only holds most of the other';
  return 'its members share under two thirds of their text';
}

/** The message for a finding the template view cannot show. */
export function noTemplateMessage(c: ResultCluster): string {
  return `finding ${c.id} has no template: ${noTemplateReason(c)}`;
}

/**
 * v: the open finding switches between its aligned diff and its template. The choice holds for
 * the findings opened next; a finding without a template says so and stays on its diff.
 */
export function switchView(state: ReviewState): ReviewState {
  if (state.view !== 'finding' || state.finding === null)
    return { ...state, message: 'open a finding (Enter), then v shows its template' };
  const c = state.result.clusters[state.finding];
  if (c.template === undefined) return { ...state, message: noTemplateMessage(c) };
  const templateView = !showsTemplate(state, c);
  return { ...state, templateView, diffTop: 0, message: '' };
}
