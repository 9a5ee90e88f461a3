import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';
import { ENGINES, type CandidateOptions, type Engine } from '../../src/compare/candidates/index.js';

/** scan's --engine, --scratch, --engine-memory and --exchange, checked: where the candidates are computed. */
export function parseEngine(
  engine: string | undefined,
  scratch: string | undefined,
  exchange: string | undefined,
  against: string | undefined,
  memory: string | undefined,
): CandidateOptions {
  if (memory !== undefined && engine !== 'duckdb') throw new UsageError('--engine-memory goes with --engine duckdb');
  if (memory !== undefined && !/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(memory.trim()))
    throw new UsageError(`--engine-memory takes a size such as 512MB or 4GB, got '${memory}'`);
  if (engine !== undefined && !ENGINES.includes(engine as Engine))
    throw new UsageError(`--engine takes ${ENGINES.join(' or ')}, got '${engine}'`);
  if (exchange !== undefined) {
    if (engine !== undefined || scratch !== undefined)
      throw new UsageError('--exchange cannot go with --engine or --scratch: the candidates come from the folder');
    // Two comparisons (the batch alone, then with the past) would each want the folder.
    if (against !== undefined) throw new UsageError('--exchange cannot go with --against yet');
    try {
      if (!existsSync(exchange)) mkdirSync(exchange, { recursive: true });
    } catch (error) {
      throw new InputError(`cannot create ${exchange} for --exchange: ${(error as NodeJS.ErrnoException).code}`);
    }
    const problem = folderProblem(exchange);
    if (problem !== null) throw new InputError(`cannot use ${exchange} as --exchange: ${problem}`);
    return { exchange };
  }
  if (scratch !== undefined && engine !== 'duckdb') throw new UsageError('--scratch goes with --engine duckdb');
  if (scratch !== undefined) {
    const problem = folderProblem(scratch);
    if (problem !== null) throw new InputError(`cannot use ${scratch} as --scratch: ${problem}`);
  }
  return { engine: engine as Engine | undefined, duckdb: { scratch, memory: memory?.trim() } };
}

/** Why `path` cannot hold scratch files, or null when it can. */
function folderProblem(path: string): string | null {
  try {
    if (!statSync(path).isDirectory()) return 'not a folder';
    accessSync(path, constants.W_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'not writable' : String(error);
  }
}

/**
 * Memory the default engine holds at its peak for each byte of the reports it reads: 6.8 on
 * 10,000 reports, 5.1 on 30,000, 5.6 on 100,000 (README, Performance).
 */
const MEMORY_PER_BYTE = 6;
/** The share of the machine's memory a scan may plan to take. */
const MEMORY_SHARE = 0.6;

/**
 * The engine for a batch of `bytes` on a machine of `memory` bytes: the one asked for, or, when
 * none was and the default engine would want more than its share of memory, DuckDB, which keeps
 * the candidates, the tokens and the text on disk (`switched` then says so).
 */
export function engineForBatch(
  asked: CandidateOptions,
  bytes: number,
  memory: number,
): { engine: CandidateOptions; switched: boolean } {
  if (asked.engine !== undefined || asked.exchange !== undefined || bytes * MEMORY_PER_BYTE <= memory * MEMORY_SHARE)
    return { engine: asked, switched: false };
  return { engine: { engine: 'duckdb', duckdb: { ...asked.duckdb } }, switched: true };
}
