import type { Candidates } from './source.js';
import { inMemory } from './in-memory.js';
import type { DuckDBOptions } from './duckdb.js';

/** Where candidate pairs are computed: here in typed arrays, or in DuckDB tables that spill to disk. */
export type Engine = 'memory' | 'duckdb';
export const ENGINES: readonly Engine[] = ['memory', 'duckdb'];

export interface CandidateOptions {
  engine?: Engine;
  duckdb?: DuckDBOptions;
  /**
   * A folder where candidate steps are handed to an engine outside refrain (Spark, or DuckDB by
   * `refrain candidates`) as Parquet tables, and their outputs taken back (exchange.ts).
   */
  exchange?: string;
}

/**
 * Whether a scan keeps its token streams on disk rather than in memory: with DuckDB, or another
 * engine outside refrain, the batch is one that memory may not hold.
 */
export function outOfCore(options: CandidateOptions): boolean {
  return options.engine === 'duckdb' || options.exchange !== undefined;
}

export async function openCandidates(options: CandidateOptions = {}): Promise<Candidates> {
  if (options.exchange !== undefined) {
    const { openExchange } = await import('./exchange.js');
    return openExchange(options.exchange);
  }
  if (options.engine !== 'duckdb') return inMemory;
  // DuckDB's native library loads only when asked for.
  const { openDuckDB } = await import('./duckdb.js');
  return openDuckDB(options.duckdb);
}

export type { Candidates } from './source.js';
export type { DuckDBOptions } from './duckdb.js';
export { PARTNERS, MIN_SHARED_RUNS } from './source.js';
