import { availableParallelism } from 'node:os';
import type { TokenStreams } from '../../types.js';
import type { RelateOptions } from '../align/relate.js';
import { addCounts, atLeast, sharedRuns, type PairCounts } from '../runs/shared-runs.js';
import type { CompareJob, CompareWorkerData } from './compare-worker.js';
import { threadCount, workerScript } from '../../util/workers.js';
import { templateOf, type MemberText } from '../templates/template.js';
import type { Template } from '../../types.js';
import { WorkerPool } from '../../util/worker-pool.js';
import { tokensAt } from '../../read/token-streams.js';
import { verifyRange, wholeMatches, type PairFinding } from '../align/verify-pairs.js';
import { countRuns, RunTable, type Counted } from '../judge/run-table.js';

/** The compiled comparing worker; undefined when there is none to start (the stages then run here). */
export const COMPARE_WORKER = workerScript('compare-worker', import.meta.url);
const workerUrl = COMPARE_WORKER;

/** Below this many paragraphs, starting workers costs more than it saves. */
const MIN_PARAGRAPHS_FOR_WORKERS = 20_000;
/** Pairs per message: small enough to balance the workers, large enough to amortise messaging. */
const JOB = 8_192;

/**
 * Worker threads for the batch-wide stages whose items are independent (pairing shared runs,
 * aligning pairs). They read the token streams in shared memory. Opened only for large batches and
 * when the compiled worker script exists.
 */
export function openComparePool(
  streams: TokenStreams,
  docOf: Uint32Array,
  options: RelateOptions,
  workers = availableParallelism(),
  minParagraphs = MIN_PARAGRAPHS_FOR_WORKERS,
): WorkerPool | undefined {
  const paragraphs = streams.tokenStart.length - 1;
  if (!workerUrl || threadCount(paragraphs, workers, minParagraphs) < 1) return undefined;
  const data: CompareWorkerData = { streams, docOf, options };
  return new WorkerPool(workerUrl, data, workers);
}

/**
 * Aligns every pair (keys a * paragraphCount + b, sorted) and returns what they share, in pair
 * order whichever worker finished first.
 */
export async function verifyPairs(
  pairs: Float64Array,
  streams: TokenStreams,
  options: RelateOptions,
  pool?: WorkerPool,
  /** Called with the number of pairs aligned so far, as slices finish. */
  onDone?: (pairs: number) => void,
): Promise<PairFinding[]> {
  const count = streams.tokenStart.length - 1;
  if (!pool) {
    // In slices, saying how far it got after each: one slice of very long paragraphs can take
    // seconds, and the progress line (drawn by a thread of its own) shows the count moving.
    const found: PairFinding[] = [];
    for (let first = 0; first < pairs.length;) {
      const end = sliceEnd(pairs, first, count, streams.tokenStart);
      for (const f of verifyRange(pairs, first, end, count, (gp) => tokensAt(streams, gp), options)) found.push(f);
      first = end;
      onDone?.(first);
    }
    return found;
  }
  const jobs: Array<Promise<PairFinding[]>> = [];
  let done = 0;
  for (let first = 0; first < pairs.length; first += JOB) {
    const slice = pairs.slice(first, Math.min(first + JOB, pairs.length));
    const size = slice.length;
    const job: CompareJob = { kind: 'verify', pairs: slice, first };
    jobs.push(
      pool.run<PairFinding[]>(job, [slice.buffer]).then((found) => {
        onDone?.((done += size));
        return found;
      }),
    );
  }
  return (await Promise.all(jobs)).flat();
}

/** Tokens (both sides of each pair) aligned on this thread between two reports of progress. */
const SLICE_TOKENS = 200_000;

/** Where the slice of pairs starting at `first` ends: at JOB pairs, or once it holds SLICE_TOKENS tokens. */
function sliceEnd(pairs: Float64Array, first: number, count: number, tokenStart: Uint32Array): number {
  let tokens = 0;
  let i = first;
  while (i < pairs.length && i - first < JOB && tokens < SLICE_TOKENS) {
    const a = Math.floor(pairs[i] / count);
    const b = pairs[i] - a * count;
    tokens += tokenStart[a + 1] - tokenStart[a] + tokenStart[b + 1] - tokenStart[b];
    i++;
  }
  return i;
}

/**
 * Runs one part of the pairing holds at most: about 16 bytes each, twice over while sorting, so
 * some 0.65 GB a worker. At 100,000 reports a part per core would hold 90 M runs, 3 GB a worker.
 */
const RUNS_PER_PART = 20_000_000;

/**
 * sharedRuns over all paragraphs given, split by run hash over the pool's workers: one part per
 * core, or more for a large batch, so that no worker holds more than RUNS_PER_PART runs at once.
 */
export async function countSharedRuns(
  paragraphs: Uint32Array,
  streams: TokenStreams,
  pool?: WorkerPool,
  parts?: number,
  min = 1,
): Promise<PairCounts> {
  if (parts === undefined) {
    let tokens = 0;
    for (let i = 0; i < paragraphs.length; i++)
      tokens += streams.tokenStart[paragraphs[i] + 1] - streams.tokenStart[paragraphs[i]];
    parts = Math.max(availableParallelism(), Math.ceil(tokens / RUNS_PER_PART));
  }
  if (!pool || parts < 2) return atLeast(sharedRuns(paragraphs, streams), min);
  const jobs: Array<Promise<PairCounts>> = [];
  for (let part = 0; part < parts; part++) {
    const job: CompareJob = { kind: 'runs', paragraphs, part, parts };
    jobs.push(pool.run<PairCounts>(job));
  }
  return addCounts(await Promise.all(jobs), min);
}

/** wholeMatches over the pool, in slices; the results in pair order. */
export async function wholeMatchesPooled(
  leaders: Uint32Array,
  followers: Uint32Array,
  streams: TokenStreams,
  options: RelateOptions,
  pool?: WorkerPool,
): Promise<{ kinds: Int8Array; similarity: Float64Array }> {
  if (!pool) return wholeMatches(leaders, followers, (gp) => tokensAt(streams, gp), options);
  const jobs: Array<Promise<{ kinds: Int8Array; similarity: Float64Array }>> = [];
  for (let first = 0; first < leaders.length; first += JOB) {
    const end = Math.min(first + JOB, leaders.length);
    const job: CompareJob = {
      kind: 'whole',
      leaders: leaders.slice(first, end),
      followers: followers.slice(first, end),
    };
    jobs.push(pool.run(job));
  }
  const kinds = new Int8Array(leaders.length);
  const similarity = new Float64Array(leaders.length);
  (await Promise.all(jobs)).forEach((r, j) => {
    kinds.set(r.kinds, j * JOB);
    similarity.set(r.similarity, j * JOB);
  });
  return { kinds, similarity };
}

/** Findings' places per message when their templates are made on the pool. */
const TEMPLATE_JOB = 256;

/** The template of each group of members (see templateOf), in order, on the pool when there is one. */
export async function templatesOf(groups: MemberText[][], pool?: WorkerPool): Promise<Array<Template | undefined>> {
  if (!pool) return groups.map((g) => templateOf(g));
  const jobs: Array<Promise<Array<Template | undefined>>> = [];
  for (let first = 0; first < groups.length; first += TEMPLATE_JOB) {
    const job: CompareJob = { kind: 'templates', groups: groups.slice(first, first + TEMPLATE_JOB) };
    jobs.push(pool.run(job));
  }
  return (await Promise.all(jobs)).flat();
}

/**
 * Counts in how many documents each run of `table` stands over the whole batch (see countRuns):
 * on the pool, when there is one, each worker a slice of the batch that splits no document, all
 * counting into the table's shared memory.
 */
export async function countStockRuns(
  table: RunTable,
  streams: TokenStreams,
  docOf: Uint32Array,
  counted: Counted,
  pool?: WorkerPool,
): Promise<void> {
  const total = counted.paragraphs.length;
  if (!pool) return countRuns(table, streams, docOf, counted);
  const runs = table.shared();
  const slices = availableParallelism();
  const jobs: Array<Promise<void>> = [];
  let from = 0;
  for (let s = 1; s <= slices && from < total; s++) {
    let to = s === slices ? total : Math.floor((total * s) / slices);
    while (to < total && to > 0 && docOf[counted.paragraphs[to]] === docOf[counted.paragraphs[to - 1]]) to++;
    if (to <= from) continue;
    const slice: Counted = { paragraphs: counted.paragraphs.slice(from, to), docs: counted.docs.slice(from, to) };
    const job: CompareJob = { kind: 'stock', runs, counted: slice };
    jobs.push(pool.run<void>(job, [slice.paragraphs.buffer, slice.docs.buffer] as ArrayBuffer[]));
    from = to;
  }
  await Promise.all(jobs);
}
