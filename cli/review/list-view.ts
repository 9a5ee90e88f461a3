import type { Decision, ResultCluster } from '../../src/types.js';
import { fit, oneLine, padTo, type Line } from './lines.js';
import { listRows, memberText, type ReviewState } from './state.js';

const LABELS: Record<Decision['label'], string> = { copied: 'copied', boilerplate: 'boilerplate', 'false-match': 'false match' };

/** The findings list: only the rows on screen are built, so its cost does not grow with the batch. */
export function listLines(state: ReviewState): Line[] {
  const rows = listRows(state);
  const lines: Line[] = [];
  if (state.visible.length === 0) {
    const why = state.order.length === 0 ? 'no findings in this scan' : 'no findings match the filters (z clears them)';
    return [[{ text: `  ${why}`, style: 'dim' }]];
  }
  const end = Math.min(state.visible.length, state.top + rows);
  for (let i = state.top; i < end; i++) {
    const id = state.visible[i];
    lines.push(listRow(state, state.result.clusters[id], i === state.cursor));
  }
  return lines;
}

/** Kind, scope, reports, similarity, decision, then as much of the passage as fits. */
function listRow(state: ReviewState, c: ResultCluster, selected: boolean): Line {
  const decision = state.decisions.get(c.key);
  const label = decision ? LABELS[decision.label] : c.boilerplate ? '(boilerpl.)' : '';
  const reports = `${c.docCount}`.padStart(3);
  const similarity = `${Math.round(c.similarity * 100)}%`.padStart(4);
  const head = `${selected ? '›' : ' '} ${c.kind.padEnd(7)} ${c.scope.padEnd(6)} ${reports} ${similarity} ${padTo(label, 11)} `;
  const excerpt = fit(oneLine(memberText(state.text, c, 0)), Math.max(0, state.width - head.length));
  if (selected) return [{ text: padTo(head + excerpt, state.width), style: 'cursor' }];
  const tone = decision?.label === 'false-match' || (decision ? decision.label === 'boilerplate' : c.boilerplate) ? 'dim' : 'plain';
  return [
    { text: head, style: tone },
    { text: excerpt, style: tone },
  ];
}
