import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/**
 * Free space the disk must have for refrain to write a workspace at all: SQLite's `-shm` index
 * (32 KiB) and the few pages of a decision, with room to spare. A scan's save needs more (the
 * benchmark's 10,000 reports make a 225 MB workspace), which cannot be known before the scan; a
 * disk that fills up during the save is reported as such, and the workspace keeps its last scan.
 */
export const MIN_FREE_BYTES = 1 << 20;

/**
 * Why this process cannot write the workspace at `path` (an existing file, or one to be made), in
 * words for a message; null when it can. SQLite writes three files: the workspace and, beside it
 * in its folder, `-wal` and `-shm`; all three must be writable, and the disk must not be full.
 * Asked before any work, so that a scan or a decision is refused at once rather than failing
 * after it is done.
 */
export function writeProblem(path: string): string | null {
  const folder = dirname(resolve(path));
  if (existsSync(path)) {
    const code = deniedCode(path, constants.W_OK);
    if (code === 'EROFS') return 'it is on a read-only file system';
    if (code !== null) return 'the file is read-only for this user';
  }
  for (const side of [`${path}-wal`, `${path}-shm`]) {
    if (existsSync(side) && deniedCode(side, constants.R_OK | constants.W_OK) !== null) {
      return `${basename(side)} beside it cannot be written by this user`;
    }
  }
  const code = deniedCode(folder, constants.W_OK | constants.X_OK);
  if (code === 'EROFS') return `its folder ${folder} is on a read-only file system`;
  if (code !== null) {
    return `its folder ${folder} is read-only for this user (SQLite keeps ${basename(path)}-wal and -shm beside the workspace)`;
  }
  const free = freeBytes(folder);
  if (free !== null && free < MIN_FREE_BYTES)
    return `the disk holding it is full (${Math.floor(free / 1024)} KiB free)`;
  return null;
}

/** The error code access(2) gives for `mode` on `path`, or null when allowed. */
function deniedCode(path: string, mode: number): string | null {
  try {
    accessSync(path, mode);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

/** Bytes an unprivileged user may still write on the disk holding `folder`; null when unknown. */
function freeBytes(folder: string): number | null {
  try {
    const s = statfsSync(folder);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}
