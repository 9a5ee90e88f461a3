import { describe, expect, it } from 'vitest';
import { currentFinding, reduce, reportSpots, type Action } from '../../../cli/review/state.js';
import { act, fixtureResult, startReview } from '../../support/review-fixture.js';

describe('navigation', () => {
  const cases: { name: string; actions: Action[]; cursor: number; top: number; height?: number }[] = [
    { name: 'down moves one row', actions: [{ type: 'move', to: 'down' }], cursor: 1, top: 0 },
    { name: 'up at the top stays', actions: [{ type: 'move', to: 'up' }], cursor: 0, top: 0 },
    { name: 'end goes to the last row', actions: [{ type: 'move', to: 'end' }], cursor: 3, top: 0 },
    {
      name: 'down past the end stays on the last row',
      actions: Array<Action>(9).fill({ type: 'move', to: 'down' }),
      cursor: 3,
      top: 0,
    },
    {
      name: 'home after end goes back',
      actions: [
        { type: 'move', to: 'end' },
        { type: 'move', to: 'home' },
      ],
      cursor: 0,
      top: 0,
    },
    // Height 6 leaves 2 list rows under the column headings: the list scrolls to keep the cursor on screen.
    {
      name: 'scrolls when the cursor leaves a short screen',
      actions: [
        { type: 'move', to: 'down' },
        { type: 'move', to: 'down' },
      ],
      cursor: 2,
      top: 1,
      height: 6,
    },
    { name: 'page down moves a screenful', actions: [{ type: 'move', to: 'pageDown' }], cursor: 2, top: 1, height: 6 },
    {
      name: 'page up from the end',
      actions: [
        { type: 'move', to: 'end' },
        { type: 'move', to: 'pageUp' },
      ],
      cursor: 1,
      top: 1,
      height: 6,
    },
    {
      name: 'a taller screen after a resize shows the top again',
      actions: [
        { type: 'move', to: 'end' },
        { type: 'resize', width: 100, height: 30 },
      ],
      cursor: 3,
      top: 0,
      height: 6,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = act(startReview([], c.height), ...c.actions);
      expect([s.cursor, s.top]).toEqual([c.cursor, c.top]);
    });
  }

  it('opens the finding under the cursor, comparing its first two members, and goes back', () => {
    const s = act(startReview(), { type: 'move', to: 'down' }, { type: 'open' });
    expect([s.view, s.finding, s.left, s.right]).toEqual(['finding', 1, 0, 1]);
    const back = reduce(s, { type: 'back' });
    expect([back.view, back.cursor]).toEqual(['list', 1]);
  });

  it('in the finding view, up and down scroll the diff within the limit the app gives', () => {
    const s = act(
      startReview(),
      { type: 'open' },
      { type: 'move', to: 'down', max: 2 },
      { type: 'move', to: 'down', max: 2 },
      { type: 'move', to: 'down', max: 2 },
    );
    expect(s.diffTop).toBe(2);
    expect(reduce(s, { type: 'move', to: 'home' }).diffTop).toBe(0);
  });

  it('steps the compared members, never comparing a member with itself', () => {
    // Finding 3 (the slogan) has three members.
    const s = act(startReview(), { type: 'move', to: 'end' }, { type: 'open' });
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
    const s = act(startReview(), { type: 'move', to: 'down' }, { type: 'open' }, { type: 'showReport' });
    expect(s.view).toBe('report');
    expect(s.reportDoc).toBe(1);
    const spot = s.reportSpots[s.reportCursor];
    expect([spot.finding, spot.member, spot.paragraph]).toEqual([1, 1, 0]);
    // Passages of report 1 in reading order: the near copy, the slogan, the partial.
    expect(s.reportSpots.map((p) => [p.paragraph, p.finding])).toEqual([
      [0, 1],
      [1, 3],
      [2, 2],
    ]);
    const moved = act(s, { type: 'move', to: 'down' }, { type: 'move', to: 'down' });
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
