import { describe, expect, it } from 'vitest';
import { initialState, reduce } from '../../../cli/review/state.js';
import { AT, act, fixtureResult, shownIds, startReview } from '../../support/review-fixture.js';

describe('order', () => {
  it('lists findings by number, the ranking the engine gave them, and ranks nothing itself', () => {
    expect(shownIds(startReview())).toEqual([0, 1, 2, 3]);
    // A short finding numbered first stays first: the list has no weighting of its own.
    const result = fixtureResult();
    result.clusters = [result.clusters[2], result.clusters[0]].map((c, id) => ({ ...c, id }));
    expect(shownIds(initialState({ result, decisions: [] }))).toEqual([0, 1]);
  });
});

describe('help and quit', () => {
  it('toggles help; back closes it; moves do nothing under it', () => {
    const s = reduce(startReview(), { type: 'help' });
    expect(s.help).toBe(true);
    expect(reduce(s, { type: 'move', to: 'down' }).cursor).toBe(0);
    expect(reduce(s, { type: 'back' }).help).toBe(false);
  });

  it('quit sets the flag the app exits on', () => {
    expect(reduce(startReview(), { type: 'quit' }).quit).toBe(true);
  });
});

describe('reduce', () => {
  it('never changes the state it is given', () => {
    const s = startReview([{ key: 'k-near', label: 'copied', note: '', at: AT }]);
    const snapshot = { ...s, decisions: new Map(s.decisions), visible: [...s.visible] };
    act(
      s,
      { type: 'decide', label: 'boilerplate', at: AT },
      { type: 'filter', filter: 'hideDecided' },
      { type: 'undo', at: AT },
    );
    expect(s.decisions).toEqual(snapshot.decisions);
    expect(s.visible).toEqual(snapshot.visible);
    expect(s.writes).toEqual([]);
  });
});
