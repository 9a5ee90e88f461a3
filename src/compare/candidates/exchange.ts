import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Candidates } from './source.js';
import { openScratchDatabase } from './duckdb.js';
import { readOffers, readPartners, STEPS, writeRuns, writeUnits, type Step } from './steps.js';

/**
 * Said when a candidate step has to run outside refrain: its input tables are written to the
 * exchange folder as Parquet, and the scan stops until the step's output is there.
 */
export class CandidatesPending extends Error {
  override name = 'CandidatesPending';
  constructor(
    readonly step: Step,
    readonly folder: string,
  ) {
    super(
      `candidate step '${step}' runs outside refrain: its tables (${STEPS[step].inputs.join(', ')}) are in ${folder}; ` +
        `run sql/${step}.sql on them (here: refrain candidates ${folder}; on Spark: see the README, ` +
        `"Larger than one machine"), then run this scan again`,
    );
  }
}

/** The exchange folder holds something refrain cannot use: a foreign manifest, a step output of the wrong shape. */
export class ExchangeError extends Error {
  override name = 'ExchangeError';
}

/** The exchange folder's own record: which input each step's output must have been computed from. */
export interface ExchangeManifest {
  format: 'refrain-candidates 1';
  /** The step whose output refrain waits for, if any. */
  pending: Step | null;
  /** A fingerprint of each step's input tables as refrain last wrote them. */
  inputs: Partial<Record<Step, string>>;
}

const MANIFEST = 'manifest.json';

export function readManifest(folder: string): ExchangeManifest {
  const file = join(folder, MANIFEST);
  if (!existsSync(file)) return { format: 'refrain-candidates 1', pending: null, inputs: {} };
  let manifest: ExchangeManifest | undefined;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as ExchangeManifest;
  } catch {
    // Not JSON: said below.
  }
  if (manifest?.format !== 'refrain-candidates 1')
    throw new ExchangeError(`${file} is not a refrain candidate exchange`);
  return manifest;
}

function writeManifest(folder: string, manifest: ExchangeManifest): void {
  writeFileSync(join(folder, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
}

/** Where a table is in the folder: one Parquet file, or a folder of part files (as Spark writes). */
export function parquetSource(folder: string, table: string): string {
  const path = join(folder, `${table}.parquet`);
  const source = existsSync(path) && statSync(path).isDirectory() ? join(path, '*.parquet') : path;
  return `read_parquet('${source.replaceAll("'", "''")}')`;
}

/** Whether a step's output is there whole: a file, or a folder of parts its writer marked finished. */
function finished(output: string): boolean {
  if (!existsSync(output)) return false;
  return !statSync(output).isDirectory() || existsSync(join(output, '_SUCCESS'));
}

/** Order-independent fingerprint of tables' rows: the same batch and settings give the same one. */
async function fingerprint(connection: DuckDBConnection, tables: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const reader = await connection.runAndReadAll(
      `SELECT COUNT(*)::VARCHAR, COALESCE(SUM(hash(COLUMNS(*)))::VARCHAR, '0') FROM ${table}`,
    );
    parts.push(`${table}:${reader.getRows()[0].join(':')}`);
  }
  return parts.join(' ');
}

/**
 * Candidates computed elsewhere (Spark on a cluster, DuckDB here): each step's input tables go to
 * `folder` as Parquet and the scan stops (CandidatesPending); once the step's output is in the
 * folder, computed from those very inputs, the next scan of the same batch reads it and goes on.
 */
export async function openExchange(folder: string): Promise<Candidates> {
  const { connection, close } = await openScratchDatabase({ scratch: folder });
  const step = async <T>(name: Step, write: () => Promise<void>, read: (source: string) => Promise<T>) => {
    await write();
    const inputs = STEPS[name].inputs;
    const wrote = await fingerprint(connection, inputs);
    const manifest = readManifest(folder);
    const output = join(folder, `${name}.parquet`);
    // An output is read only when computed from these very inputs: refrain removes the outputs of
    // older inputs as it writes new ones, and Spark marks a finished folder with _SUCCESS. The
    // same inputs already there, an output not yet finished is left alone: its job may be running.
    const written = inputs.every((table) => existsSync(join(folder, `${table}.parquet`)));
    if (manifest.inputs[name] === wrote && written) {
      if (!finished(output)) throw new CandidatesPending(name, folder);
      const { columns, order } = STEPS[name];
      try {
        return await read(`SELECT ${columns} FROM ${parquetSource(folder, name)} ORDER BY ${order}`);
      } catch (error) {
        const problem = (error as Error).message.split('\n')[0];
        throw new ExchangeError(`${output} does not hold the step's columns (${columns}): ${problem}`);
      }
    }
    // New inputs: the outputs computed from older ones, this step's and the next, are stale.
    const stale = Object.keys(STEPS).slice(Object.keys(STEPS).indexOf(name));
    for (const s of stale) rmSync(join(folder, `${s}.parquet`), { recursive: true, force: true });
    for (const table of inputs) {
      const path = join(folder, `${table}.parquet`).replaceAll("'", "''");
      await connection.run(`COPY ${table} TO '${path}' (FORMAT parquet)`);
    }
    writeManifest(folder, { ...manifest, pending: name, inputs: { ...manifest.inputs, [name]: wrote } });
    throw new CandidatesPending(name, folder);
  };
  return {
    offers: (units) =>
      step(
        'offers',
        () => writeUnits(connection, units),
        (query) => readOffers(connection, query, units.wholeCount),
      ),
    partners: (leaders, streams, pool) =>
      step(
        'partners',
        () => writeRuns(connection, leaders, streams, pool),
        (query) => readPartners(connection, query, streams.tokenStart.length - 1),
      ),
    close: () => Promise.resolve(close()),
  };
}

/**
 * Runs the pending step's query on the folder's input tables with DuckDB and writes its output
 * beside them: what a Spark job does on a cluster, on this machine. Returns the step run.
 */
export async function runPendingStep(folder: string, sql: (step: Step) => string): Promise<Step> {
  const manifest = readManifest(folder);
  if (manifest.pending === null) throw new ExchangeError(`${folder} has no candidate step waiting: run the scan first`);
  const name = manifest.pending;
  const { connection, close } = await openScratchDatabase({ scratch: folder });
  try {
    for (const table of STEPS[name].inputs)
      await connection.run(`CREATE VIEW ${table} AS SELECT * FROM ${parquetSource(folder, table)}`);
    const output = join(folder, `${name}.parquet`);
    rmSync(output, { recursive: true, force: true });
    await connection.run(`COPY (${sql(name)}) TO '${output.replaceAll("'", "''")}' (FORMAT parquet)`);
  } finally {
    close();
  }
  writeManifest(folder, { ...manifest, pending: null });
  return name;
}
