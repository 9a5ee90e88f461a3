import type { Kind } from '../types.js';

export interface Edge {
  u: number;
  v: number;
  kind: Kind;
  similarity: number;
}

export interface Group {
  center: number;
  /** Other members, each with the edge that joins it to the center. */
  members: Array<{ node: number; kind: Kind; similarity: number }>;
}

/**
 * Star clustering: the best-connected passage becomes a center and takes every unassigned passage
 * it was verified against; repeat. Every member is directly similar to its center, so A≈B and B≈C
 * never pull an unrelated A and C together through B. A passage whose neighbours were all taken
 * by other centers forms a pair with its most similar neighbour (which then stands in two groups).
 */
export function starClusters(nodeCount: number, edges: Edge[]): Group[] {
  const adjacency: Array<Map<number, Edge>> = Array.from({ length: nodeCount }, () => new Map());
  for (const e of edges) {
    if (e.u === e.v) continue;
    const old = adjacency[e.u].get(e.v);
    if (!old || e.similarity > old.similarity) {
      adjacency[e.u].set(e.v, e);
      adjacency[e.v].set(e.u, e);
    }
  }
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
      .map(([node, e]) => ({ node, kind: e.kind, similarity: e.similarity }));
    if (members.length === 0) continue;
    assigned[center] = 1;
    for (const m of members) assigned[m.node] = 1;
    groups.push({ center, members });
  }
  // Leftovers join their most similar neighbour; leftovers of one neighbour share a group.
  const byPartner = new Map<number, Group>();
  for (const node of order) {
    if (assigned[node]) continue;
    let best: Edge | null = null;
    for (const e of adjacency[node].values()) if (!best || e.similarity > best.similarity) best = e;
    if (!best) continue;
    const other = best.u === node ? best.v : best.u;
    let group = byPartner.get(other);
    if (!group) {
      group = { center: other, members: [] };
      byPartner.set(other, group);
      groups.push(group);
    }
    group.members.push({ node, kind: best.kind, similarity: best.similarity });
  }
  return groups;
}
