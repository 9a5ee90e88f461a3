import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { headerLine, helpLines, statusLine } from '../../../cli/review/chrome.js';
import { KEY_HELP } from '../../../cli/review/keys.js';
import { initialState, type ReviewState } from '../../../cli/review/state.js';
import { fixtureResult } from '../../support/review-fixture.js';

const text = (line: { text: string }[]) => line.map((s) => s.text).join('');

function typing(text: string, width: number): ReviewState {
  return {
    ...initialState({ result: fixtureResult(), decisions: [] }, width, 24),
    prompt: { purpose: 'search', text },
  };
}

describe('statusLine', () => {
  it('shows what is typed with the cursor and the hint when they fit', () => {
    expect(text(statusLine(typing('大事不出乡', 60)))).toBe('/大事不出乡▏  (Enter: ok · Esc: cancel)');
  });

  it('shows the end of a long search, where the typing goes on, never half a character', () => {
    const typed = '坚持小事不出村大事不出镇矛盾不上交的原则👨‍👩‍👧';
    for (const width of [20, 21, 30]) {
      const line = text(statusLine(typing(typed, width)));
      expect(line.endsWith('👨‍👩‍👧▏'), line).toBe(true);
      expect(line.startsWith('/…')).toBe(true);
      expect(stringWidth(line)).toBeLessThanOrEqual(width);
    }
  });
  it('says the decisions are saved, after the last message or alone once it is gone', () => {
    const state = initialState({ result: fixtureResult(), decisions: [] }, 60, 24);
    expect(text(statusLine({ ...state, saved: true, message: 'finding 0: copied' }))).toBe('finding 0: copied · saved');
    expect(text(statusLine({ ...state, saved: true }))).toBe('saved');
  });
});

describe('headerLine', () => {
  it('measures the workspace path as shown: escapes in it take room, so it is cut to its file name', () => {
    const state = initialState({ result: fixtureResult(), decisions: [] }, 60, 24);
    // 7 columns if the escapes were nothing (as string-width counts them), 20 as shown (␛[31m…).
    const line = text(headerLine(state, '/a\x1b[31m\x1b[1m\x1b[4m/x.db'));
    expect(line).toBe('refrain review · 4 findings · 0 decided · x.db              ');
    expect(stringWidth(line)).toBe(60);
  });
});

describe('helpLines', () => {
  it('lines every key up in one column, measured in display columns', () => {
    const state = initialState({ result: fixtureResult(), decisions: [] }, 80, 30);
    const rows = helpLines(state)
      .slice(1, 1 + KEY_HELP.length)
      .map(text);
    const starts = rows.map((row, i) => stringWidth(row.slice(0, row.indexOf(KEY_HELP[i].what))));
    expect(new Set(starts).size).toBe(1);
  });
});
