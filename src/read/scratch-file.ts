import { mkdtempSync, openSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch file could not be made or written: a scratch folder without room, or gone. */
export class ScratchError extends Error {
  override name = 'ScratchError';
}

/** The error for `doing` (make, write) the scan's `file` (token file, text file). */
export const scratchFailed = (doing: string, file: string, error: unknown) =>
  new ScratchError(
    `refrain could not ${doing} its ${file}: ${(error as Error).message}; ` +
      'give it a scratch folder with more room (--scratch)',
  );

/**
 * A new, empty file open for reading and writing in a fresh folder inside `scratch` (the system's
 * temporary folder by default), and already without a name where the system allows: the file
 * lives as long as the descriptor, so nothing is left behind however the scan ends, killed
 * included. Elsewhere the folder is removed when the process ends.
 */
export function openUnnamed(scratch: string = tmpdir(), prefix: string, file: string): number {
  let folder: string;
  try {
    folder = mkdtempSync(join(scratch, prefix));
  } catch (e) {
    throw scratchFailed('make', file, e);
  }
  const path = join(folder, 'data.bin');
  let fd: number;
  try {
    fd = openSync(path, 'w+');
  } catch (e) {
    rmSync(folder, { recursive: true, force: true });
    throw scratchFailed('make', file, e);
  }
  try {
    unlinkSync(path);
    rmdirSync(folder);
  } catch {
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  return fd;
}
