import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { TokenStreams } from '../../types.js';
import type { FlatUnits } from '../batch.js';
import { OFFERS_KEPT, type Offers } from '../leaders/offers.js';
import { anchorsOf } from '../runs/shared-runs.js';
import type { Candidates } from './source.js';
import { appendColumns, candidateSql, forEachChunk } from './tables.js';
import { printStats } from '../../util/stats.js';

export interface DuckDBOptions {
  /** Folder for the database and what DuckDB spills (a fresh folder inside is removed at the end). */
  scratch?: string;
  /** DuckDB's memory limit, e.g. '4GB'; past it, DuckDB spills to the scratch folder. */
  memory?: string;
  threads?: number;
}

/** Anchor runs hashed and appended at a time: bounds what this thread holds, whatever the batch. */
const RUN_PARTS_TOKENS = 20_000_000;

/**
 * Candidates computed by the queries in sql/ over DuckDB tables in a scratch folder: the keys are
 * written once, DuckDB groups them (spilling to disk past its memory limit), and the candidates
 * stream back in order.
 */
export async function openDuckDB(options: DuckDBOptions = {}): Promise<Candidates> {
  const scratch = mkdtempSync(join(options.scratch ?? tmpdir(), 'refrain-duckdb-'));
  let instance: DuckDBInstance | undefined;
  try {
    instance = await DuckDBInstance.create(join(scratch, 'candidates.duckdb'), {
      threads: String(options.threads ?? availableParallelism()),
      memory_limit: options.memory ?? '2GB',
      temp_directory: join(scratch, 'spill'),
      preserve_insertion_order: 'false',
    });
    const connection = await instance.connect();
    const opened = instance;
    return {
      offers: (units) => offers(connection, units),
      partners: (leaders, streams) => partners(connection, leaders, streams),
      close: () => {
        connection.closeSync();
        opened.closeSync();
        rmSync(scratch, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  } catch (e) {
    instance?.closeSync();
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
}

async function offers(connection: DuckDBConnection, units: FlatUnits): Promise<Offers> {
  const started = performance.now();
  const { wholeCount: count, bands, wholeKeys, wholePara } = units;
  await connection.run('CREATE OR REPLACE TABLE units (u INT, para INT, band INT, bucket INT)');
  const rows = count * bands;
  const u = new Int32Array(rows);
  const para = new Int32Array(rows);
  const band = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    u[i] = Math.floor(i / bands);
    para[i] = wholePara[u[i]];
    band[i] = i - u[i] * bands;
  }
  await appendColumns(connection, 'units', [u, para, band, wholeKeys]);
  const written = performance.now();
  const out: Offers = {
    para: new Uint32Array(count * OFFERS_KEPT),
    votes: new Uint16Array(count * OFFERS_KEPT),
    count: new Uint8Array(count),
  };
  await forEachChunk(connection, candidateSql('offers'), ([unit, slot, hub, votes], rows) => {
    for (let i = 0; i < rows; i++) {
      out.para[unit[i] * OFFERS_KEPT + slot[i] - 1] = hub[i];
      out.votes[unit[i] * OFFERS_KEPT + slot[i] - 1] = votes[i];
      out.count[unit[i]] = slot[i];
    }
  });
  await connection.run('DROP TABLE units');
  printStats({ offersWritten: Math.round(written - started), offersQuery: Math.round(performance.now() - written) });
  return out;
}

async function partners(
  connection: DuckDBConnection,
  leaders: Uint32Array,
  streams: TokenStreams,
): Promise<Float64Array> {
  const started = performance.now();
  await connection.run('CREATE OR REPLACE TABLE runs (run INT, para INT)');
  let tokens = 0;
  for (let i = 0; i < leaders.length; i++)
    tokens += streams.tokenStart[leaders[i] + 1] - streams.tokenStart[leaders[i]];
  const parts = Math.max(1, Math.ceil(tokens / RUN_PARTS_TOKENS));
  const repeated = new Map<number, number>();
  for (let part = 0; part < parts; part++) {
    const onRepeat = (gp: number, runs: number) => repeated.set(gp, (repeated.get(gp) ?? 0) + runs);
    const anchors = anchorsOf(leaders, streams, part, parts, onRepeat);
    await appendColumns(connection, 'runs', [anchors.keys, anchors.group], anchors.count);
  }
  await connection.run('CREATE OR REPLACE TABLE repeats (para INT, runs INT)');
  await appendColumns(connection, 'repeats', [Int32Array.from(repeated.keys()), Int32Array.from(repeated.values())]);
  const written = performance.now();
  const paragraphCount = streams.tokenStart.length - 1;
  let keys = new Float64Array(1 << 16);
  let n = 0;
  await forEachChunk(connection, candidateSql('partners'), ([a, b], rows) => {
    if (n + rows > keys.length) {
      const grown = new Float64Array(Math.max(keys.length * 2, n + rows));
      grown.set(keys);
      keys = grown;
    }
    for (let i = 0; i < rows; i++) keys[n++] = a[i] * paragraphCount + b[i];
  });
  await connection.run('DROP TABLE runs; DROP TABLE repeats');
  printStats({
    runsWritten: Math.round(written - started),
    partnersQuery: Math.round(performance.now() - written),
    pairs: n,
  });
  return keys.slice(0, n);
}
