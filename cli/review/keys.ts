import type { Key } from 'ink';
import { withoutLastCharacter } from '../text/width.js';
import type { Action, ReviewState } from './types.js';

/** Every key, for the help overlay. Kept next to `keyAction` so the two cannot drift apart. */
export const KEY_HELP: { keys: string; what: string }[] = [
  { keys: '↑ ↓  j k', what: 'move; in a finding, scroll the diff' },
  { keys: 'PgUp PgDn  Home End  g G', what: 'a page up or down / the first / the last' },
  { keys: 'Enter', what: 'open the finding under the cursor' },
  { keys: 'Esc  Backspace', what: 'back (to the list, or the report) / close help' },
  { keys: '← →', what: 'finding: previous / next member on the right' },
  { keys: '[ ]', what: 'finding: previous / next member on the left' },
  { keys: 'v', what: 'finding: the template view / the aligned diff' },
  { keys: 'r', what: 'the report, its found passages highlighted' },
  { keys: 'c  b  f', what: 'decide: copied / boilerplate / false match' },
  { keys: 'n', what: 'add a note to the decision' },
  { keys: 'u', what: 'undo the last decision' },
  { keys: 's  t', what: 'filter: cycle the scope / cycle the kind' },
  { keys: 'o', what: 'filter: only this report (again: all reports)' },
  { keys: 'x  h', what: 'filter: hide boilerplate / hide decided' },
  { keys: '/', what: "search the findings' text (Esc cancels)" },
  { keys: 'z', what: 'clear the filters and the search' },
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
    case 'v':
      return { type: 'switchView' };
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

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
 * Ink hands over a run of plain characters that arrive together (a paste, keys sent at once by
 * tmux send-keys or a fast typist) as one input, control characters included. This splits such a
 * run back into single key presses, with Enter, Backspace, Tab and Ctrl-letters recognised.
 */
export function splitPresses(input: string, key: Key): { input: string; key: Key }[] {
  const chars = Array.from(input);
  const special =
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown ||
    key.home ||
    key.end ||
    key.return ||
    key.escape ||
    key.tab ||
    key.backspace ||
    key.delete ||
    key.ctrl ||
    key.meta;
  if (chars.length <= 1 || special) return [{ input, key }];
  return chars.map((c) => {
    const code = c.codePointAt(0)!;
    if (c === '\r' || c === '\n') return { input: '\r', key: { ...NO_KEY, return: true } };
    if (c === '\x7f' || c === '\b') return { input: '', key: { ...NO_KEY, delete: true } };
    if (c === '\t') return { input: '', key: { ...NO_KEY, tab: true } };
    if (code < 0x20) return { input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true } };
    return { input: c, key: { ...NO_KEY, shift: c !== c.toLowerCase() } };
  });
}

function promptKey(input: string, key: Key, text: string, now: string): Action | null {
  if (key.return) return { type: 'promptSubmit', at: now };
  if (key.escape) return { type: 'promptCancel' };
  if (key.ctrl && input === 'c') return { type: 'promptCancel' };
  // Terminals send DEL for Backspace, which Ink reports as `delete`: both erase one character.
  if (key.backspace || key.delete) return { type: 'promptText', text: withoutLastCharacter(text) };
  if (key.ctrl && input === 'u') return { type: 'promptText', text: '' };
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) return null;
  if (!input) return null;
  return { type: 'promptText', text: text + input.replace(/[\r\n]/g, ' ') };
}
