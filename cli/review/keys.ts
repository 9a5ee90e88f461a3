import type { Key } from 'ink';
import type { Action, ReviewState } from './state.js';

/** Every key, for the help overlay. Kept next to `keyAction` so the two cannot drift apart. */
export const KEY_HELP: { keys: string; what: string }[] = [
  { keys: '↑ ↓  j k', what: 'move (list, report passages) / scroll the diff' },
  { keys: 'PgUp PgDn  Home End  g G', what: 'move a page / to the first or last' },
  { keys: 'Enter', what: 'open the finding (list, report view)' },
  { keys: 'Esc  Backspace', what: 'back to the list / close help' },
  { keys: '← →', what: 'finding view: compare the previous / next member on the right' },
  { keys: '[ ]', what: 'finding view: previous / next member on the left' },
  { keys: 'r', what: 'report view: the report of this finding, passages highlighted' },
  { keys: 'c  b  f', what: 'decide: copied / boilerplate / false match (saved at once)' },
  { keys: 'n', what: 'note on the decision' },
  { keys: 'u', what: 'undo the last decision' },
  { keys: 's  t', what: 'filter: cycle scope (within/across) / kind (exact/numbers/near/partial)' },
  { keys: 'o', what: 'filter: only the report of the finding under the cursor (again: all)' },
  { keys: 'x  h', what: 'filter: hide boilerplate / hide decided' },
  { keys: '/', what: 'search the findings\' text (Enter applies, Esc cancels)' },
  { keys: 'z', what: 'clear every filter and the search' },
  { keys: '?', what: 'this help' },
  { keys: 'q  Ctrl-C', what: 'quit' },
];

/**
 * The action a key press stands for in the current state, or null. Pure: the clock reading for
 * decisions is passed in. `diffMax` is the finding view's last useful scroll position.
 */
export function keyAction(input: string, key: Key, state: ReviewState, now: string, diffMax = 0): Action | null {
  if (state.prompt) return promptKey(input, key, state.prompt.text, now);
  if (key.ctrl && input === 'c') return { type: 'quit' };
  if (state.help) {
    if (input === '?' || input === 'q' || key.escape || key.return) return { type: 'help' };
    return null;
  }
  const max = state.view === 'finding' ? diffMax : undefined;
  if (key.upArrow || input === 'k') return { type: 'move', to: 'up', max };
  if (key.downArrow || input === 'j') return { type: 'move', to: 'down', max };
  if (key.pageUp) return { type: 'move', to: 'pageUp', max };
  if (key.pageDown || input === ' ') return { type: 'move', to: 'pageDown', max };
  if (key.home || input === 'g') return { type: 'move', to: 'home', max };
  if (key.end || input === 'G') return { type: 'move', to: 'end', max };
  if (key.return) return { type: 'open' };
  if (key.escape || key.backspace || key.delete) return { type: 'back' };
  if (key.leftArrow) return { type: 'member', side: 'right', by: -1 };
  if (key.rightArrow) return { type: 'member', side: 'right', by: 1 };
  switch (input) {
    case '[':
      return { type: 'member', side: 'left', by: -1 };
    case ']':
      return { type: 'member', side: 'left', by: 1 };
    case 'r':
      return { type: 'showReport' };
    case 'c':
      return { type: 'decide', label: 'copied', at: now };
    case 'b':
      return { type: 'decide', label: 'boilerplate', at: now };
    case 'f':
      return { type: 'decide', label: 'false-match', at: now };
    case 'n':
      return { type: 'prompt', purpose: 'note' };
    case 'u':
      return { type: 'undo', at: now };
    case 's':
      return { type: 'filter', filter: 'scope' };
    case 't':
      return { type: 'filter', filter: 'kind' };
    case 'o':
      return { type: 'filter', filter: 'doc' };
    case 'x':
      return { type: 'filter', filter: 'hideBoilerplate' };
    case 'h':
      return { type: 'filter', filter: 'hideDecided' };
    case '/':
      return { type: 'prompt', purpose: 'search' };
    case 'z':
      return { type: 'clearFilters' };
    case '?':
      return { type: 'help' };
    case 'q':
      return { type: 'quit' };
  }
  return null;
}

function promptKey(input: string, key: Key, text: string, now: string): Action | null {
  if (key.return) return { type: 'promptSubmit', at: now };
  if (key.escape) return { type: 'promptCancel' };
  if (key.ctrl && input === 'c') return { type: 'promptCancel' };
  // Terminals send DEL for Backspace, which Ink reports as `delete`: both erase one character.
  if (key.backspace || key.delete) return { type: 'promptText', text: Array.from(text).slice(0, -1).join('') };
  if (key.ctrl && input === 'u') return { type: 'promptText', text: '' };
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) return null;
  if (!input) return null;
  return { type: 'promptText', text: text + input.replace(/[\r\n]/g, ' ') };
}
