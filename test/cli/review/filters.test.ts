import { describe, expect, it } from 'vitest';
import { initialState, reduce, type Action } from '../../../cli/review/state.js';
import { AT, act, fixtureResult, shownIds, startReview } from '../../support/review-fixture.js';

describe('filters', () => {
  const cases: { name: string; actions: Action[]; shown: number[] }[] = [
    { name: 'scope: across', actions: [{ type: 'filter', filter: 'scope' }], shown: [1, 2, 3] },
    {
      name: 'scope: within',
      actions: [
        { type: 'filter', filter: 'scope' },
        { type: 'filter', filter: 'scope' },
      ],
      shown: [0],
    },
    {
      name: 'scope: back to all',
      actions: Array<Action>(3).fill({ type: 'filter', filter: 'scope' }),
      shown: [0, 1, 2, 3],
    },
    { name: 'kind: exact', actions: [{ type: 'filter', filter: 'kind' }], shown: [0, 3] },
    { name: 'kind: partial', actions: Array<Action>(5).fill({ type: 'filter', filter: 'kind' }), shown: [2] },
    { name: 'hide boilerplate', actions: [{ type: 'filter', filter: 'hideBoilerplate' }], shown: [0, 1, 2] },
    {
      name: 'one report: that of the finding under the cursor',
      actions: [
        { type: 'move', to: 'end' },
        { type: 'move', to: 'up' },
        { type: 'filter', filter: 'doc' },
      ],
      shown: [1, 2, 3],
    },
    {
      name: 'search finds text in any member',
      actions: [
        { type: 'prompt', purpose: 'search' },
        { type: 'promptText', text: '大事不出乡' },
        { type: 'promptSubmit', at: AT },
      ],
      shown: [1],
    },
    {
      name: 'search is case-insensitive and trims',
      actions: [
        { type: 'prompt', purpose: 'search' },
        { type: 'promptText', text: ' 习近平法 ' },
        { type: 'promptSubmit', at: AT },
      ],
      shown: [2],
    },
    {
      name: 'a cancelled search changes nothing',
      actions: [{ type: 'prompt', purpose: 'search' }, { type: 'promptText', text: 'zzz' }, { type: 'promptCancel' }],
      shown: [0, 1, 2, 3],
    },
    {
      name: 'clear filters',
      actions: [
        { type: 'filter', filter: 'scope' },
        { type: 'filter', filter: 'hideBoilerplate' },
        { type: 'clearFilters' },
      ],
      shown: [0, 1, 2, 3],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(shownIds(act(startReview(), ...c.actions))).toEqual(c.shown);
    });
  }

  it('a search for 广泛 finds text that carries the Kangxi radical ⼴ (U+2F34), and the other way round', () => {
    const result = fixtureResult();
    // The partial copy's member in report 2: 深入学习领会习近平法 becomes ⼴泛学习领会习近平法.
    const p = result.documents[2].paragraphs[1];
    p.text = p.text.replace('深入', '⼴泛');
    const search = (text: string) =>
      shownIds(
        act(
          initialState({ result, decisions: [] }, 100, 24),
          { type: 'prompt', purpose: 'search' },
          { type: 'promptText', text },
          { type: 'promptSubmit', at: AT },
        ),
      );
    expect(search('广泛学习')).toEqual([2]);
    expect(search('⼴泛学习')).toEqual([2]);
  });

  it('keeps the cursor on the same finding when it is still shown', () => {
    const s = act(startReview(), { type: 'move', to: 'down' }, { type: 'filter', filter: 'scope' });
    expect(s.visible[s.cursor]).toBe(1);
    expect(s.cursor).toBe(0);
  });

  it('hides decided findings, and a decision made while hidden moves the cursor on', () => {
    const s = act(startReview([{ key: 'k-slogan', label: 'boilerplate', note: '', at: AT }]), {
      type: 'filter',
      filter: 'hideDecided',
    });
    expect(shownIds(s)).toEqual([0, 1, 2]);
    const after = reduce(s, { type: 'decide', label: 'copied', at: AT });
    expect(shownIds(after)).toEqual([1, 2]);
    expect(after.visible[after.cursor]).toBe(1);
  });

  it('a finding the reviewer called boilerplate is hidden with the boilerplate, and one called copying is not', () => {
    const s = startReview([
      { key: 'k-within', label: 'boilerplate', note: '', at: AT },
      { key: 'k-slogan', label: 'copied', note: '', at: AT },
    ]);
    expect(shownIds(reduce(s, { type: 'filter', filter: 'hideBoilerplate' }))).toEqual([1, 2, 3]);
  });
});
