import { describe, expect, it } from 'vitest';
import { Copies, type JoinColumns } from '../../../src/compare/leaders/copies.js';
import { KIND_CODE } from '../../../src/compare/align/verify-pairs.js';

const joins = (list: Array<[number, number, keyof typeof KIND_CODE]>): JoinColumns => ({
  length: list.length,
  leader: (i) => list[i][0],
  follower: (i) => list[i][1],
  kind: (i) => KIND_CODE[list[i][2]],
});

describe('copies by leader', () => {
  it('lists the exact and numbers joins of each leader in the order they came, and nothing else', () => {
    const copies = new Copies(
      joins([
        [0, 3, 'exact'],
        [2, 4, 'near'],
        [2, 5, 'numbers'],
        [0, 6, 'numbers'],
        [0, 7, 'partial'],
        [2, 8, 'exact'],
      ]),
      9,
    );
    expect(copies.get(0)).toEqual([
      { gp: 3, kind: 'exact' },
      { gp: 6, kind: 'numbers' },
    ]);
    expect(copies.get(2)).toEqual([
      { gp: 5, kind: 'numbers' },
      { gp: 8, kind: 'exact' },
    ]);
    expect(copies.get(1)).toBeUndefined();
    expect(copies.get(8)).toBeUndefined();
    expect([...copies].map(([leader, list]) => [leader, list.length])).toEqual([
      [0, 2],
      [2, 2],
    ]);
  });
});
