import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { keyAction, splitPresses } from '../../../cli/review/keys.js';
import type { Action, ReviewState } from '../../../cli/review/state.js';
import { AT, startReview } from '../../support/review-fixture.js';

const NONE: Key = {
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

describe('keys', () => {
  const none = NONE;
  const cases: {
    name: string;
    input: string;
    key?: Partial<Key>;
    state?: (s: ReviewState) => ReviewState;
    want: Action | null;
  }[] = [
    { name: 'j moves down', input: 'j', want: { type: 'move', to: 'down', max: undefined } },
    {
      name: 'arrow down moves down',
      input: '',
      key: { downArrow: true },
      want: { type: 'move', to: 'down', max: undefined },
    },
    { name: 'Enter opens', input: '\r', key: { return: true }, want: { type: 'open' } },
    { name: 'c decides copied with the clock given', input: 'c', want: { type: 'decide', label: 'copied', at: AT } },
    { name: 'f decides false match', input: 'f', want: { type: 'decide', label: 'false-match', at: AT } },
    { name: 'Ctrl-C quits', input: 'c', key: { ctrl: true }, want: { type: 'quit' } },
    { name: 'q quits', input: 'q', want: { type: 'quit' } },
    { name: 'unknown keys do nothing', input: '%', want: null },
    { name: 'under help, q closes help', input: 'q', state: (s) => ({ ...s, help: true }), want: { type: 'help' } },
    {
      name: 'while typing, letters are text',
      input: 'q',
      state: (s) => ({ ...s, prompt: { purpose: 'search', text: '法' } }),
      want: { type: 'promptText', text: '法q' },
    },
    {
      name: 'while typing, backspace erases a whole character',
      input: '',
      key: { delete: true },
      state: (s) => ({ ...s, prompt: { purpose: 'search', text: '法𠀀' } }),
      want: { type: 'promptText', text: '法' },
    },
    {
      name: 'while typing, backspace erases an emoji sequence or an accented letter whole',
      input: '',
      key: { backspace: true },
      state: (s) => ({ ...s, prompt: { purpose: 'note', text: '法👨‍👩‍👧e\u0301' } }),
      want: { type: 'promptText', text: '法👨‍👩‍👧' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = (c.state ?? ((x) => x))(startReview());
      expect(keyAction(c.input, { ...none, ...c.key }, s, AT)).toEqual(c.want);
    });
  }
});

describe('keys that arrive together', () => {
  const show = (input: string, key: Partial<Key> = {}) =>
    splitPresses(input, { ...NONE, ...key }).map(({ input, key }) => {
      const flags = Object.entries(key)
        .filter(([, v]) => v)
        .map(([k]) => k);
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
