import { basename } from 'node:path';
import { KEY_HELP } from './keys.js';
import { isReference, reportName } from './reports.js';
import { fitTo, pad, textWidth, truncate, truncateStart } from '../text/width.js';
import type { Line } from './lines.js';
import type { ReviewState } from './types.js';
import { showsTemplate } from './views.js';

/**
 * The top line: how many findings are shown, how many decided and which filters are on, then the
 * workspace. When the screen is narrow, the workspace is cut or left out first, then the title.
 */
export function headerLine(state: ReviewState, source: string): Line {
  const f = state.filters;
  const on: string[] = [];
  if (f.scope) on.push(f.scope);
  if (f.kind) on.push(f.kind);
  if (f.doc !== null)
    on.push(`${isReference(state.result, f.doc) ? 'reference' : 'report'} ${reportName(state.result, f.doc)}`);
  if (f.hideBoilerplate) on.push('no boilerplate');
  if (f.hideDecided) on.push('undecided');
  if (f.search) on.push(`"${f.search}"`);
  const decided = state.decisions.size;
  const shown =
    state.visible.length === state.order.length
      ? `${state.order.length} findings`
      : `${state.visible.length} of ${state.order.length} findings`;
  const spliced = splicedCount(state);
  const core = `${shown}${spliced > 0 ? `, ${spliced} spliced` : ''} · ${decided} decided${on.length ? ` · filter: ${on.join(', ')}` : ''}`;
  const titled = `refrain review · ${core}`;
  const text = textWidth(titled) <= state.width ? titled : core;
  const room = state.width - textWidth(text) - 3;
  const where = textWidth(source) <= room ? source : room >= 4 ? truncate(basename(source), room) : '';
  return [{ text: fitTo(where ? `${text} · ${where}` : text, state.width), style: 'bold' }];
}

const HINTS = {
  list: '↑↓ move · Enter open · r report · c b f decide · u undo · / search · ? keys',
  diff: '↑↓ scroll · ←→ [] members · r report · c b f decide · n note · u undo · Esc back',
  // A finding with a template: the key to it comes early, where a narrow screen does not cut it.
  templated: '↑↓ scroll · v template · ←→ [] members · r report · c b f decide · u undo · Esc',
  template: '↑↓ scroll · v diff · r report · c b f decide · n note · u undo · Esc back',
  report: '↑↓ passages · Enter open finding · c b f decide · u undo · Esc back · ? keys',
};

function hints(state: ReviewState): string {
  if (state.view !== 'finding' || state.finding === null) return HINTS[state.view === 'report' ? 'report' : 'list'];
  const c = state.result.clusters[state.finding];
  if (c.template === undefined) return HINTS.diff;
  return showsTemplate(state, c) ? HINTS.template : HINTS.templated;
}

const splicedCounts = new WeakMap<object, number>();

/** Findings with text spliced in, over the whole scan (counted once per scan). */
function splicedCount(state: ReviewState): number {
  let n = splicedCounts.get(state.result.clusters);
  if (n === undefined) {
    n = state.result.clusters.filter((c) => c.kind === 'spliced').length;
    splicedCounts.set(state.result.clusters, n);
  }
  return n;
}

/** The bottom line: what is being typed, else the last message and save state, else key hints. */
export function statusLine(state: ReviewState): Line {
  if (state.prompt) {
    const label = state.prompt.purpose === 'search' ? '/' : 'note: ';
    const whole = `${label}${state.prompt.text}▏  (Enter: ok · Esc: cancel)`;
    if (textWidth(whole) <= state.width) return [{ text: truncate(whole, state.width) }];
    // Too long to show whole: the end of what is typed, where the typing goes on, without the hint.
    const typed = truncateStart(state.prompt.text, state.width - textWidth(label) - 1);
    return [{ text: truncate(`${label}${typed}▏`, state.width) }];
  }
  const save = state.writes.length > 0 ? 'saving…' : state.saved ? 'saved' : '';
  if (state.message || save) {
    const style = state.message.startsWith('not saved') ? 'error' : 'plain';
    return [{ text: truncate([state.message, save].filter((s) => s !== '').join(' · '), state.width), style }];
  }
  return [{ text: truncate(hints(state), state.width), style: 'dim' }];
}

export function helpLines(state: ReviewState): Line[] {
  const keyWidth = Math.max(...KEY_HELP.map((k) => textWidth(k.keys))) + 2;
  return [
    [{ text: 'Keys', style: 'bold' }],
    ...KEY_HELP.map((k): Line => [{ text: truncate(`  ${pad(k.keys, keyWidth)}${k.what}`, state.width) }]),
    [{ text: '' }],
    ...[
      'Changes show as [-removed-] and {+added+}. Decisions are saved at once.',
      '! in the list: text spliced into a copy (spam on a hacked page), listed first.',
      'Template view: [1] [2] mark the slots; d is how far apart their values are.',
    ].map((note): Line => [{ text: truncate(note, state.width), style: 'dim' }]),
  ];
}
