import type { DuckDBConnection } from '@duckdb/node-api';
import type { TokenStreams } from '../../types.js';
import { PairCollector, type FlatUnits } from '../batch.js';
import { PARTNERS } from './source.js';
import { OFFERS_KEPT, type Offers } from '../leaders/offers.js';
import { anchorsOf } from '../runs/shared-runs.js';
import { appendColumns, forEachChunk } from './tables.js';
import { availableParallelism } from 'node:os';
import { resized } from '../../util/typed.js';
import type { WorkerPool } from '../../util/worker-pool.js';
import type { CompareJob } from '../workers/compare-worker.js';

/**
 * The two candidate steps as tables: what each reads (written by refrain) and what it gives back
 * (computed by sql/<step>.sql, in DuckDB or on a cluster). Column names and types are the
 * contract with the queries and with the Spark job.
 */
export const STEPS = {
  offers: { inputs: ['units'], columns: 'u, para, votes, arrival', order: 'u, arrival' },
  partners: { inputs: ['runs', 'repeats'], columns: 'p, q, weight', order: 'p, weight DESC, q' },
} as const;
export type Step = keyof typeof STEPS;

/** Tokens of leaders hashed and appended at a time: bounds what each thread holds, whatever the batch. */
const RUN_SLICE_TOKENS = 20_000_000;

/** Rows of `units` made and appended at a time: the table never stands in this thread's memory whole. */
const UNIT_ROWS = 1 << 20;

/** Table `units` (u, para, band, bucket): every whole paragraph's LSH band keys. */
export async function writeUnits(connection: DuckDBConnection, units: FlatUnits): Promise<void> {
  const { wholeCount: count, bands, wholePara } = units;
  await connection.run('CREATE OR REPLACE TABLE units (u INT, para INT, band INT, bucket INT)');
  const rows = count * bands;
  const size = Math.min(UNIT_ROWS - (UNIT_ROWS % bands), rows);
  const u = new Int32Array(size);
  const para = new Int32Array(size);
  const band = new Int32Array(size);
  const keys = new Uint32Array(size);
  for (let first = 0; first < rows; first += size) {
    const n = Math.min(size, rows - first);
    for (let i = 0; i < n; i++) {
      u[i] = Math.floor((first + i) / bands);
      para[i] = wholePara[u[i]];
      band[i] = (first + i) % bands;
    }
    units.copyWholeKeys(first, keys.subarray(0, n));
    await appendColumns(connection, 'units', [
      u.subarray(0, n),
      para.subarray(0, n),
      band.subarray(0, n),
      keys.subarray(0, n),
    ]);
  }
}

/** One part of the leaders' distinct anchor runs, and the leaders repeating runs of that part. */
export interface AnchorPart {
  keys: Uint32Array;
  group: Uint32Array;
  repeatedPara: Uint32Array;
  repeatedRuns: Uint32Array;
}

/** The anchor runs of some leaders (see anchorsOf), on this thread. */
export function anchorPart(leaders: Uint32Array, streams: TokenStreams): AnchorPart {
  const para: number[] = [];
  const runs: number[] = [];
  const found = anchorsOf(leaders, streams, 0, 1, (gp, n) => {
    para.push(gp);
    runs.push(n);
  });
  return {
    keys: found.keys.slice(0, found.count),
    group: found.group.slice(0, found.count),
    repeatedPara: Uint32Array.from(para),
    repeatedRuns: Uint32Array.from(runs),
  };
}

/**
 * Tables `runs` (run, para), every distinct anchor run of each leader, and `repeats` (para, runs),
 * leaders that hold runs twice. The leaders are hashed a slice at a time, on the pool's workers
 * when there are some, a slice per worker at once: each leader's tokens are read once, and this
 * thread never holds the runs of the whole batch. DuckDB groups the runs, so a slice need not
 * hold all the paragraphs of a run (the in-memory engine splits by run instead, and reads every
 * leader once per part: at 300,000 reports, with the tokens on disk, that was 20 minutes).
 */
export async function writeRuns(
  connection: DuckDBConnection,
  leaders: Uint32Array,
  streams: TokenStreams,
  pool?: WorkerPool,
): Promise<void> {
  await connection.run('CREATE OR REPLACE TABLE runs (run INT, para INT)');
  const slices = [0];
  for (let i = 0, tokens = 0; i < leaders.length; i++) {
    tokens += streams.tokenStart[leaders[i] + 1] - streams.tokenStart[leaders[i]];
    if (tokens >= RUN_SLICE_TOKENS && i + 1 < leaders.length) {
      slices.push(i + 1);
      tokens = 0;
    }
  }
  slices.push(leaders.length);
  const atOnce = pool ? availableParallelism() : 1;
  const sliceOf = (s: number): Promise<AnchorPart> => {
    const paragraphs = leaders.slice(slices[s], slices[s + 1]);
    return pool
      ? pool.run<AnchorPart>({ kind: 'anchors', paragraphs } satisfies CompareJob)
      : Promise.resolve(anchorPart(paragraphs, streams));
  };
  const repeated = new Map<number, number>();
  const count = slices.length - 1;
  for (let first = 0; first < count; first += atOnce) {
    const batch = Array.from({ length: Math.min(atOnce, count - first) }, (_, i) => sliceOf(first + i));
    for (const anchors of await Promise.all(batch)) {
      await appendColumns(connection, 'runs', [anchors.keys, anchors.group]);
      anchors.repeatedPara.forEach((gp, i) => repeated.set(gp, (repeated.get(gp) ?? 0) + anchors.repeatedRuns[i]));
    }
  }
  await connection.run('CREATE OR REPLACE TABLE repeats (para INT, runs INT)');
  await appendColumns(connection, 'repeats', [Int32Array.from(repeated.keys()), Int32Array.from(repeated.values())]);
}

/**
 * Offers from a query giving (u, para, votes, arrival) ordered by u, arrival: each unit's first
 * OFFERS_KEPT, as leaders/offers.ts keeps them; `count` units in all.
 */
export async function readOffers(connection: DuckDBConnection, query: string, count: number): Promise<Offers> {
  const start = new Uint32Array(count + 1);
  let para = new Uint32Array(Math.max(1024, count));
  let votes = new Uint16Array(para.length);
  let n = 0;
  let last = -1;
  await forEachChunk(connection, query, ([unit, hub, voted], rows) => {
    for (let i = 0; i < rows; i++) {
      const u = unit[i];
      if (u < last || u >= count) throw new Error(`offers come out of order or outside the batch's ${count} units`);
      last = u;
      if (start[u + 1] === OFFERS_KEPT) continue;
      if (n === para.length) {
        para = resized(para, 2 * n);
        votes = resized(votes, 2 * n);
      }
      para[n] = hub[i];
      votes[n++] = voted[i];
      start[u + 1]++;
    }
  });
  for (let u = 0; u < count; u++) start[u + 1] += start[u];
  return { start, para: para.slice(0, n), votes: votes.slice(0, n) };
}

/**
 * The pairs to align, as sorted keys a * paragraphCount + b (a <= b), from a query giving each
 * pair from both sides as (p, q, weight) ordered by p, weight descending, q: each paragraph's
 * first PARTNERS, a pair kept when either side keeps it, as batch.ts topPartners keeps them.
 */
export async function readPartners(
  connection: DuckDBConnection,
  query: string,
  paragraphCount: number,
): Promise<Float64Array> {
  const kept = new PairCollector(paragraphCount);
  let last = -1;
  let taken = 0;
  await forEachChunk(connection, query, ([p, q], rows) => {
    for (let i = 0; i < rows; i++) {
      if (p[i] < last || p[i] >= paragraphCount || q[i] < 0 || q[i] >= paragraphCount)
        throw new Error(`partners come out of order or outside the batch's ${paragraphCount} paragraphs`);
      if (p[i] !== last) {
        last = p[i];
        taken = 0;
      }
      if (taken++ >= PARTNERS) continue;
      if (p[i] <= q[i]) kept.add(p[i], q[i]);
      else kept.add(q[i], p[i]);
    }
  });
  return kept.counted().keys;
}
