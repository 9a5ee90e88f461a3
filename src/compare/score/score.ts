import type { ResultCluster, ResultDocumentPair, ResultMember } from '../../types.js';
import { ACROSS, BOILER, bucket, IntList, Spans, WITHIN, type ScoredDocument } from './spans.js';

export type { ScoredDocument } from './spans.js';

export interface DocumentScores {
  templatedRatio: number;
  withinRatio: number;
  boilerplateRatio: number;
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Clusters with more documents than this are left out of pairwise figures (they are chrome). */
const MAX_PAIR_DOCS = 50;

/**
 * Indices of a cluster's members grouped by document, in member order within a document (the
 * first of equal spans counts as the first occurrence). Members after the representative normally
 * come sorted by document already; then the representative only has to be slotted in.
 */
function byDocument(members: ResultMember[], order: number[]): void {
  const n = members.length;
  order.length = n;
  if (n === 0) return;
  let sorted = true;
  for (let k = 2; k < n && sorted; k++) if (members[k].doc < members[k - 1].doc) sorted = false;
  if (!sorted) {
    for (let k = 0; k < n; k++) order[k] = k;
    order.sort((x, y) => members[x].doc - members[y].doc || x - y);
    return;
  }
  const center = members[0].doc;
  let at = 1;
  while (at < n && members[at].doc < center) at++;
  for (let k = 1; k < at; k++) order[k - 1] = k;
  order[at - 1] = 0;
  for (let k = at; k < n; k++) order[k] = k;
}

/**
 * Groups: one document's spans in one cluster, spans start[g] .. start[g + 1]. A cluster's groups
 * are consecutive (clusterStart[c] .. clusterStart[c + 1]) and in ascending document order.
 */
interface Groups {
  count: number;
  start: Int32Array;
  doc: Int32Array;
  cluster: Int32Array;
  /** Characters covered by the group's spans. */
  chars: Int32Array;
  clusterStart: Int32Array;
  /** 1 for the clusters that count towards document pairs. */
  paired: Uint8Array;
}

/** What scores count of a finding: its members, or for a run of paragraphs each copy it is made of. */
interface Scored {
  members: ResultMember[];
  boilerplate: boolean;
}

function scoredUnits(clusters: ResultCluster[]): Scored[] {
  const out: Scored[] = [];
  for (const c of clusters) {
    if (c.parts) for (const members of c.parts) out.push({ members, boilerplate: c.boilerplate });
    else out.push(c);
  }
  return out;
}

/** Every member as a span, flagged with what it counts towards, and grouped. */
function collect(docs: ScoredDocument[], findings: ResultCluster[]): { spans: Spans; groups: Groups } {
  const clusters = scoredUnits(findings);
  let size = 0;
  for (const c of clusters) size += c.members.length;
  const spans = new Spans(docs, size);
  const groups: Groups = {
    count: 0,
    start: new Int32Array(size + 1),
    doc: new Int32Array(size),
    cluster: new Int32Array(size),
    chars: new Int32Array(size),
    clusterStart: new Int32Array(clusters.length + 1),
    paired: new Uint8Array(clusters.length),
  };
  const list = new IntList();
  const order: number[] = [];
  let next = 0;
  for (let ci = 0; ci < clusters.length; ci++) {
    const c = clusters[ci];
    const members = c.members;
    byDocument(members, order);
    const firstGroup = groups.count;
    for (let k = 0; k < order.length;) {
      const doc = members[order[k]].doc;
      const from = next;
      let first = -1;
      let firstPara = 0;
      let firstStart = 0;
      for (; k < order.length && members[order[k]].doc === doc; k++) {
        const m = members[order[k]];
        spans.set(next, m);
        const s = m.start ?? 0;
        if (first < 0 || m.paragraph < firstPara || (m.paragraph === firstPara && s < firstStart)) {
          first = next;
          firstPara = m.paragraph;
          firstStart = s;
        }
        next++;
      }
      list.length = 0;
      for (let i = from; i < next; i++) {
        list.push(i);
        if (c.boilerplate) spans.flags[i] |= BOILER;
        else if (i !== first) spans.flags[i] |= WITHIN;
      }
      const g = groups.count++;
      groups.doc[g] = doc;
      groups.cluster[g] = ci;
      groups.chars[g] = spans.union(list.data, list.length);
      groups.start[g + 1] = next;
    }
    groups.clusterStart[ci + 1] = groups.count;
    const docCount = groups.count - firstGroup;
    // Stock text is kept out of the copying ratios: it has its own (boilerplateRatio).
    if (docCount > 1 && !c.boilerplate) for (let i = groups.start[firstGroup]; i < next; i++) spans.flags[i] |= ACROSS;
    groups.paired[ci] = !c.boilerplate && docCount >= 2 && docCount <= MAX_PAIR_DOCS ? 1 : 0;
  }
  return { spans, groups };
}

/**
 * Pairs, document a by document a: each later document b sharing a paired cluster with a collects
 * the (group of a, group of b) links of their shared clusters, and each side's cover is the union
 * of its groups.
 */
function documentPairs(
  docCount: number,
  spans: Spans,
  groups: Groups,
  ratio: (covered: number, d: number) => number,
): ResultDocumentPair[] {
  const byDoc = bucket(groups.doc, groups.count, docCount);
  const seen = new Int32Array(docCount).fill(-1);
  const head = new Int32Array(docCount);
  const touched = new Int32Array(docCount);
  const linkA = new IntList();
  const linkB = new IntList();
  const linkNext = new IntList();
  const listA = new IntList();
  const listB = new IntList();
  const pairs: ResultDocumentPair[] = [];
  for (let a = 0; a < docCount; a++) {
    linkA.length = linkB.length = linkNext.length = 0;
    let bs = 0;
    for (let k = byDoc.keyStart[a]; k < byDoc.keyStart[a + 1]; k++) {
      const g = byDoc.items[k];
      const ci = groups.cluster[g];
      if (!groups.paired[ci]) continue;
      for (let h = g + 1; h < groups.clusterStart[ci + 1]; h++) {
        const b = groups.doc[h];
        if (seen[b] !== a) {
          seen[b] = a;
          head[b] = -1;
          touched[bs++] = b;
        }
        linkA.push(g);
        linkB.push(h);
        linkNext.push(head[b]);
        head[b] = linkNext.length - 1;
      }
    }
    touched.subarray(0, bs).sort();
    for (let t = 0; t < bs; t++) {
      const b = touched[t];
      let link = head[b];
      let ca: number;
      let cb: number;
      if (linkNext.data[link] < 0) {
        // One shared cluster: each side's cover is that cluster's group, already counted.
        ca = groups.chars[linkA.data[link]];
        cb = groups.chars[linkB.data[link]];
      } else {
        listA.length = listB.length = 0;
        for (; link >= 0; link = linkNext.data[link]) {
          const g = linkA.data[link];
          const h = linkB.data[link];
          for (let i = groups.start[g]; i < groups.start[g + 1]; i++) listA.push(i);
          for (let i = groups.start[h]; i < groups.start[h + 1]; i++) listB.push(i);
        }
        ca = spans.union(listA.data, listA.length);
        cb = spans.union(listB.data, listB.length);
      }
      pairs.push({ a, b, sharedRatio: Math.max(ratio(ca, a), ratio(cb, b)) });
    }
  }
  return pairs;
}

/**
 * Per document: share of its characters found in other documents (templated), repeated inside it
 * (within: every occurrence after the first), both leaving boilerplate out, and the share found in
 * boilerplate. Per pair of documents: the larger of the two shares of each one's characters found
 * in the other, boilerplate aside.
 */
export function scoreDocuments(
  docs: ScoredDocument[],
  clusters: ResultCluster[],
): { scores: DocumentScores[]; pairs: ResultDocumentPair[] } {
  const { spans, groups } = collect(docs, clusters);
  const docChars = Float64Array.from(docs, (d) => d.chars);
  const ratio = (covered: number, d: number) => (docChars[d] === 0 ? 0 : round(covered / docChars[d]));

  const byDoc = bucket(spans.doc, spans.doc.length, docs.length);
  const list = new IntList();
  const cover = (d: number, flag: number) => {
    list.length = 0;
    for (let k = byDoc.keyStart[d]; k < byDoc.keyStart[d + 1]; k++)
      if (spans.flags[byDoc.items[k]] & flag) list.push(byDoc.items[k]);
    return ratio(spans.union(list.data, list.length), d);
  };
  const scores = new Array<DocumentScores>(docs.length);
  for (let d = 0; d < docs.length; d++)
    scores[d] = { templatedRatio: cover(d, ACROSS), withinRatio: cover(d, WITHIN), boilerplateRatio: cover(d, BOILER) };

  return { scores, pairs: documentPairs(docs.length, spans, groups, ratio) };
}
