import { describe, expect, it } from 'vitest';
import { reduce } from '../../../cli/review/state.js';
import type { Decision } from '../../../src/types.js';
import { AT, act, LATER, startReview } from '../../support/review-fixture.js';

describe('decisions', () => {
  it('records the decision and asks for a write; the write being done marks it saved', () => {
    const s = reduce(startReview(), { type: 'decide', label: 'copied', at: AT });
    expect(s.decisions.get('k-within')).toEqual({ key: 'k-within', label: 'copied', note: '', at: AT });
    expect(s.writes).toEqual([{ type: 'decide', key: 'k-within', label: 'copied', note: '', at: AT }]);
    expect(s.saved).toBe(false);
    const done = reduce(s, { type: 'written', count: 1 });
    expect(done.writes).toEqual([]);
    expect(done.saved).toBe(true);
  });

  it('a failed write is reported, not hidden', () => {
    const s = act(
      startReview(),
      { type: 'decide', label: 'copied', at: AT },
      { type: 'writeFailed', count: 1, message: 'disk full' },
    );
    expect(s.message).toBe('not saved: disk full');
    expect(s.saved).toBe(false);
  });

  it('after a failed write, shows the decisions the store really holds', () => {
    const stored: Decision = { key: 'k-near', label: 'boilerplate', note: '', at: AT };
    const s = act(
      startReview([stored]),
      { type: 'decide', label: 'copied', at: LATER },
      { type: 'writeFailed', count: 1, message: 'database is locked', stored: [stored] },
    );
    expect([...s.decisions.values()]).toEqual([stored]);
    expect(s.undo).toEqual([]);
    expect(s.writes).toEqual([]);
    expect(s.message).toBe('not saved: database is locked');
  });

  it('decides on the open finding in the finding view', () => {
    const s = act(
      startReview(),
      { type: 'move', to: 'down' },
      { type: 'open' },
      { type: 'decide', label: 'false-match', at: AT },
    );
    expect(s.decisions.get('k-near')?.label).toBe('false-match');
  });

  it('undo of a first decision clears it in the workspace', () => {
    const s = act(
      startReview(),
      { type: 'decide', label: 'copied', at: AT },
      { type: 'written', count: 1 },
      { type: 'undo', at: LATER },
    );
    expect(s.decisions.has('k-within')).toBe(false);
    expect(s.writes).toEqual([{ type: 'clear', key: 'k-within', at: LATER }]);
    expect(s.message).toBe('undone: no decision');
  });

  it('undo of a changed decision puts the earlier one back', () => {
    const before: Decision = { key: 'k-within', label: 'boilerplate', note: 'header', at: AT };
    const s = act(startReview([before]), { type: 'decide', label: 'copied', at: LATER }, { type: 'written', count: 1 });
    expect(s.decisions.get('k-within')).toEqual({ key: 'k-within', label: 'copied', note: 'header', at: LATER });
    const u = reduce(s, { type: 'undo', at: LATER });
    expect(u.decisions.get('k-within')).toEqual(before);
    expect(u.writes).toEqual([{ type: 'decide', key: 'k-within', label: 'boilerplate', note: 'header', at: LATER }]);
    expect(reduce({ ...u, writes: [] }, { type: 'undo', at: LATER }).message).toBe('nothing to undo');
  });

  it('keeps the latest of several decisions given for one key', () => {
    const s = startReview([
      { key: 'k-near', label: 'copied', note: '', at: LATER },
      { key: 'k-near', label: 'false-match', note: '', at: AT },
    ]);
    expect(s.decisions.get('k-near')?.label).toBe('copied');
  });
});
