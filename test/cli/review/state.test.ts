import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { keyAction, splitPresses } from '../../../cli/review/keys.js';
import {
  currentFinding,
  initialState,
  reduce,
  reportSpots,
  type Action,
  type ReviewState,
} from '../../../cli/review/state.js';
import type { Decision } from '../../../src/types.js';
import { fixtureResult } from '../../support/review-fixture.js';

const AT = '2026-01-01T00:00:00.000Z';
const LATER = '2026-01-01T00:01:00.000Z';

function start(decisions: Decision[] = [], height = 24): ReviewState {
  return initialState({ result: fixtureResult(), decisions }, 100, height);
}

function run(state: ReviewState, ...actions: Action[]): ReviewState {
  return actions.reduce(reduce, state);
}

/** The finding ids shown, in order. */
const shown = (s: ReviewState) => s.visible.map((i) => s.result.clusters[i].id);

describe('order', () => {
  it('lists findings by number, the ranking the engine gave them, and ranks nothing itself', () => {
    expect(shown(start())).toEqual([0, 1, 2, 3]);
    // A short finding numbered first stays first: the list has no weighting of its own.
    const result = fixtureResult();
    result.clusters = [result.clusters[2], result.clusters[0]].map((c, id) => ({ ...c, id }));
    expect(shown(initialState({ result, decisions: [] }))).toEqual([0, 1]);
  });
});

describe('navigation', () => {
  const cases: { name: string; actions: Action[]; cursor: number; top: number; height?: number }[] = [
    { name: 'down moves one row', actions: [{ type: 'move', to: 'down' }], cursor: 1, top: 0 },
    { name: 'up at the top stays', actions: [{ type: 'move', to: 'up' }], cursor: 0, top: 0 },
    { name: 'end goes to the last row', actions: [{ type: 'move', to: 'end' }], cursor: 3, top: 0 },
    { name: 'down past the end stays on the last row', actions: Array(9).fill({ type: 'move', to: 'down' }), cursor: 3, top: 0 },
    { name: 'home after end goes back', actions: [{ type: 'move', to: 'end' }, { type: 'move', to: 'home' }], cursor: 0, top: 0 },
    // Height 6 leaves 2 list rows under the column headings: the list scrolls to keep the cursor on screen.
    { name: 'scrolls when the cursor leaves a short screen', actions: [{ type: 'move', to: 'down' }, { type: 'move', to: 'down' }], cursor: 2, top: 1, height: 6 },
    { name: 'page down moves a screenful', actions: [{ type: 'move', to: 'pageDown' }], cursor: 2, top: 1, height: 6 },
    { name: 'page up from the end', actions: [{ type: 'move', to: 'end' }, { type: 'move', to: 'pageUp' }], cursor: 1, top: 1, height: 6 },
    { name: 'a taller screen after a resize shows the top again', actions: [{ type: 'move', to: 'end' }, { type: 'resize', width: 100, height: 30 }], cursor: 3, top: 0, height: 6 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = run(start([], c.height), ...c.actions);
      expect([s.cursor, s.top]).toEqual([c.cursor, c.top]);
    });
  }

  it('opens the finding under the cursor, comparing its first two members, and goes back', () => {
    const s = run(start(), { type: 'move', to: 'down' }, { type: 'open' });
    expect([s.view, s.finding, s.left, s.right]).toEqual(['finding', 1, 0, 1]);
    const back = reduce(s, { type: 'back' });
    expect([back.view, back.cursor]).toEqual(['list', 1]);
  });

  it('in the finding view, up and down scroll the diff within the limit the app gives', () => {
    const s = run(start(), { type: 'open' }, { type: 'move', to: 'down', max: 2 }, { type: 'move', to: 'down', max: 2 }, { type: 'move', to: 'down', max: 2 });
    expect(s.diffTop).toBe(2);
    expect(reduce(s, { type: 'move', to: 'home' }).diffTop).toBe(0);
  });

  it('steps the compared members, never comparing a member with itself', () => {
    // Finding 3 (the slogan) has three members.
    const s = run(start(), { type: 'move', to: 'end' }, { type: 'open' });
    expect([s.finding, s.left, s.right]).toEqual([3, 0, 1]);
    const r1 = reduce(s, { type: 'member', side: 'right', by: 1 });
    expect([r1.left, r1.right]).toEqual([0, 2]);
    const r2 = reduce(r1, { type: 'member', side: 'right', by: 1 });
    expect([r2.left, r2.right]).toEqual([0, 1]);
    const l1 = reduce(s, { type: 'member', side: 'left', by: 1 });
    expect([l1.left, l1.right]).toEqual([2, 1]);
    expect(reduce(s, { type: 'selectPair', left: 2, right: 2 })).toBe(s);
    expect([reduce(s, { type: 'selectPair', left: 2, right: 0 }).left]).toEqual([2]);
  });

  it('shows the report of a finding with the cursor on its passage, and opens a finding from there', () => {
    const s = run(start(), { type: 'move', to: 'down' }, { type: 'open' }, { type: 'showReport' });
    expect(s.view).toBe('report');
    expect(s.reportDoc).toBe(1);
    const spot = s.reportSpots[s.reportCursor];
    expect([spot.finding, spot.member, spot.paragraph]).toEqual([1, 1, 0]);
    // Passages of report 1 in reading order: the near copy, the slogan, the partial.
    expect(s.reportSpots.map((p) => [p.paragraph, p.finding])).toEqual([[0, 1], [1, 3], [2, 2]]);
    const moved = run(s, { type: 'move', to: 'down' }, { type: 'move', to: 'down' });
    expect(currentFinding(moved)).toBe(2);
    const opened = reduce(moved, { type: 'open' });
    expect([opened.view, opened.finding, opened.left, opened.right]).toEqual(['finding', 2, 0, 1]);
    // Back from a finding opened in the report view returns to the report, then to the list.
    const back = reduce(opened, { type: 'back' });
    expect([back.view, back.reportCursor]).toEqual(['report', 2]);
    expect(reduce(back, { type: 'back' }).view).toBe('list');
  });

  it('finds every passage of a report, spans with their offsets', () => {
    expect(reportSpots(fixtureResult(), 2)).toEqual([
      { paragraph: 0, start: 0, end: 11, finding: 3, member: 2 },
      { paragraph: 1, start: 6, end: 16, finding: 2, member: 1 },
    ]);
  });
});

describe('filters', () => {
  const cases: { name: string; actions: Action[]; shown: number[] }[] = [
    { name: 'scope: across', actions: [{ type: 'filter', filter: 'scope' }], shown: [1, 2, 3] },
    { name: 'scope: within', actions: [{ type: 'filter', filter: 'scope' }, { type: 'filter', filter: 'scope' }], shown: [0] },
    { name: 'scope: back to all', actions: Array(3).fill({ type: 'filter', filter: 'scope' }), shown: [0, 1, 2, 3] },
    { name: 'kind: exact', actions: [{ type: 'filter', filter: 'kind' }], shown: [0, 3] },
    { name: 'kind: partial', actions: Array(4).fill({ type: 'filter', filter: 'kind' }), shown: [2] },
    { name: 'hide boilerplate', actions: [{ type: 'filter', filter: 'hideBoilerplate' }], shown: [0, 1, 2] },
    { name: 'one report: that of the finding under the cursor', actions: [{ type: 'move', to: 'end' }, { type: 'move', to: 'up' }, { type: 'filter', filter: 'doc' }], shown: [1, 2, 3] },
    { name: 'search finds text in any member', actions: [{ type: 'prompt', purpose: 'search' }, { type: 'promptText', text: '大事不出乡' }, { type: 'promptSubmit', at: AT }], shown: [1] },
    { name: 'search is case-insensitive and trims', actions: [{ type: 'prompt', purpose: 'search' }, { type: 'promptText', text: ' 习近平法 ' }, { type: 'promptSubmit', at: AT }], shown: [2] },
    { name: 'a cancelled search changes nothing', actions: [{ type: 'prompt', purpose: 'search' }, { type: 'promptText', text: 'zzz' }, { type: 'promptCancel' }], shown: [0, 1, 2, 3] },
    { name: 'clear filters', actions: [{ type: 'filter', filter: 'scope' }, { type: 'filter', filter: 'hideBoilerplate' }, { type: 'clearFilters' }], shown: [0, 1, 2, 3] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(shown(run(start(), ...c.actions))).toEqual(c.shown);
    });
  }

  it('a search for 广泛 finds text that carries the Kangxi radical ⼴ (U+2F34), and the other way round', () => {
    const result = fixtureResult();
    // The partial copy's member in report 2: 深入学习领会习近平法 becomes ⼴泛学习领会习近平法.
    const p = result.documents[2].paragraphs[1];
    p.text = p.text.replace('深入', '⼴泛');
    const search = (text: string) =>
      shown(run(initialState({ result, decisions: [] }, 100, 24), { type: 'prompt', purpose: 'search' }, { type: 'promptText', text }, { type: 'promptSubmit', at: AT }));
    expect(search('广泛学习')).toEqual([2]);
    expect(search('⼴泛学习')).toEqual([2]);
  });

  it('keeps the cursor on the same finding when it is still shown', () => {
    const s = run(start(), { type: 'move', to: 'down' }, { type: 'filter', filter: 'scope' });
    expect(s.visible[s.cursor]).toBe(1);
    expect(s.cursor).toBe(0);
  });

  it('hides decided findings, and a decision made while hidden moves the cursor on', () => {
    const s = run(start([{ key: 'k-slogan', label: 'boilerplate', note: '', at: AT }]), { type: 'filter', filter: 'hideDecided' });
    expect(shown(s)).toEqual([0, 1, 2]);
    const after = reduce(s, { type: 'decide', label: 'copied', at: AT });
    expect(shown(after)).toEqual([1, 2]);
    expect(after.visible[after.cursor]).toBe(1);
  });

  it('a finding the reviewer called boilerplate is hidden with the boilerplate, and one called copying is not', () => {
    const s = start([
      { key: 'k-within', label: 'boilerplate', note: '', at: AT },
      { key: 'k-slogan', label: 'copied', note: '', at: AT },
    ]);
    expect(shown(reduce(s, { type: 'filter', filter: 'hideBoilerplate' }))).toEqual([1, 2, 3]);
  });
});

describe('decisions', () => {
  it('records the decision and asks for a write; the write being done marks it saved', () => {
    const s = reduce(start(), { type: 'decide', label: 'copied', at: AT });
    expect(s.decisions.get('k-within')).toEqual({ key: 'k-within', label: 'copied', note: '', at: AT });
    expect(s.writes).toEqual([{ type: 'decide', key: 'k-within', label: 'copied', note: '', at: AT }]);
    expect(s.saved).toBe(false);
    const done = reduce(s, { type: 'written', count: 1 });
    expect(done.writes).toEqual([]);
    expect(done.saved).toBe(true);
  });

  it('a failed write is reported, not hidden', () => {
    const s = run(start(), { type: 'decide', label: 'copied', at: AT }, { type: 'writeFailed', count: 1, message: 'disk full' });
    expect(s.message).toBe('not saved: disk full');
    expect(s.saved).toBe(false);
  });

  it('after a failed write, shows the decisions the store really holds', () => {
    const stored: Decision = { key: 'k-near', label: 'boilerplate', note: '', at: AT };
    const s = run(start([stored]), { type: 'decide', label: 'copied', at: LATER }, { type: 'writeFailed', count: 1, message: 'database is locked', stored: [stored] });
    expect([...s.decisions.values()]).toEqual([stored]);
    expect(s.undo).toEqual([]);
    expect(s.writes).toEqual([]);
    expect(s.message).toBe('not saved: database is locked');
  });

  it('decides on the open finding in the finding view', () => {
    const s = run(start(), { type: 'move', to: 'down' }, { type: 'open' }, { type: 'decide', label: 'false-match', at: AT });
    expect(s.decisions.get('k-near')?.label).toBe('false-match');
  });

  it('undo of a first decision clears it in the workspace', () => {
    const s = run(start(), { type: 'decide', label: 'copied', at: AT }, { type: 'written', count: 1 }, { type: 'undo', at: LATER });
    expect(s.decisions.has('k-within')).toBe(false);
    expect(s.writes).toEqual([{ type: 'clear', key: 'k-within', at: LATER }]);
    expect(s.message).toBe('undone: no decision');
  });

  it('undo of a changed decision puts the earlier one back', () => {
    const before: Decision = { key: 'k-within', label: 'boilerplate', note: 'header', at: AT };
    const s = run(start([before]), { type: 'decide', label: 'copied', at: LATER }, { type: 'written', count: 1 });
    expect(s.decisions.get('k-within')).toEqual({ key: 'k-within', label: 'copied', note: 'header', at: LATER });
    const u = reduce(s, { type: 'undo', at: LATER });
    expect(u.decisions.get('k-within')).toEqual(before);
    expect(u.writes).toEqual([{ type: 'decide', key: 'k-within', label: 'boilerplate', note: 'header', at: LATER }]);
    expect(reduce({ ...u, writes: [] }, { type: 'undo', at: LATER }).message).toBe('nothing to undo');
  });

  it('a note needs a decision first, then keeps its label', () => {
    const refused = run(start(), { type: 'prompt', purpose: 'note' }, { type: 'promptText', text: '同段重复' }, { type: 'promptSubmit', at: AT });
    expect(refused.decisions.size).toBe(0);
    expect(refused.message).toBe('mark the finding first (c, b or f), then add a note');
    const noted = run(start(), { type: 'decide', label: 'copied', at: AT }, { type: 'prompt', purpose: 'note' }, { type: 'promptText', text: '同段重复' }, { type: 'promptSubmit', at: LATER });
    expect(noted.decisions.get('k-within')).toEqual({ key: 'k-within', label: 'copied', note: '同段重复', at: LATER });
    expect(noted.prompt).toBeNull();
  });

  it('keeps the latest of several decisions given for one key', () => {
    const s = start([
      { key: 'k-near', label: 'copied', note: '', at: LATER },
      { key: 'k-near', label: 'false-match', note: '', at: AT },
    ]);
    expect(s.decisions.get('k-near')?.label).toBe('copied');
  });

  it('never changes the state it is given', () => {
    const s = start([{ key: 'k-near', label: 'copied', note: '', at: AT }]);
    const snapshot = { ...s, decisions: new Map(s.decisions), visible: [...s.visible] };
    run(s, { type: 'decide', label: 'boilerplate', at: AT }, { type: 'filter', filter: 'hideDecided' }, { type: 'undo', at: AT });
    expect(s.decisions).toEqual(snapshot.decisions);
    expect(s.visible).toEqual(snapshot.visible);
    expect(s.writes).toEqual([]);
  });
});

describe('help and quit', () => {
  it('toggles help; back closes it; moves do nothing under it', () => {
    const s = reduce(start(), { type: 'help' });
    expect(s.help).toBe(true);
    expect(reduce(s, { type: 'move', to: 'down' }).cursor).toBe(0);
    expect(reduce(s, { type: 'back' }).help).toBe(false);
  });

  it('quit sets the flag the app exits on', () => {
    expect(reduce(start(), { type: 'quit' }).quit).toBe(true);
  });
});

const NONE: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
} as Key;

describe('keys', () => {
  const none = NONE;
  const cases: { name: string; input: string; key?: Partial<Key>; state?: (s: ReviewState) => ReviewState; want: Action | null }[] = [
    { name: 'j moves down', input: 'j', want: { type: 'move', to: 'down', max: undefined } },
    { name: 'arrow down moves down', input: '', key: { downArrow: true }, want: { type: 'move', to: 'down', max: undefined } },
    { name: 'Enter opens', input: '\r', key: { return: true }, want: { type: 'open' } },
    { name: 'c decides copied with the clock given', input: 'c', want: { type: 'decide', label: 'copied', at: AT } },
    { name: 'f decides false match', input: 'f', want: { type: 'decide', label: 'false-match', at: AT } },
    { name: 'Ctrl-C quits', input: 'c', key: { ctrl: true }, want: { type: 'quit' } },
    { name: 'q quits', input: 'q', want: { type: 'quit' } },
    { name: 'unknown keys do nothing', input: '%', want: null },
    { name: 'under help, q closes help', input: 'q', state: (s) => ({ ...s, help: true }), want: { type: 'help' } },
    { name: 'while typing, letters are text', input: 'q', state: (s) => ({ ...s, prompt: { purpose: 'search', text: '法' } }), want: { type: 'promptText', text: '法q' } },
    {
      name: 'while typing, backspace erases a whole character',
      input: '',
      key: { delete: true },
      state: (s) => ({ ...s, prompt: { purpose: 'search', text: '法𠀀' } }),
      want: { type: 'promptText', text: '法' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = (c.state ?? ((x) => x))(start());
      expect(keyAction(c.input, { ...none, ...c.key }, s, AT)).toEqual(c.want);
    });
  }
});

describe('keys that arrive together', () => {
  const show = (input: string, key: Partial<Key> = {}) =>
    splitPresses(input, { ...NONE, ...key }).map(({ input, key }) => {
      const flags = Object.entries(key).filter(([, v]) => v).map(([k]) => k);
      return flags.length ? `${input}<${flags.join(',')}>` : input;
    });
  const cases: { name: string; input: string; key?: Partial<Key>; want: string[] }[] = [
    { name: 'one key stays as it is', input: 'j', want: ['j'] },
    { name: 'letters are one press each', input: 'sst', want: ['s', 's', 't'] },
    { name: 'Enter inside a run is Enter', input: 'G\r', want: ['G<shift>', '\r<return>'] },
    { name: 'DEL inside a run is a delete', input: 'a\x7f', want: ['a', '<delete>'] },
    { name: 'Ctrl-C inside a run is Ctrl-C', input: 'j\x03', want: ['j', 'c<ctrl>'] },
    { name: 'CJK text is one press per character, surrogate pairs whole', input: '那吾𠀀', want: ['那', '吾', '𠀀'] },
    { name: 'an escape sequence Ink parsed is left alone', input: '[A', key: { upArrow: true }, want: ['[A<upArrow>'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(show(c.input, c.key)).toEqual(c.want);
    });
  }
});
