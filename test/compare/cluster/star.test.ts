import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { starClusters, type Edge, type Group } from '../../../src/compare/cluster/star.js';
import type { MatchKind as Kind } from '../../../src/types.js';
import { PassageTable } from '../../../src/compare/cluster/passages.js';

const e = (u: number, v: number, similarity = 0.9) => ({ u, v, kind: 'near' as const, similarity });
const show = (groups: ReturnType<typeof starClusters>) =>
  [...groups].map((g) => [g.center, ...g.members.map((m) => m.node)].join(','));

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

describe('starClusters against a reference (property)', () => {
  it('groups exactly as the plain Map-per-node version does, repeats, ties and self-loops included', () => {
    const kinds: Kind[] = ['exact', 'numbers', 'near', 'partial'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(25), fc.nat(25), fc.integer({ min: 0, max: 4 }), fc.nat(3)), { maxLength: 120 }),
        (raw) => {
          const edges: Edge[] = raw.map(([u, v, s, k]) => ({ u, v, kind: kinds[k], similarity: s / 4 }));
          expect([...starClusters(26, edges)]).toEqual(referenceStar(26, edges));
        },
      ),
      { numRuns: 400, seed: 5 },
    );
  });
});

/** The first version: one Map of neighbours per node. Kept here as the reference. */
function referenceStar(nodeCount: number, edges: Edge[]): Group[] {
  const adjacency: Array<Map<number, Edge & { index: number }>> = Array.from(
    { length: nodeCount },
    () => new Map<number, Edge & { index: number }>(),
  );
  edges.forEach((edge, index) => {
    const e = { ...edge, index };
    if (e.u === e.v) return;
    const old = adjacency[e.u].get(e.v);
    if (!old || e.similarity > old.similarity) {
      adjacency[e.u].set(e.v, e);
      adjacency[e.v].set(e.u, e);
    }
  });
  const weight = adjacency.map((m) => {
    let s = 0;
    for (const e of m.values()) s += e.similarity;
    return s;
  });
  const order = [...Array(nodeCount).keys()]
    .filter((n) => adjacency[n].size > 0)
    .sort((x, y) => adjacency[y].size - adjacency[x].size || weight[y] - weight[x] || x - y);
  const assigned = new Uint8Array(nodeCount);
  const groups: Group[] = [];
  for (const center of order) {
    if (assigned[center]) continue;
    const members = [...adjacency[center].entries()]
      .filter(([n]) => !assigned[n])
      .sort((x, y) => x[0] - y[0])
      .map(([node, e]) => ({ node, kind: e.kind, similarity: e.similarity, edge: e.index }));
    if (members.length === 0) continue;
    assigned[center] = 1;
    for (const m of members) assigned[m.node] = 1;
    groups.push({ center, members });
  }
  // Leftovers join their most similar neighbour; leftovers of one neighbour share a group.
  const byPartner = new Map<number, Group>();
  for (const node of order) {
    if (assigned[node]) continue;
    let best: (Edge & { index: number }) | null = null;
    for (const e of adjacency[node].values()) if (!best || e.similarity > best.similarity) best = e;
    if (!best) continue;
    const other = best.u === node ? best.v : best.u;
    let group = byPartner.get(other);
    if (!group) {
      group = { center: other, members: [] };
      byPartner.set(other, group);
      groups.push(group);
    }
    group.members.push({ node, kind: best.kind, similarity: best.similarity, edge: best.index });
  }
  return groups;
}
