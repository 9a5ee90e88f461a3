import type { Analysis, Diagnostic, Kind, ResultCluster, ResultMember, ScanResult, ScanSettings } from '../types.js';
import type { RelateOptions, Relation } from '../verify/relate.js';
import { snapSpan } from '../verify/snap.js';
import { earlierCandidates } from '../lsh/leaders.js';
import { assignLeaders } from './phase1.js';
import { flattenUnits, indexParagraphs, BatchTokens, topPartners, type ParagraphIndex } from './units.js';
import { countSharedRuns, openComparePool, verifyPairs } from './compare-pool.js';
import type { WorkerPool } from './pool.js';
import { atLeast } from './anchors.js';
import { PassageTable } from '../cluster/passages.js';
import { starClusters, type Edge } from '../cluster/star.js';
import { scoreDocuments } from '../score/score.js';
import { countChars } from '../normalize/normalize.js';
import { hashRange } from '../util/hash.js';
import { MIN_WHOLE_TOKENS } from './settings.js';
import { VERSION } from '../version.js';

/** Partners a leader paragraph is aligned with, most shared 6-token runs first. */
const PARTNERS = 16;
const KIND_RANK: Record<Kind, number> = { exact: 0, numbers: 1, near: 2, partial: 3 };
const count = (n: number) => n.toLocaleString('en');

/**
 * Batch-wide work: LSH candidates between paragraphs, alignment of each candidate pair into
 * copied passages, star clustering of the passages, scores. Document ids are array positions.
 */
export async function compareAnalyses(
  analyses: Analysis[],
  settings: ScanSettings,
  diagnostics: Diagnostic[] = [],
  /** Told what the comparison is doing as it goes (for a progress line). */
  onStage: (stage: string) => void = () => {},
): Promise<ScanResult> {
  const index = indexParagraphs(analyses);
  const norms = new BatchTokens(analyses, index);
  const options: RelateOptions = { threshold: settings.threshold, minTokens: settings.minTokens, minWholeTokens: MIN_WHOLE_TOKENS };
  // Started now, the workers load while phase 1 runs on this thread.
  const pool = openComparePool(norms.arena, options);
  try {
    return await compareWith(analyses, settings, diagnostics, index, norms, options, pool, onStage);
  } finally {
    await pool?.close();
  }
}

async function compareWith(
  analyses: Analysis[],
  settings: ScanSettings,
  diagnostics: Diagnostic[],
  index: ParagraphIndex,
  norms: BatchTokens,
  options: RelateOptions,
  pool: WorkerPool | undefined,
  onStage: (stage: string) => void,
): Promise<ScanResult> {
  // REFRAIN_STATS=1 prints each stage's time and counts on stderr (for the benchmark).
  const stats = Boolean(process.env.REFRAIN_STATS);
  const paragraphCount = index.doc.length;
  const normOf = (gp: number) => norms.get(gp);
  const table = new PassageTable();
  const edges: Edge[] = [];
  const { tokenStart } = norms.arena;
  const lengthOf = (gp: number) => tokenStart[gp + 1] - tokenStart[gp];
  const record = (ga: number, gb: number, r: Relation) => {
    const aWhole = r.aStart === 0 && r.aEnd === lengthOf(ga);
    const bWhole = r.bStart === 0 && r.bEnd === lengthOf(gb);
    const pa = table.id(ga, r.aStart, r.aEnd, aWhole);
    const pb = table.id(gb, r.bStart, r.bEnd, bWhole);
    edges.push({ u: pa, v: pb, kind: r.kind, similarity: r.similarity });
  };

  const t0 = performance.now();
  onStage(`grouping near-identical paragraphs (${count(paragraphCount)})`);
  const units = flattenUnits(analyses, index, settings.bands);
  const offers = earlierCandidates(units.wholeCount, settings.bands, units.wholeKeys, units.wholePara);
  const tOffers = performance.now();
  const { leaderOf, copiesOf, joins, speculated, used, unforeseen, ms } = await assignLeaders(units.wholePara, offers, norms.arena, options, pool);
  for (const j of joins) record(j.leader, j.follower, j.rel);
  if (stats) console.error({ speculated, used, unforeseen, ...ms });

  const t1 = performance.now();
  // Phase 2: passages between leaders, found through the exact 6-token runs they share (a copied
  // passage holds one: MIN_LONGEST). A run standing in more than ANCHOR_BUCKET paragraphs is a
  // stock phrase; its paragraphs are paired with the first few only.
  const leaders: number[] = [];
  for (let gp = 0; gp < paragraphCount; gp++) if (leaderOf[gp] === gp) leaders.push(gp);
  // Two shared runs at least: no copied passage in the corpus or the benchmark batches had
  // fewer, while most pairs that share one run share a stock phrase only.
  onStage(`pairing the shared 6-token runs of ${count(leaders.length)} paragraphs`);
  const shared = atLeast(await countSharedRuns(Uint32Array.from(leaders), norms.arena, pool), 2);
  const tCount = performance.now();
  const statHist = new Map<string, number>();
  const toVerify = topPartners(shared, paragraphCount, PARTNERS);
  const tTop = performance.now();
  if (stats) console.error({ paragraphs: paragraphCount, leaders: leaders.length, sharedPairs: shared.keys.length, verified: toVerify.length });
  const aligning = (done: number) => onStage(`aligning ${count(done)}/${count(toVerify.length)} paragraph pairs`);
  aligning(0);
  const found = await verifyPairs(toVerify, norms.arena, options, pool, aligning);
  for (const { at, rel } of found) {
    const ga = Math.floor(toVerify[at] / paragraphCount);
    const gb = toVerify[at] - ga * paragraphCount;
    record(ga, gb, rel);
  }
  if (stats) statHist.set('hit', new Set(found.map((f) => f.at)).size).set('miss', toVerify.length - (statHist.get('hit') ?? 0));
  const t2 = performance.now();
  onStage(`grouping ${count(edges.length)} copies into findings`);
  if (stats) console.error([...statHist].sort(), { phase1: Math.round(t1 - t0), offers: Math.round(tOffers - t0), phase2: Math.round(t2 - t1), counting: Math.round(tCount - t1), top: Math.round(tTop - tCount), verify: Math.round(t2 - tTop) });

  const docCountFloor = Math.max(3, Math.ceil(settings.boilerplateShare * analyses.length));
  const clusters: ResultCluster[] = [];
  for (const g of starClusters(table.passages.length, edges)) {
    const toMember = (node: number): ResultMember => {
      const p = table.passages[node];
      const doc = index.doc[p.para];
      const paragraph = index.para[p.para];
      if (p.whole) return { doc, paragraph };
      const n = norms.full(p.para);
      const [start, end] = snapSpan(analyses[doc].paragraphs[paragraph].text, n.starts[p.start], n.ends[p.end - 1]);
      return { doc, paragraph, start, end };
    };
    const center = toMember(g.center);
    // Passages are found between leaders; their word-for-word copies (phase 1) hold them too.
    const copies: Array<{ member: ResultMember; kind: Kind }> = [];
    for (const node of [g.center, ...g.members.map((m) => m.node)]) {
      const p = table.passages[node];
      if (p.whole) continue;
      for (const c of copiesOf.get(p.para) ?? []) {
        const n = norms.full(c.gp);
        const doc = index.doc[c.gp];
        const paragraph = index.para[c.gp];
        const [start, end] = snapSpan(analyses[doc].paragraphs[paragraph].text, n.starts[p.start], n.ends[p.end - 1]);
        copies.push({ member: { doc, paragraph, start, end }, kind: c.kind });
      }
    }
    const others = [...g.members.map((m) => toMember(m.node)), ...copies.map((c) => c.member)]
      .sort((x, y) => x.doc - y.doc || x.paragraph - y.paragraph || (x.start ?? 0) - (y.start ?? 0));
    const members = [center, ...others];
    const docs = new Set(members.map((m) => m.doc));
    let kind: Kind = 'exact';
    for (const m of [...g.members, ...copies]) if (KIND_RANK[m.kind] > KIND_RANK[kind]) kind = m.kind;
    const cp = table.passages[g.center];
    const cn = normOf(cp.para);
    const text = analyses[center.doc].paragraphs[center.paragraph].text;
    clusters.push({
      id: 0,
      scope: docs.size > 1 ? 'across' : 'within',
      kind,
      boilerplate: docs.size >= docCountFloor,
      docCount: docs.size,
      similarity: Math.round(lowest(g.members) * 10000) / 10000,
      chars: center.start === undefined ? countChars(text) : countChars(text, center.start, center.end),
      key: contentKey(cn.masked, cp.start, cp.end),
      members,
    });
  }
  clusters.sort(
    (x, y) =>
      Number(x.boilerplate) - Number(y.boilerplate) ||
      y.chars - x.chars ||
      x.docCount - y.docCount ||
      x.members[0].doc - y.members[0].doc ||
      x.members[0].paragraph - y.members[0].paragraph ||
      (x.members[0].start ?? 0) - (y.members[0].start ?? 0),
  );
  clusters.forEach((c, i) => (c.id = i));

  const t3 = performance.now();
  const { scores, pairs: documentPairs } = scoreDocuments(
    analyses.map((a) => ({ paragraphs: a.paragraphs, chars: a.document.chars })),
    clusters,
  );
  if (stats) console.error({ clusters: Math.round(t3 - t2), scores: Math.round(performance.now() - t3) });
  return {
    schema: 1,
    tool: 'refrain',
    version: VERSION,
    settings: { ...settings },
    documents: analyses.map((a, id) => ({
      id,
      path: a.document.path,
      encoding: a.document.encoding,
      format: a.document.format,
      hash: a.document.hash,
      chars: a.document.chars,
      ...scores[id],
      paragraphs: a.paragraphs.map((p) => ({ ...p })),
    })),
    clusters,
    documentPairs,
    diagnostics: [...diagnostics].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)),
  };
}

/** The lowest similarity of a group's members (a loop: page chrome has a member in every report, too many to spread into Math.min's arguments). */
function lowest(members: Array<{ similarity: number }>): number {
  let min = Infinity;
  for (const m of members) if (m.similarity < min) min = m.similarity;
  return min;
}

/** A finding's content key: the representative passage's comparison text (digits masked), hashed. */
function contentKey(masked: Uint32Array, start: number, end: number): string {
  const h1 = hashRange(masked, start, end, 0x1234567).toString(16).padStart(8, '0');
  const h2 = hashRange(masked, start, end, 0x7654321).toString(16).padStart(8, '0');
  return h1 + h2;
}
