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
