import type { Analysis, Diagnostic, ResultCluster, ScanResult, ScanSettings } from '../types.js';
import type { RelateOptions, Relation } from './align/relate.js';
import { earlierCandidates } from './leaders/offers.js';
import { assignLeaders, type Leaders } from './leaders/assign.js';
import { flattenUnits, indexParagraphs, BatchTokens, topPartners, type ParagraphIndex } from './batch.js';
import { countSharedRuns, countStockRuns, openComparePool, verifyPairs } from './workers/compare-pool.js';
import type { Counted } from './judge/run-table.js';
import type { WorkerPool } from '../util/worker-pool.js';
import { PassageTable } from './cluster/passages.js';
import { starClusters } from './cluster/star.js';
import { scoreDocuments } from './score/score.js';
import { buildFindings, type CopyEdge } from './judge/findings.js';
import { canonicalOrder, inInputOrder } from './canonical.js';
import { rankFindings } from './rank.js';
import { joinSequences } from './sequences.js';
import { VERSION } from '../version.js';

/** Partners a leader paragraph is aligned with, most shared 6-token runs first. */
const PARTNERS = 8;
const count = (n: number) => n.toLocaleString('en');

/**
 * Batch-wide work: LSH candidates between paragraphs, alignment of each candidate pair into
 * copied passages, star clustering of the passages, the evidence that tells copies from stock
 * text, scores. The documents are compared in an order of their content (not their names or
 * the order given), so the same files give the same findings however they are named; the result
 * lists them in the order given (document ids are array positions).
 */
export async function compareAnalyses(
  analyses: Analysis[],
  settings: ScanSettings,
  diagnostics: Diagnostic[] = [],
  /** Told what the comparison is doing as it goes (for a progress line). */
  onStage: (stage: string) => void = () => {},
): Promise<ScanResult> {
  const order = canonicalOrder(analyses.map((a) => a.document));
  const batch = order.map((i) => analyses[i]);
  const index = indexParagraphs(batch);
  const norms = new BatchTokens(batch, index);
  // A paragraph repeated whole needs two thirds of a passage's length (8 of the default 12): page
  // chrome and titles are short.
  const options: RelateOptions = { threshold: settings.threshold, minTokens: settings.minTokens, minWholeTokens: Math.round((settings.minTokens * 2) / 3) };
  // Started now, the workers load while phase 1 runs on this thread.
  const c: Comparison = {
    analyses: batch,
    settings,
    index,
    norms,
    options,
    pool: openComparePool(norms.arena, index.doc, options),
    onStage,
  };
  try {
    const clusters = await findCopies(c);
    const { scores, pairs } = scoreDocuments(
      batch.map((a) => ({ paragraphs: a.paragraphs, chars: a.document.chars })),
      clusters,
    );
    const result: ScanResult = {
      schema: 1,
      tool: 'refrain',
      version: VERSION,
      settings: { ...settings },
      documents: batch.map((a, id) => ({
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
      documentPairs: pairs,
      diagnostics: [...diagnostics].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)),
    };
    return inInputOrder(result, order);
  } finally {
    await c.pool?.close();
  }
}

interface Comparison {
  analyses: Analysis[];
  settings: ScanSettings;
  index: ParagraphIndex;
  norms: BatchTokens;
  options: RelateOptions;
  pool: WorkerPool | undefined;
  onStage: (stage: string) => void;
}

/** The findings of a batch, ranked: the comparison's phases, one after the other. */
async function findCopies(c: Comparison): Promise<ResultCluster[]> {
  const stats = stageClock(c.onStage);
  const passages = new PassageTable();
  const edges: CopyEdge[] = [];
  const record = (ga: number, gb: number, rel: Relation) => {
    const length = (gp: number) => c.norms.arena.tokenStart[gp + 1] - c.norms.arena.tokenStart[gp];
    const u = passages.id(ga, rel.aStart, rel.aEnd, rel.aStart === 0 && rel.aEnd === length(ga));
    const v = passages.id(gb, rel.bStart, rel.bEnd, rel.bStart === 0 && rel.bEnd === length(gb));
    edges.push({ u, v, kind: rel.kind, similarity: rel.similarity, rel });
  };

  stats.stage(`grouping near-identical paragraphs (${count(c.index.doc.length)})`);
  const leaders = await groupParagraphs(c);
  if (process.env.REFRAIN_STATS) console.error({ speculated: leaders.speculated, used: leaders.used, unforeseen: leaders.unforeseen, rounds: leaders.rounds, ...leaders.ms });
  for (const j of leaders.joins) record(j.leader, j.follower, j.rel);

  const leaderList: number[] = [];
  for (let gp = 0; gp < c.index.doc.length; gp++) if (leaders.leaderOf[gp] === gp) leaderList.push(gp);
  stats.stage(`pairing the shared 6-token runs of ${count(leaderList.length)} paragraphs`);
  const leaderParagraphs = Uint32Array.from(leaderList);
  // Two shared runs at least: no copied passage in the corpus or the benchmark batches had
  // fewer, while most pairs that share one run share a stock phrase only.
  const shared = await countSharedRuns(leaderParagraphs, c.norms.arena, c.pool, undefined, 2);
  // Pairing leaves the workers' heaps at their largest, and V8 keeps what it grew: fresh workers
  // for what follows keep the scan's peak memory that much lower.
  if (c.pool) {
    await c.pool.close();
    c.pool = openComparePool(c.norms.arena, c.index.doc, c.options);
  }
  const toVerify = topPartners(shared, c.index.doc.length, PARTNERS);
  const aligning = (done: number) => c.onStage(`aligning ${count(done)}/${count(toVerify.length)} paragraph pairs`);
  stats.stage(`aligning ${count(toVerify.length)} paragraph pairs`);
  aligning(0);
  const paragraphCount = c.index.doc.length;
  for (const { at, rel } of await verifyPairs(toVerify, c.norms.arena, c.options, c.pool, aligning)) {
    const ga = Math.floor(toVerify[at] / paragraphCount);
    record(ga, toVerify[at] - ga * paragraphCount, rel);
  }

  stats.stage(`grouping ${count(edges.length)} copies into findings`);
  const groups = starClusters(passages.passages.length, edges);
  stats.stage(`weighing what ${count(groups.length)} findings share`);
  const findings = await buildFindings(
    groups,
    {
      analyses: c.analyses,
      index: c.index,
      norms: c.norms,
      passages: passages.passages,
      edges,
      copiesOf: leaders.copiesOf,
      options: c.options,
      minContent: c.settings.minContent,
    },
    // Counted in the leaders, each for the reports its near-identical copies stand in too: a
    // formula every report recites word for word has one leader, and counting leaders alone would
    // call it rare.
    (wanted) => countStockRuns(wanted, c.norms.arena, c.index.doc, familyDocs(leaderParagraphs, leaders, c.index.doc), c.pool),
  );
  stats.done();
  const lengthOf = (doc: number, paragraph: number) => c.analyses[doc].paragraphs[paragraph].text.length;
  return rankFindings(joinSequences(findings, lengthOf));
}

/** The leaders, each with how many reports it and its near-identical copies stand in. */
function familyDocs(paragraphs: Uint32Array, leaders: Leaders, docOf: Uint32Array): Counted {
  // Joins come in follower order, so each leader's followers' reports come in report order: a
  // report is new to the family when it differs from the last one counted for that leader.
  const docs = new Uint32Array(docOf.length);
  const last = new Int32Array(docOf.length).fill(-1);
  for (let i = 0; i < paragraphs.length; i++) {
    docs[paragraphs[i]] = 1;
    last[paragraphs[i]] = docOf[paragraphs[i]];
  }
  for (const j of leaders.joins) {
    const d = docOf[j.follower];
    if (last[j.leader] === d) continue;
    last[j.leader] = d;
    docs[j.leader]++;
  }
  return { paragraphs, docs: Uint32Array.from(paragraphs, (gp) => docs[gp]) };
}

/** Phase 1: near-identical paragraphs under one leader (see phase1.ts). */
async function groupParagraphs(c: Comparison): Promise<Leaders> {
  const units = flattenUnits(c.analyses, c.index, c.settings.bands);
  const offers = earlierCandidates(units.wholeCount, c.settings.bands, units.wholeKeys, units.wholePara);
  return assignLeaders(units.wholePara, offers, c.norms.arena, c.options, c.pool);
}

/**
 * Tells `onStage` what the comparison is doing; with REFRAIN_STATS=1, also prints how long each
 * stage took on stderr (for the benchmark).
 */
function stageClock(onStage: (stage: string) => void) {
  const print = Boolean(process.env.REFRAIN_STATS);
  let current: { name: string; at: number } | undefined;
  const end = () => {
    if (print && current) {
      const m = process.memoryUsage();
      const mb = (x: number) => Math.round(x / 2 ** 20);
      console.error(`${current.name}: ${Math.round(performance.now() - current.at)} ms, ${mb(m.rss)} MB (heap ${mb(m.heapUsed)}, buffers ${mb(m.arrayBuffers)})`);
    }
  };
  return {
    stage(name: string) {
      end();
      current = { name, at: performance.now() };
      onStage(name);
    },
    done: end,
  };
}
