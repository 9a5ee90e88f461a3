import type { Analysis, Kind, ResultCluster, ResultMember } from '../../types.js';
import { relate, type RelateOptions, type Relation } from '../align/relate.js';
import { snapSpan } from '../align/snap.js';
import type { CopyEdges, Passage, PassageTable } from '../cluster/passages.js';
import type { Group, Groups } from '../cluster/star.js';
import { judge, sharedWindows, type PlaceEvidence } from './judge.js';
import { roleOf, type Role } from './role.js';
import { RunTable } from './run-table.js';
import { countChars } from '../../read/normalize/normalize.js';
import { hashRange } from '../../util/hash.js';
import type { BatchTokens, ParagraphIndex } from '../batch.js';
import type { Copies } from '../leaders/copies.js';

const KIND_RANK: Record<Kind, number> = { exact: 0, numbers: 1, names: 2, near: 2, partial: 3, spliced: 4 };
/** Places whose role is read to tell a finding's role. */
const ROLE_SAMPLE = 32;
/** Similarity from which two near-identical paragraphs are weighed as shared whole. */
const CLOSE_ENOUGH = 0.9;

/** An edge between two passages with the relation found between their paragraphs (`a` is u's side). */
export interface FindingInputs {
  analyses: Analysis[];
  index: ParagraphIndex;
  batchTokens: BatchTokens;
  passages: PassageTable;
  edges: CopyEdges;
  /** Word-for-word copies (digits aside) of each leader paragraph, from phase 1. */
  copiesOf: Copies;
  options: RelateOptions;
  /** See ScanSettings.minContent. */
  minContent: number;
  /** Whether a document is a reference (an upstream text reports recite), not a report. */
  isReference: (doc: number) => boolean;
}

interface Place {
  node: number;
  kind: Kind;
  similarity: number;
  /** Phase 1 copies of the node's paragraph that hold the passage too. */
  copies: Array<{ gp: number; kind: Kind }>;
}

/** A group with what its places share with its representative, ready to be judged. */
interface Prepared {
  group: Group;
  places: Place[];
  evidence: PlaceEvidence[];
  role: Role;
  docs: number;
}

/**
 * Turns star groups of passages into findings: each place judged against the representative
 * (places that share only stock phrases are dropped; a group left with none is no finding), the
 * finding judged for the queue, its members placed in the paragraphs' text on clause boundaries.
 * `count` tells in how many documents of the batch each stock run asked for stands. Findings come
 * out unranked, with id 0.
 *
 * Two passes over the groups, each holding one group's places at a time: the first gathers the
 * stock runs the judging weighs (those of each representative that overlap what its places share
 * with it), the second judges. Held for every group at once, the places and what they share took
 * some 3 GB at 300,000 reports.
 */
export async function buildFindings(
  groups: Groups,
  inputs: FindingInputs,
  count: (runs: RunTable) => Promise<void>,
): Promise<ResultCluster[]> {
  const realigned = new Map<number, Relation>();
  const runs = new RunTable();
  const add = (_at: number, hash: number) => runs.add(hash);
  for (const g of groups) {
    const evidence = g.members.map((m) => placeEvidence(m.edge, g.center, inputs, realigned));
    sharedWindows(inputs.batchTokens.get(inputs.passages.paraOf(g.center)).masked, evidence, add);
  }
  await count(runs);
  const out: ResultCluster[] = [];
  for (const g of groups) {
    const finding = buildFinding(prepare(g, inputs, realigned), inputs, runs);
    if (finding) out.push(finding);
  }
  return out;
}

function prepare(g: Group, inputs: FindingInputs, realigned: Map<number, Relation>): Prepared {
  const { passages, copiesOf, index } = inputs;
  const center = passages.at(g.center);
  const copiesAt = (node: number) => (passages.isWhole(node) ? [] : (copiesOf.get(passages.paraOf(node)) ?? []));
  const places: Place[] = g.members.map((m) => ({
    node: m.node,
    kind: m.kind,
    similarity: m.similarity,
    copies: copiesAt(m.node),
  }));
  const evidence = g.members.map((m) => placeEvidence(m.edge, g.center, inputs, realigned));
  const docs = new Set<number>([index.doc[center.para], ...copiesAt(g.center).map((c) => index.doc[c.gp])]);
  for (const p of places) {
    docs.add(index.doc[passages.paraOf(p.node)]);
    for (const c of p.copies) docs.add(index.doc[c.gp]);
  }
  return {
    group: g,
    places,
    evidence,
    role: commonRole([g.center, ...places.map((p) => p.node)], inputs),
    docs: docs.size,
  };
}

function buildFinding(prepared: Prepared, inputs: FindingInputs, runs: RunTable): ResultCluster | undefined {
  const { passages, copiesOf, batchTokens } = inputs;
  const { group: g, places, evidence, role } = prepared;
  const center = passages.at(g.center);
  const copiesAt = (node: number) => (passages.isWhole(node) ? [] : (copiesOf.get(passages.paraOf(node)) ?? []));
  const reach = {
    docs: prepared.docs,
    batch: inputs.analyses.length,
    whole: center.whole,
    minContent: inputs.minContent,
  };
  const verdict = judge(batchTokens.get(center.para).masked, evidence, role, reach, runs);
  // Reciting a reference is reported however common its phrases: what a report quotes, and where
  // it departs from it, is what the reference was given for.
  const docsOf = [center.para, ...places.map((p) => passages.paraOf(p.node))].map((gp) => inputs.index.doc[gp]);
  if (docsOf.some(inputs.isReference)) {
    verdict.valid = places.map(() => true);
    delete verdict.stock;
  }
  const kept = places.filter((_, i) => verdict.valid[i]);
  if (kept.length === 0) return undefined;

  const members: ResultMember[] = [];
  const centerMember = memberAt(center.para, center, inputs);
  // A stock phrase that two different sentences end with is no finding: once the passage reads
  // as the clause it stands in, most of that clause must be shared.
  if (verdict.stock === 'common' || verdict.stock === 'short') {
    const shared = Math.max(...evidence.filter((_, i) => verdict.valid[i]).map(sharedTokens));
    if (shared * 2 < tokensIn(center.para, centerMember, inputs)) return undefined;
  }
  for (const c of copiesAt(g.center)) members.push(memberAt(c.gp, center, inputs));
  let kind: Kind = 'exact';
  let similarity = 1;
  for (const p of kept) {
    const passage = passages.at(p.node);
    members.push(memberAt(passage.para, passage, inputs));
    for (const c of p.copies) {
      members.push(memberAt(c.gp, passage, inputs));
      if (KIND_RANK[c.kind] > KIND_RANK[kind]) kind = c.kind;
    }
    if (KIND_RANK[p.kind] > KIND_RANK[kind]) kind = p.kind;
    if (p.similarity < similarity) similarity = p.similarity;
  }
  members.sort((x, y) => x.doc - y.doc || x.paragraph - y.paragraph || (x.start ?? 0) - (y.start ?? 0));
  const keptDocs = new Set([centerMember.doc, ...members.map((m) => m.doc)]);
  const text = inputs.analyses[centerMember.doc].paragraphs[centerMember.paragraph].text;
  const finding: ResultCluster = {
    id: 0,
    scope: keptDocs.size > 1 ? 'across' : 'within',
    kind,
    boilerplate: verdict.stock !== undefined,
    content: Math.round(verdict.content * 10) / 10,
    docCount: keptDocs.size,
    similarity: Math.round(similarity * 10000) / 10000,
    chars: centerMember.start === undefined ? countChars(text) : countChars(text, centerMember.start, centerMember.end),
    key: contentKey(batchTokens.get(center.para).masked, center.start, center.end),
    members: [centerMember, ...members],
  };
  if (verdict.stock) finding.stock = verdict.stock;
  return finding;
}

/**
 * What a place shares with the representative, seen from the representative's side. A pair
 * aligned again here is kept in `realigned` for the second pass over the same edge, and only for it.
 */
function placeEvidence(
  edge: number,
  centerNode: number,
  inputs: FindingInputs,
  realigned: Map<number, Relation>,
): PlaceEvidence {
  const { edges, passages } = inputs;
  let rel = edges.relation(edge);
  const centerIsA = edges.u(edge) === centerNode;
  if (rel.kind === 'near' && !rel.tiles && rel.similarity < CLOSE_ENOUGH) {
    // A phase 1 join checked on a worker comes back without its runs: align the two again, unless
    // they are so alike that the whole paragraph may stand for what they share.
    let again = realigned.get(edge);
    if (again) realigned.delete(edge);
    else {
      const ga = passages.paraOf(edges.u(edge));
      const gb = passages.paraOf(edges.v(edge));
      again = relate(inputs.batchTokens.get(ga), inputs.batchTokens.get(gb), inputs.options)[0] ?? rel;
      realigned.set(edge, again);
    }
    rel = again;
  }
  const start = centerIsA ? rel.aStart : rel.bStart;
  const end = centerIsA ? rel.aEnd : rel.bEnd;
  if (!rel.tiles) return { kind: rel.kind, similarity: rel.similarity, start, end };
  const tiles = centerIsA ? rel.tiles : rel.tiles.slice();
  if (!centerIsA) for (let t = 0; t < tiles.length; t += 3) [tiles[t], tiles[t + 1]] = [tiles[t + 1], tiles[t]];
  return { kind: rel.kind, similarity: rel.similarity, start, end, tiles };
}

/** Tokens of the representative a place shares with it. */
function sharedTokens(p: PlaceEvidence): number {
  if (!p.tiles) return p.end - p.start;
  let n = 0;
  for (let t = 0; t < p.tiles.length; t += 3) n += p.tiles[t + 2];
  return n;
}

/** Comparison tokens inside a member's span of paragraph gp. */
function tokensIn(gp: number, m: ResultMember, inputs: FindingInputs): number {
  const n = inputs.batchTokens.full(gp);
  if (m.start === undefined) return n.tokens.length;
  let count = 0;
  for (let i = 0; i < n.tokens.length; i++) if (n.starts[i] >= m.start && n.ends[i] <= m.end!) count++;
  return count;
}

/**
 * 'table' when every passage is a table row, 'line' when every one is a table row or a line, else
 * 'prose'. The first few tell: places of one finding are copies of one text.
 */
function commonRole(nodes: number[], inputs: FindingInputs): Role {
  let table = true;
  for (const node of nodes.slice(0, ROLE_SAMPLE)) {
    const r = roleAt(node, inputs);
    if (r === 'prose') return 'prose';
    if (r !== 'table') table = false;
  }
  return table ? 'table' : 'line';
}

function roleAt(node: number, inputs: FindingInputs): Role {
  const p = inputs.passages.at(node);
  if (!p.whole) return 'prose';
  const text = inputs.analyses[inputs.index.doc[p.para]].paragraphs[inputs.index.para[p.para]].text;
  return roleOf(text, inputs.batchTokens.get(p.para).masked);
}

/** A passage's place in paragraph gp (its own paragraph or a word-for-word copy), on clause boundaries. */
function memberAt(gp: number, p: Passage, inputs: FindingInputs): ResultMember {
  const doc = inputs.index.doc[gp];
  const paragraph = inputs.index.para[gp];
  if (p.whole) return { doc, paragraph };
  const n = inputs.batchTokens.full(gp);
  const text = inputs.analyses[doc].paragraphs[paragraph].text;
  const [start, end] = snapSpan(text, n.starts[p.start], n.ends[p.end - 1]);
  if (start === 0 && end === text.length) return { doc, paragraph };
  return { doc, paragraph, start, end };
}

/** A finding's content key: the representative passage's comparison text (digits masked), hashed. */
function contentKey(masked: Uint32Array, start: number, end: number): string {
  const h1 = hashRange(masked, start, end, 0x1234567).toString(16).padStart(8, '0');
  const h2 = hashRange(masked, start, end, 0x7654321).toString(16).padStart(8, '0');
  return h1 + h2;
}
