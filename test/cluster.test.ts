import { describe, expect, it } from 'vitest';
import { starClusters } from '../src/cluster/star.js';
import { PassageTable } from '../src/cluster/passages.js';

const e = (u: number, v: number, similarity = 0.9) => ({ u, v, kind: 'near' as const, similarity });
const show = (groups: ReturnType<typeof starClusters>) => groups.map((g) => [g.center, ...g.members.map((m) => m.node)].join(','));

describe('star clustering', () => {
  it('groups a template with its copies N-way', () => {
    expect(show(starClusters(4, [e(0, 1), e(0, 2), e(0, 3), e(1, 2)]))).toEqual(['0,1,2,3']);
  });
  it('does not chain: A~B and B~C with A and C unrelated stay apart from a fourth D~C', () => {
    // 0~1, 1~2, 2~3: center 1 takes 0 and 2; 3 pairs with its neighbour 2 in a group of its own.
    expect(show(starClusters(4, [e(0, 1), e(1, 2), e(2, 3)]))).toEqual(['1,0,2', '2,3']);
  });
  it('keeps unconnected passages out', () => {
    expect(show(starClusters(5, [e(3, 4)]))).toEqual(['3,4']);
  });
});

describe('passage table', () => {
  it('treats strongly overlapping spans of one paragraph as one passage', () => {
    const t = new PassageTable();
    const a = t.id(7, 10, 40, false);
    expect(t.id(7, 12, 41, false)).toBe(a);
    expect(t.id(7, 30, 80, false)).not.toBe(a);
    expect(t.id(7, 0, 100, true)).not.toBe(a);
    expect(t.id(8, 10, 40, false)).not.toBe(a);
  });
});
