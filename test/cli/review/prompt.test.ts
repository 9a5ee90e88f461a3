import { describe, expect, it } from 'vitest';
import { AT, act, LATER, shownIds, startReview } from '../../support/review-fixture.js';

describe('prompt', () => {
  it('a note needs a decision first, then keeps its label', () => {
    const refused = act(
      startReview(),
      { type: 'prompt', purpose: 'note' },
      { type: 'promptText', text: '同段重复' },
      { type: 'promptSubmit', at: AT },
    );
    expect(refused.decisions.size).toBe(0);
    expect(refused.message).toBe('mark the finding first (c, b or f), then add a note');
    const noted = act(
      startReview(),
      { type: 'decide', label: 'copied', at: AT },
      { type: 'prompt', purpose: 'note' },
      { type: 'promptText', text: '同段重复' },
      { type: 'promptSubmit', at: LATER },
    );
    expect(noted.decisions.get('k-within')).toEqual({ key: 'k-within', label: 'copied', note: '同段重复', at: LATER });
    expect(noted.prompt).toBeNull();
  });

  it('opens a note on the decision already made, its note ready to change', () => {
    const s = act(startReview([{ key: 'k-within', label: 'copied', note: 'header', at: AT }]), {
      type: 'prompt',
      purpose: 'note',
    });
    expect(s.prompt).toEqual({ purpose: 'note', text: 'header' });
  });

  it('says how many findings a search matches, and opens again on the search in force', () => {
    const s = act(
      startReview(),
      { type: 'prompt', purpose: 'search' },
      { type: 'promptText', text: '习近平' },
      { type: 'promptSubmit', at: AT },
    );
    expect([s.message, shownIds(s)]).toEqual(['1 findings match', [2]]);
    expect(act(s, { type: 'prompt', purpose: 'search' }).prompt).toEqual({ purpose: 'search', text: '习近平' });
  });
});
