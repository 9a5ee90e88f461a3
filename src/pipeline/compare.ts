import type { Analysis, Diagnostic, Kind, Normalized, ResultCluster, ResultMember, ScanResult, ScanSettings } from '../types.js';
import { candidatePairs } from '../lsh/candidates.js';
import { MIN_LONGEST, relate, type Relation } from '../verify/relate.js';
import { snapSpan } from '../verify/snap.js';
import { earlierCandidates, OFFERS_KEPT } from '../lsh/leaders.js';
import { flattenUnits, sharedCount, NormCache, PairCollector, topPartners, type ParagraphIndex } from './units.js';
import { PassageTable } from '../cluster/passages.js';
import { starClusters, type Edge } from '../cluster/star.js';
import { scoreDocuments } from '../score/score.js';
import { countChars } from '../normalize/normalize.js';
import { hashRange } from '../util/hash.js';
import { MIN_WHOLE_TOKENS } from './settings.js';
import { VERSION } from '../version.js';

function indexParagraphs(analyses: Analysis[]): ParagraphIndex {
  const offset: number[] = [];
  let total = 0;
  for (const a of analyses) {
    offset.push(total);
    total += a.paragraphs.length;
  }
  const doc = new Uint32Array(total);
  const para = new Uint32Array(total);
  analyses.forEach((a, d) => {
    for (let p = 0; p < a.paragraphs.length; p++) {
      doc[offset[d] + p] = d;
      para[offset[d] + p] = p;
    }
  });
  return { offset, doc, para };
}

/** Leaders a paragraph is verified against before it becomes a leader itself. */
const LEADERS_TRIED = 2;
/** Partners a leader paragraph is checked against for shared passages, most collisions first. */
const PARTNERS = 8;

function swap(r: Relation): Relation {
  return { aStart: r.bStart, aEnd: r.bEnd, bStart: r.aStart, bEnd: r.aEnd, kind: r.kind, similarity: r.similarity };
}

const KIND_RANK: Record<Kind, number> = { exact: 0, numbers: 1, near: 2, partial: 3 };

/**
 * Batch-wide work: LSH candidates between paragraphs, alignment of each candidate pair into
 * copied passages, star clustering of the passages, scores. Document ids are array positions.
 */
export function compareAnalyses(analyses: Analysis[], settings: ScanSettings, diagnostics: Diagnostic[] = []): ScanResult {
  const index = indexParagraphs(analyses);
  const paragraphCount = index.doc.length;

  const norms = new NormCache(analyses, index);
  const normOf = (gp: number) => norms.get(gp);
  const table = new PassageTable();
  const edges: Edge[] = [];
  const options = { threshold: settings.threshold, minTokens: settings.minTokens, minWholeTokens: MIN_WHOLE_TOKENS };
  const record = (ga: number, gb: number, na: Normalized, nb: Normalized, r: Relation) => {
    const aWhole = r.aStart === 0 && r.aEnd === na.masked.length;
    const bWhole = r.bStart === 0 && r.bEnd === nb.masked.length;
    const pa = table.id(ga, r.aStart, r.aEnd, aWhole);
    const pb = table.id(gb, r.bStart, r.bEnd, bWhole);
    edges.push({ u: pa, v: pb, kind: r.kind, similarity: r.similarity });
  };

  // Phase 1: near-identical paragraphs join the first paragraph of their kind (their leader),
  // verified against it alone. A template copied into ten thousand reports costs ten thousand
  // verifications, not fifty million.
  const t0 = performance.now();
  const units = flattenUnits(analyses, index, settings.bands);
  const leaderOf = new Int32Array(paragraphCount).fill(-1);
  const offers = earlierCandidates(units.wholeCount, settings.bands, units.wholeKeys, units.wholePara);
  for (let w = 0; w < units.wholeCount; w++) {
    const gp = units.wholePara[w];
    // Offers vote for their leaders; the two leaders with the most agreeing bands are tried.
    const ranked: Array<[number, number]> = [];
    for (let k = 0; k < offers.count[w]; k++) {
      const leader = leaderOf[offers.para[w * OFFERS_KEPT + k]];
      if (leader < 0) continue;
      const v = offers.votes[w * OFFERS_KEPT + k];
      const at = ranked.findIndex((r) => r[0] === leader);
      if (at >= 0) ranked[at][1] += v;
      else ranked.push([leader, v]);
    }
    ranked.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    ranked.length = Math.min(ranked.length, LEADERS_TRIED);
    leaderOf[gp] = gp;
    for (const [leader] of ranked) {
      const nl = normOf(leader);
      const np = normOf(gp);
      const rel = relate(nl, np, options);
      if (rel.length === 1 && rel[0].kind !== 'partial' && rel[0].aEnd - rel[0].aStart === nl.masked.length && rel[0].bEnd - rel[0].bStart === np.masked.length) {
        leaderOf[gp] = leader;
        record(leader, gp, nl, np, rel[0]);
        break;
      }
    }
  }

  const t1 = performance.now();
  // Phase 2: passages (clauses and partial copies) between leaders only, each paragraph checked
  // against the partners it collides with most often.
  const leaderUnits = units.select((gp) => leaderOf[gp] === gp);
  const collector = new PairCollector(paragraphCount);
  candidatePairs(leaderUnits, (a, b) => collector.add(a, b));
  const collisions = collector.counted();
  const tCount = performance.now();
  const statHist = new Map<string, number>();
  const toVerify = topPartners(collisions, paragraphCount, PARTNERS);
  const tTop = performance.now();
  if (process.env.REFRAIN_STATS) console.error({ paragraphs: paragraphCount, leaders: leaderUnits.count, collisionPairs: collisions.keys.length, verified: toVerify.length });
  for (const pair of toVerify) {
    const ga = Math.floor(pair / paragraphCount);
    const gb = pair - ga * paragraphCount;
    // A copied passage holds an exact run of MIN_LONGEST tokens and twelve shared tokens, so in
    // practice at least two common 6-token runs; most LSH candidates (topic words alone) have
    // one or none and need no alignment. Measured: no copied passage in the corpus or the
    // benchmark batches had fewer than two, while three in four rejected pairs did.
    if (sharedCount(norms.grams(ga, MIN_LONGEST), norms.grams(gb, MIN_LONGEST)) < 2) {
      if (process.env.REFRAIN_STATS) statHist.set('filtered', (statHist.get('filtered') ?? 0) + 1);
      continue;
    }
    const na = normOf(ga);
    const nb = normOf(gb);
    // The partner goes first: alignment indexes its second argument, and keeps that index while
    // the same paragraph is checked against its next partner.
    const rels = relate(nb, na, options).map(swap);
    if (process.env.REFRAIN_STATS) statHist.set(rels.length > 0 ? 'hit' : 'miss', (statHist.get(rels.length > 0 ? 'hit' : 'miss') ?? 0) + 1);
    for (const r of rels) record(ga, gb, na, nb, r);
  }
  const t2 = performance.now();
  if (process.env.REFRAIN_STATS) console.error([...statHist].sort(), { phase1: Math.round(t1 - t0), phase2: Math.round(t2 - t1), counting: Math.round(tCount - t1), top: Math.round(tTop - tCount), verify: Math.round(t2 - tTop) });

  const docCountFloor = Math.max(3, Math.ceil(settings.boilerplateShare * analyses.length));
  const clusters: ResultCluster[] = [];
  for (const g of starClusters(table.passages.length, edges)) {
    const toMember = (node: number): ResultMember => {
      const p = table.passages[node];
      const doc = index.doc[p.para];
      const paragraph = index.para[p.para];
      if (p.whole) return { doc, paragraph };
      const n = normOf(p.para);
      const [start, end] = snapSpan(analyses[doc].paragraphs[paragraph].text, n.starts[p.start], n.ends[p.end - 1]);
      return { doc, paragraph, start, end };
    };
    const center = toMember(g.center);
    const others = g.members
      .map((m) => toMember(m.node))
      .sort((x, y) => x.doc - y.doc || x.paragraph - y.paragraph || (x.start ?? 0) - (y.start ?? 0));
    const members = [center, ...others];
    const docs = new Set(members.map((m) => m.doc));
    let kind: Kind = 'exact';
    for (const m of g.members) if (KIND_RANK[m.kind] > KIND_RANK[kind]) kind = m.kind;
    const cp = table.passages[g.center];
    const cn = normOf(cp.para);
    const text = analyses[center.doc].paragraphs[center.paragraph].text;
    clusters.push({
      id: 0,
      scope: docs.size > 1 ? 'across' : 'within',
      kind,
      boilerplate: docs.size >= docCountFloor,
      docCount: docs.size,
      similarity: Math.round(Math.min(...g.members.map((m) => m.similarity)) * 10000) / 10000,
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

  const { scores, pairs: documentPairs } = scoreDocuments(
    analyses.map((a) => ({ paragraphs: a.paragraphs, chars: a.document.chars })),
    clusters,
  );
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

/** A finding's content key: the representative passage's comparison text (digits masked), hashed. */
function contentKey(masked: Uint32Array, start: number, end: number): string {
  const h1 = hashRange(masked, start, end, 0x1234567).toString(16).padStart(8, '0');
  const h2 = hashRange(masked, start, end, 0x7654321).toString(16).padStart(8, '0');
  return h1 + h2;
}
