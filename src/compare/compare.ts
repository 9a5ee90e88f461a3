import type { Analysis, Diagnostic, ResultCluster, ScanResult, ScanSettings } from '../types.js';
import type { RelateOptions } from './align/relate.js';
import { assignLeaders, type Leaders } from './leaders/assign.js';
import { flattenUnits, indexParagraphs, BatchTokens, type ParagraphIndex } from './batch.js';
import { countStockRuns, openComparePool, verifyPairs } from './workers/compare-pool.js';
import { openCandidates, outOfCore, type CandidateOptions, type Candidates } from './candidates/index.js';
import { TokenFile } from '../read/token-file.js';
import type { TextFile } from '../read/text-file.js';
import { readThrough, worthReading, type ReadThrough } from '../read/scratch-file.js';
import type { Counted, RunTable } from './judge/run-table.js';
import type { WorkerPool } from '../util/worker-pool.js';
import { printStats } from '../util/stats.js';
import { freemem } from 'node:os';
import { CopyGraph } from './cluster/passages.js';
import { starClusters } from './cluster/star.js';
import { buildFindings } from './judge/findings.js';
import { canonicalOrder, inInputOrder } from './canonical.js';
import { rankFindings } from './rank.js';
import { joinSequences } from './sequences.js';
import { assembleResult } from './result.js';
import { addTemplates } from './templates/index.js';

/**
 * Told what the comparison is doing: a stage begins, or (`step`) how far the current one has got,
 * e.g. "aligning 400,000/631,444 paragraph pairs". For a progress line and the stage timings.
 */
export type OnStage = (stage: string, step?: boolean) => void;

/** Where the comparison computes candidates, and keeps the batch's tokens. */
export interface CompareEngine extends CandidateOptions {
  /**
   * The file the batch's token streams go to when the engine is out of core (the reading phase
   * may have started it); without one, such a comparison opens its own in the scratch folder.
   */
  tokens?: TokenFile;
  /** The file the batch's paragraph text went to, when the engine is out of core. */
  texts?: TextFile;
  /** Scratch files smaller than this in all are left to reads at random (see worthReading). */
  readThroughFrom?: number;
  /** The analyses' band keys are wanted by no one after phase 1: they are let go once it has its candidates. */
  spendKeys?: boolean;
}

const count = (n: number) => n.toLocaleString('en');

/**
 * Batch-wide work: near-identical paragraphs grouped under leaders, leaders paired by shared runs
 * and aligned into copied passages, the passages clustered into findings, the evidence that tells
 * copies from stock text, scores. The documents are compared in an order of their content (not
 * their names or the order given), so the same files give the same findings however they are
 * named; the result lists them in the order given (document ids are array positions).
 */
export async function compareAnalyses(
  analyses: Analysis[],
  settings: ScanSettings,
  diagnostics: Diagnostic[] = [],
  onStage: OnStage = () => {},
  /** How many of the analyses, at the end, are reference documents rather than reports. */
  references = 0,
  /** Where candidate pairs are computed (candidates/): the result is the same on every engine. */
  engine: CompareEngine = {},
): Promise<ScanResult> {
  const order = canonicalOrder(analyses.map((a) => a.document));
  const firstReference = analyses.length - references;
  const ownTokens = !engine.tokens && outOfCore(engine) ? TokenFile.open(engine.duckdb?.scratch) : undefined;
  const candidates = await openCandidates(engine).catch((e: unknown) => {
    ownTokens?.close();
    throw e;
  });
  try {
    const c = openComparison(
      order.map((i) => analyses[i]),
      settings,
      onStage,
      (doc) => order[doc] >= firstReference,
      candidates,
      { tokens: engine.tokens ?? ownTokens, texts: engine.texts, from: engine.readThroughFrom },
      engine.spendKeys ?? false,
    );
    try {
      const findings = await findCopies(c);
      onStage('scoring reports');
      return inInputOrder(assembleResult(c.analyses, settings, findings, diagnostics), order);
    } finally {
      await c.pool?.close();
    }
  } finally {
    await candidates.close();
    ownTokens?.close();
  }
}

/** What every phase reads: the batch in comparison order, its tokens, and the worker pool. */
interface Comparison {
  analyses: Analysis[];
  settings: ScanSettings;
  index: ParagraphIndex;
  batchTokens: BatchTokens;
  options: RelateOptions;
  pool: WorkerPool | undefined;
  onStage: OnStage;
  isReference: (doc: number) => boolean;
  candidates: Candidates;
  spendKeys: boolean;
  /** The scratch files the comparison reads at random, if the batch is on disk. */
  scratch: Scratch;
}

/** The scratch files of an out-of-core batch, and from what size they are worth reading through. */
interface Scratch {
  tokens?: TokenFile;
  texts?: TextFile;
  from?: number;
}

function openComparison(
  batch: Analysis[],
  settings: ScanSettings,
  onStage: OnStage,
  isReference: (doc: number) => boolean,
  candidates: Candidates,
  scratch: Scratch,
  spendKeys: boolean,
): Comparison {
  const index = indexParagraphs(batch);
  const batchTokens = new BatchTokens(batch, index, scratch.tokens);
  // A paragraph repeated whole needs two thirds of a passage's length (8 of the default 12): page
  // chrome and titles are short.
  const minWholeTokens = Math.round((settings.minTokens * 2) / 3);
  const options: RelateOptions = { threshold: settings.threshold, minTokens: settings.minTokens, minWholeTokens };
  // Started now, the workers load while phase 1 runs on this thread.
  const pool = openComparePool(batchTokens.streams, index.doc, options);
  return {
    analyses: batch,
    settings,
    index,
    batchTokens,
    options,
    pool,
    onStage,
    isReference,
    candidates,
    spendKeys,
    scratch,
  };
}

/** The findings of a batch, ranked: the comparison's phases, one after the other. */
async function findCopies(c: Comparison): Promise<ResultCluster[]> {
  const graph = new CopyGraph(c.batchTokens.streams.tokenStart);
  const grouping = `grouping near-identical paragraphs (${count(c.index.doc.length)})`;
  c.onStage(grouping);
  const leaders = await groupNearIdentical(c, graph, grouping);
  const leaderParagraphs = leadersOf(leaders);
  c.onStage(`pairing the shared 6-token runs of ${count(leaderParagraphs.length)} paragraphs`);
  await alignLeaders(c, leaderParagraphs, graph);
  c.onStage(`grouping ${count(graph.edges.length)} copies into findings`);
  const groups = starClusters(graph.table.length, graph.edges);
  await readScratch(c, [c.scratch.texts, c.scratch.tokens]);
  c.onStage(`weighing what ${count(groups.length)} findings share`);
  const inputs = {
    analyses: c.analyses,
    index: c.index,
    batchTokens: c.batchTokens,
    passages: graph.table,
    edges: graph.edges,
    copiesOf: leaders.copiesOf,
    options: c.options,
    minContent: c.settings.minContent,
    isReference: c.isReference,
  };
  // Stock runs are counted in the leaders, each for the reports its near-identical copies stand in
  // too: a formula every report recites word for word has one leader, and counting leaders alone
  // would call it rare.
  const families = familyDocs(leaderParagraphs, leaders, c.index.doc);
  const stockRuns = (runs: RunTable) => countStockRuns(runs, c.batchTokens.streams, c.index.doc, families, c.pool);
  const findings = await buildFindings(groups, inputs, stockRuns);
  const lengthOf = (doc: number, paragraph: number) => c.analyses[doc].paragraphs[paragraph].text.length;
  const joined = joinSequences(findings, lengthOf);
  c.onStage(`templates of ${count(joined.length)} findings`);
  await addTemplates(joined, c.analyses, c.pool);
  return rankFindings(joined);
}

/** Phase 1: each paragraph near-identical to an earlier one joins it, its leader (leaders/assign.ts). */
async function groupNearIdentical(c: Comparison, graph: CopyGraph, stage: string): Promise<Leaders> {
  const units = flattenUnits(c.analyses, c.index, c.settings.bands, c.spendKeys);
  const offers = await c.candidates.offers(units);
  units.spent();
  await readScratch(c, [c.scratch.tokens], stage);
  const leaders = await assignLeaders(units.wholePara, offers, c.batchTokens.streams, c.options, c.pool);
  const { speculated, used, unforeseen, rounds, ms } = leaders;
  printStats({ speculated, used, unforeseen, rounds, ...ms });
  graph.reserve(leaders.joins.length);
  for (const j of leaders.joins) graph.add(j.leader, j.follower, j.rel);
  return leaders;
}

function leadersOf(leaders: Leaders): Uint32Array {
  const list: number[] = [];
  for (let gp = 0; gp < leaders.leaderOf.length; gp++) if (leaders.leaderOf[gp] === gp) list.push(gp);
  return Uint32Array.from(list);
}

/** Phase 2: leaders that share runs are paired, each with its best partners, and aligned. */
async function alignLeaders(c: Comparison, leaderParagraphs: Uint32Array, graph: CopyGraph): Promise<void> {
  const toVerify = await c.candidates.partners(leaderParagraphs, c.batchTokens.streams, c.pool);
  // The candidates are all there: an engine's tables and memory go now, not at the scan's end.
  await c.candidates.close();
  // Pairing leaves the workers' heaps at their largest, and V8 keeps what it grew: fresh workers
  // for what follows keep the scan's peak memory that much lower.
  if (c.pool) {
    await c.pool.close();
    c.pool = openComparePool(c.batchTokens.streams, c.index.doc, c.options);
  }
  await readScratch(c, [c.scratch.tokens]);
  const paragraphCount = c.index.doc.length;
  c.onStage(`aligning ${count(toVerify.length)} paragraph pairs`);
  const aligning = (done: number) =>
    c.onStage(`aligning ${count(done)}/${count(toVerify.length)} paragraph pairs`, true);
  aligning(0);
  for (const { at, rel } of await verifyPairs(toVerify, c.batchTokens.streams, c.options, c.pool, aligning)) {
    const a = Math.floor(toVerify[at] / paragraphCount);
    graph.add(a, toVerify[at] - a * paragraphCount, rel);
  }
}

/**
 * Reads the scratch files a stage is about to read at random from start to end first, when the
 * system's cache can hold them (read/scratch-file.ts): the candidate queries before it read and
 * wrote gigabytes of their own and pushed them out.
 */
async function readScratch(
  c: Comparison,
  files: Array<ReadThrough | undefined>,
  /** The stage the reading interrupts, begun again after it; none when the next stage begins. */
  resume?: string,
): Promise<void> {
  const worth = worthReading(
    files.filter((f) => f !== undefined),
    freemem(),
    c.scratch.from,
  );
  if (worth.length === 0) return;
  const gb = worth.reduce((sum, f) => sum + f.size, 0) / 2 ** 30;
  c.onStage(`reading ${gb.toFixed(1)} GB of scratch files back in order`);
  const started = performance.now();
  const bytes = await readThrough(worth);
  printStats({ readThrough: Math.round(performance.now() - started), bytes });
  if (resume) c.onStage(resume);
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
  const { joins } = leaders;
  for (let i = 0; i < joins.length; i++) {
    const leader = joins.leader(i);
    const d = docOf[joins.follower(i)];
    if (last[leader] === d) continue;
    last[leader] = d;
    docs[leader]++;
  }
  return { paragraphs, docs: Uint32Array.from(paragraphs, (gp) => docs[gp]) };
}
