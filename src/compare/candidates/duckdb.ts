import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Candidates } from './source.js';
import type { FlatUnits } from '../batch.js';
import type { Offers } from '../leaders/offers.js';
import type { TokenStreams } from '../../types.js';
import type { WorkerPool } from '../../util/worker-pool.js';
import { candidateSql } from './tables.js';
import { readOffers, readPartners, writeRuns, writeUnits } from './steps.js';
import { printStats } from '../../util/stats.js';

export interface DuckDBOptions {
  /** Folder for the database and what DuckDB spills (a fresh folder inside is removed at the end). */
  scratch?: string;
  /** DuckDB's memory limit, e.g. '4GB'; past it, DuckDB spills to the scratch folder. */
  memory?: string;
  /**
   * Without `memory`: the limit DuckDB starts with (default MEMORY_LIMIT). A query that runs out
   * of it runs again with twice as much, up to a quarter of the machine's memory.
   */
  growFrom?: string;
  threads?: number;
}

/**
 * DuckDB's memory by default. 512 MB took the same time as 1 and 2 GB on the benchmark's batches
 * of 10,000 reports (DuckDB spills what does not fit), and ran the queries of 100,000 reports in
 * 50 and 64 s with 850 MB at most; a larger limit only raised the scan's peak (the stock-dense
 * batch: 2.03 GB at 512 MB, 2.89 GB at 1 GB). The offers of 300,000 reports needed more: a step
 * that runs out runs again with twice as much (openDuckDB).
 */
const MEMORY_LIMIT = '512MB';

/**
 * Bytes in a size DuckDB reads ('512MB', '1.5GB', '4GiB'): its KB, MB… are powers of 1000, its
 * KiB, MiB… of 1024.
 */
export function sizeInBytes(size: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT])(i?)B$/i.exec(size.trim());
  if (!m) throw new Error(`not a size: ${size}`);
  return Number(m[1]) * (m[3] ? 1024 : 1000) ** ('KMGT'.indexOf(m[2].toUpperCase()) + 1);
}

/** DuckDB out of its memory limit: said as such by a query, as an allocation failure by an append. */
const isOutOfMemory = (error: unknown) =>
  /Out of Memory Error|(could not|failed to) allocate|failed to pin block/i.test((error as Error).message);

/** A DuckDB database in a fresh folder inside `scratch`, spilling there past its memory limit. */
export async function openScratchDatabase(
  options: DuckDBOptions = {},
): Promise<{ connection: DuckDBConnection; close: () => void }> {
  const folder = mkdtempSync(join(options.scratch ?? tmpdir(), 'refrain-duckdb-'));
  let instance: DuckDBInstance | undefined;
  try {
    instance = await DuckDBInstance.create(join(folder, 'candidates.duckdb'), {
      threads: String(options.threads ?? availableParallelism()),
      memory_limit: options.memory ?? MEMORY_LIMIT,
      temp_directory: join(folder, 'spill'),
      preserve_insertion_order: 'false',
    });
    const connection = await instance.connect();
    const opened = instance;
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      connection.closeSync();
      opened.closeSync();
      rmSync(folder, { recursive: true, force: true });
    };
    return { connection, close };
  } catch (e) {
    instance?.closeSync();
    rmSync(folder, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Candidates computed by the queries in sql/ over DuckDB tables in a scratch folder: the keys are
 * written once, DuckDB groups them (spilling to disk past its memory limit), and the candidates
 * stream back in order.
 */
export async function openDuckDB(options: DuckDBOptions = {}): Promise<Candidates> {
  let memory = options.memory ?? options.growFrom ?? MEMORY_LIMIT;
  // Opened now, so a scratch folder that cannot hold it fails before any work.
  let database: Awaited<ReturnType<typeof openScratchDatabase>> | undefined = await openScratchDatabase({
    ...options,
    memory,
  });
  // A limit the user gave is kept; the default one grows for a query that needs more (the offers
  // of 300,000 reports ran out of 512 MB), up to a quarter of the machine's memory.
  const ceiling = options.memory === undefined ? Math.max(sizeInBytes(memory), totalmem() / 4) : 0;
  // DuckDB's own failures (its memory limit, a full disk) are the machine's, not refrain's bugs.
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const said = (error as Error).message.split('\n')[0];
      throw new EngineError(
        `the duckdb engine stopped: ${said}; give it more memory than ${memory} (--engine-memory) ` +
          'or a scratch folder with more room (--scratch)',
      );
    }
  };
  // Each step has a database of its own, closed once its candidates are read: what DuckDB took
  // goes back to the system for the phase that follows (phase 1 lasts longer than both queries).
  const step = <T>(work: (connection: DuckDBConnection, roomy: Roomy) => Promise<T>): Promise<T> =>
    guarded(async () => {
      database ??= await openScratchDatabase({ ...options, memory });
      const { connection } = database;
      const roomy: Roomy = (part) =>
        withRoom(part, memory, ceiling, async (more) => {
          memory = more;
          printStats({ duckdbMemory: memory });
          await connection.run(`SET memory_limit = '${memory}'`);
        });
      try {
        return await work(connection, roomy);
      } finally {
        database.close();
        database = undefined;
      }
    });
  return {
    offers: (units) => step((connection, roomy) => offers(connection, units, roomy)),
    partners: (leaders, streams, pool) =>
      step((connection, roomy) => partners(connection, leaders, streams, pool, roomy)),
    close: () => Promise.resolve(database?.close()),
  };
}

/**
 * Runs a part of a step, again with more memory should it run out (see withRoom). A table is
 * written in one part and queried in another: a query that runs again reads the table as written.
 */
type Roomy = <T>(part: () => Promise<T>) => Promise<T>;

/**
 * Runs `step`; should it run out of memory, has `grow` give DuckDB twice the limit it had and
 * runs it again, until the limit would pass `ceiling` bytes.
 */
export async function withRoom<T>(
  step: () => Promise<T>,
  limit: string,
  ceiling: number,
  grow: (limit: string) => Promise<void>,
): Promise<T> {
  for (;;) {
    try {
      return await step();
    } catch (error) {
      const more = sizeInBytes(limit) * 2;
      if (!isOutOfMemory(error) || more > ceiling) throw error;
      limit = `${Math.round(more / 1e6)}MB`;
      await grow(limit);
    }
  }
}

/** DuckDB could not compute the candidates: out of memory, out of disk. */
export class EngineError extends Error {
  override name = 'EngineError';
}

async function offers(connection: DuckDBConnection, units: FlatUnits, roomy: Roomy): Promise<Offers> {
  const started = performance.now();
  await roomy(() => writeUnits(connection, units));
  // The table holds the keys now: the analyses' own may go before the query takes its memory.
  units.spent();
  const written = performance.now();
  const found = await roomy(() => readOffers(connection, candidateSql('offers'), units.wholeCount));
  printStats({ offersWritten: Math.round(written - started), offersQuery: Math.round(performance.now() - written) });
  return found;
}

async function partners(
  connection: DuckDBConnection,
  leaders: Uint32Array,
  streams: TokenStreams,
  pool: WorkerPool | undefined,
  roomy: Roomy,
): Promise<Float64Array> {
  const started = performance.now();
  await roomy(() => writeRuns(connection, leaders, streams, pool));
  const written = performance.now();
  const pairs = await roomy(() => readPartners(connection, candidateSql('partners'), streams.tokenStart.length - 1));
  const query = Math.round(performance.now() - written);
  printStats({ runsWritten: Math.round(written - started), partnersQuery: query, pairs: pairs.length });
  return pairs;
}
