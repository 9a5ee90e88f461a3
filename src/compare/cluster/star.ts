import { resized } from '../../util/typed.js';
import type { MatchKind as Kind } from '../../types.js';

export interface Edge {
  u: number;
  v: number;
  kind: Kind;
  similarity: number;
}

/** Edges as clustering reads them: edge i joins u(i) and v(i). */
export interface Edges {
  readonly length: number;
  u(i: number): number;
  v(i: number): number;
  kind(i: number): Kind;
  similarity(i: number): number;
}

/** Edges given as a list of objects. */
function listed(edges: readonly Edge[]): Edges {
  return {
    length: edges.length,
    u: (i) => edges[i].u,
    v: (i) => edges[i].v,
    kind: (i) => edges[i].kind,
    similarity: (i) => edges[i].similarity,
  };
}

export interface Group {
  center: number;
  /** Other members, each with the edge that joins it to the center (`edge`: its index in the edges given). */
  members: Array<{ node: number; kind: Kind; similarity: number; edge: number }>;
}

/** A growing column of integers. */
class IntColumn {
  values = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.values.length) this.values = resized(this.values, this.length * 2);
    this.values[this.length++] = v;
  }
}

/**
 * The groups, in columns: group i is center(i) with the members at [start[i], start[i + 1]) of
 * the member columns. A Group object is made only when asked: a batch of 300,000 reports has 16
 * million members, which as objects took a gigabyte.
 */
export class Groups implements Iterable<Group> {
  constructor(
    private readonly edges: Edges,
    private readonly centers: Int32Array,
    private readonly start: Int32Array,
    private readonly node: Int32Array,
    private readonly edge: Int32Array,
  ) {}

  get length(): number {
    return this.centers.length;
  }

  at(i: number): Group {
    const members: Group['members'] = [];
    for (let m = this.start[i]; m < this.start[i + 1]; m++) {
      const e = this.edge[m];
      members.push({ node: this.node[m], kind: this.edges.kind(e), similarity: this.edges.similarity(e), edge: e });
    }
    return { center: this.centers[i], members };
  }

  *[Symbol.iterator](): IterableIterator<Group> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/**
 * Star clustering: the best-connected passage becomes a center and takes every unassigned passage
 * it was verified against; repeat. Every member is directly similar to its center, so A≈B and B≈C
 * never pull an unrelated A and C together through B. A passage whose neighbours were all taken
 * by other centers forms a pair with its most similar neighbour (which then stands in two groups).
 */
export function starClusters(nodeCount: number, given: Edges | readonly Edge[]): Groups {
  const edges = Array.isArray(given) ? listed(given as readonly Edge[]) : (given as Edges);
  const adj = adjacency(nodeCount, edges);
  const { start, neighbour, edge } = adj;
  const degree = (n: number) => start[n + 1] - start[n];
  const weight = new Float64Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) {
    let s = 0;
    for (let i = start[n]; i < start[n + 1]; i++) s += edges.similarity(edge[i]);
    weight[n] = s;
  }
  const order: number[] = [];
  for (let n = 0; n < nodeCount; n++) if (degree(n) > 0) order.push(n);
  order.sort((x, y) => degree(y) - degree(x) || weight[y] - weight[x] || x - y);
  const assigned = new Uint8Array(nodeCount);
  const centers = new IntColumn();
  const starts = new IntColumn();
  const nodes = new IntColumn();
  const via = new IntColumn();
  let free = new Int32Array(64);
  for (const center of order) {
    if (assigned[center]) continue;
    let n = 0;
    if (free.length < degree(center)) free = new Int32Array(2 * degree(center));
    for (let i = start[center]; i < start[center + 1]; i++) if (!assigned[neighbour[i]]) free[n++] = i;
    if (n === 0) continue;
    const taken = free.subarray(0, n).sort((x, y) => neighbour[x] - neighbour[y]);
    assigned[center] = 1;
    centers.push(center);
    starts.push(nodes.length);
    for (const i of taken) {
      assigned[neighbour[i]] = 1;
      nodes.push(neighbour[i]);
      via.push(edge[i]);
    }
  }
  // Leftovers join their most similar neighbour; leftovers of one neighbour share a group, made
  // where its first leftover comes, its members in the order they come.
  const groupOf = new Map<number, number>();
  const leftGroup = new IntColumn();
  const leftNode = new IntColumn();
  const leftEdge = new IntColumn();
  for (const node of order) {
    if (assigned[node]) continue;
    let best = -1;
    for (let i = start[node]; i < start[node + 1]; i++)
      if (best < 0 || edges.similarity(edge[i]) > edges.similarity(edge[best])) best = i;
    if (best < 0) continue;
    const other = neighbour[best];
    let g = groupOf.get(other);
    if (g === undefined) {
      g = groupOf.size;
      groupOf.set(other, g);
    }
    leftGroup.push(g);
    leftNode.push(node);
    leftEdge.push(edge[best]);
  }
  for (const other of groupOf.keys()) centers.push(other);
  // The leftovers in group order, each group's in the order they came (a stable counting sort).
  const fill = new Int32Array(groupOf.size + 1);
  for (let k = 0; k < leftGroup.length; k++) fill[leftGroup.values[k] + 1]++;
  for (let g = 0; g < groupOf.size; g++) {
    fill[g + 1] += fill[g];
    starts.push(nodes.length + fill[g]);
  }
  const base = nodes.length;
  for (let k = 0; k < leftGroup.length; k++) {
    nodes.push(0);
    via.push(0);
  }
  for (let k = 0; k < leftGroup.length; k++) {
    const at = base + fill[leftGroup.values[k]]++;
    nodes.values[at] = leftNode.values[k];
    via.values[at] = leftEdge.values[k];
  }
  starts.push(nodes.length);
  return new Groups(
    edges,
    centers.values.slice(0, centers.length),
    starts.values.slice(0, starts.length),
    nodes.values.slice(0, nodes.length),
    via.values.slice(0, via.length),
  );
}

/**
 * Each node's distinct neighbours, in the order they first appear in `edges`, each with the most
 * similar edge between the two (the first of equals): node n's are neighbour[start[n] ..
 * start[n + 1]). Typed arrays, not a Map per node: a batch of 100,000 reports has millions of
 * passages.
 */
function adjacency(nodeCount: number, edges: Edges): { start: Int32Array; neighbour: Int32Array; edge: Int32Array } {
  // Both directions of every edge, grouped by node in edge order (a stable counting sort).
  const count = new Int32Array(nodeCount + 1);
  for (let i = 0; i < edges.length; i++) {
    const u = edges.u(i);
    const v = edges.v(i);
    if (u === v) continue;
    count[u + 1]++;
    count[v + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) count[n + 1] += count[n];
  const fill = count.slice(0, nodeCount);
  const to = new Int32Array(count[nodeCount]);
  const via = new Int32Array(count[nodeCount]);
  for (let i = 0; i < edges.length; i++) {
    const u = edges.u(i);
    const v = edges.v(i);
    if (u === v) continue;
    to[fill[u]] = v;
    via[fill[u]++] = i;
    to[fill[v]] = u;
    via[fill[v]++] = i;
  }
  // Repeats of a neighbour fold into its first place, keeping the most similar edge.
  const start = new Int32Array(nodeCount + 1);
  const neighbour = new Int32Array(to.length);
  const edge = new Int32Array(to.length);
  const slot = new Int32Array(nodeCount);
  const owner = new Int32Array(nodeCount).fill(-1);
  let k = 0;
  for (let n = 0; n < nodeCount; n++) {
    start[n] = k;
    for (let i = count[n]; i < count[n + 1]; i++) {
      const m = to[i];
      if (owner[m] === n) {
        if (edges.similarity(via[i]) > edges.similarity(edge[slot[m]])) edge[slot[m]] = via[i];
        continue;
      }
      owner[m] = n;
      slot[m] = k;
      neighbour[k] = m;
      edge[k++] = via[i];
    }
  }
  start[nodeCount] = k;
  return { start, neighbour, edge };
}
