import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '../../src/types.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const MAIN = join(ROOT, 'dist', 'cli', 'main.js');

/** Nobody's ids: an unprivileged user on every Linux. */
const NOBODY = 65534;

/**
 * How to run refrain as a user without privileges, for the permission cases: directly when this
 * process is not root; as nobody through setpriv when it is; null (with the reason) when neither
 * works, and the test that needs it is skipped saying so.
 */
export function unprivileged(): { prefix: string[]; reason?: undefined } | { prefix: null; reason: string } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  if (spawnSync('setpriv', ['--version']).status !== 0)
    return { prefix: null, reason: 'tests run as root and setpriv is not installed' };
  const probe = spawnSync('setpriv', [
    `--reuid=${NOBODY}`,
    `--regid=${NOBODY}`,
    '--clear-groups',
    process.execPath,
    '-e',
    `require('fs').accessSync(${JSON.stringify(MAIN)})`,
  ]);
  if (probe.status !== 0)
    return { prefix: null, reason: `user nobody cannot run ${MAIN} (is the checkout readable by all?)` };
  return { prefix: ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] };
}

/** Whether this process can read `path` (root can read what nobody cannot). */
export function canRead(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The --json result when the command wrote one to standard output. */
  json?: ScanResult;
}

/**
 * Runs `refrain ...args` in `cwd`, as `prefix` (see unprivileged) when given. A command that
 * has not ended after two minutes is killed and fails the test: hanging on an input is a bug.
 */
export function refrain(cwd: string, args: string[], prefix: string[] = []): CliRun {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run 'npm run build' first`);
  const command = [...prefix, process.execPath, MAIN, ...args];
  const run: SpawnSyncReturns<string> = spawnSync(command[0], command.slice(1), {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 1 << 28,
  });
  if (run.error) throw new Error(`refrain ${args.join(' ')} did not finish: ${run.error.message}`);
  const out: CliRun = { status: run.status, stdout: run.stdout, stderr: run.stderr };
  if (args.includes('-') && run.stdout.startsWith('{')) out.json = JSON.parse(run.stdout) as ScanResult;
  return out;
}
