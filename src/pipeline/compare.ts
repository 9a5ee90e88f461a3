import type { Analysis, Diagnostic, ResultCluster, ScanResult, ScanSettings } from '../types.js';
import type { RelateOptions, Relation } from '../verify/relate.js';
import { earlierCandidates } from '../lsh/leaders.js';
import { assignLeaders, type Leaders } from './phase1.js';
import { flattenUnits, indexParagraphs, BatchTokens, topPartners, type ParagraphIndex } from './units.js';
import { countSharedRuns, openComparePool, verifyPairs } from './compare-pool.js';
import type { WorkerPool } from './pool.js';
import { atLeast } from './anchors.js';
import { PassageTable } from '../cluster/passages.js';
import { starClusters } from '../cluster/star.js';
import { countStockRuns } from '../evidence/run-table.js';
import { scoreDocuments } from '../score/score.js';
import { MIN_WHOLE_TOKENS } from './settings.js';
import { buildFindings, type CopyEdge } from './findings.js';
import { canonicalOrder, inInputOrder } from './canonical.js';
import { rankFindings } from './rank.js';
import { joinSequences } from './sequences.js';
import { VERSION } from '../version.js';

/** Partners a leader paragraph is aligned with, most shared 6-token runs first. */
const PARTNERS = 16;
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
  const options: RelateOptions = { threshold: settings.threshold, minTokens: settings.minTokens, minWholeTokens: MIN_WHOLE_TOKENS };
  // Started now, the workers load while phase 1 runs on this thread.
  const pool = openComparePool(norms.arena, options);
  try {
    const clusters = await findCopies({ analyses: batch, settings, index, norms, options, pool, onStage });
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
    await pool?.close();
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
  for (const j of leaders.joins) record(j.leader, j.follower, j.rel);

  const leaderList: number[] = [];
  for (let gp = 0; gp < c.index.doc.length; gp++) if (leaders.leaderOf[gp] === gp) leaderList.push(gp);
  stats.stage(`pairing the shared 6-token runs of ${count(leaderList.length)} paragraphs`);
  const leaderParagraphs = Uint32Array.from(leaderList);
  const shared = await countSharedRuns(leaderParagraphs, c.norms.arena, c.pool);
  // Two shared runs at least: no copied passage in the corpus or the benchmark batches had
  // fewer, while most pairs that share one run share a stock phrase only.
  const toVerify = topPartners(atLeast(shared, 2), c.index.doc.length, PARTNERS);
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
  // Counted over every paragraph, near-identical copies included: a formula every report recites
  // word for word has one leader, and counting leaders would call it rare.
  const everyParagraph = new Uint32Array(c.index.doc.length).map((_, gp) => gp);
  const runs = countStockRuns(
    groups.map((g) => passages.passages[g.center].para),
    everyParagraph,
    c.norms.arena,
    c.index.doc,
  );
  const findings = buildFindings(groups, {
    analyses: c.analyses,
    index: c.index,
    norms: c.norms,
    passages: passages.passages,
    edges,
    copiesOf: leaders.copiesOf,
    runs,
    options: c.options,
  });
  stats.done();
  const lengthOf = (doc: number, paragraph: number) => c.analyses[doc].paragraphs[paragraph].text.length;
  return rankFindings(joinSequences(findings, lengthOf));
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
    if (print && current) console.error(`${current.name}: ${Math.round(performance.now() - current.at)} ms`);
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
