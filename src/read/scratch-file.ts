import { mkdtempSync, openSync, read, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { freemem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const readAsync = promisify(read);

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

/** Bytes read at a time when a scratch file is read through. */
const CHUNK = 8 * 2 ** 20;

/** Of the memory available, what the files read through may take: the scan itself grows after. */
const AVAILABLE_SHARE = 0.75;

/** A scratch file the comparison reads at random, which it can read through first. */
export interface ReadThrough {
  readonly fd: number;
  /** Bytes written so far. */
  readonly size: number;
}

/** Below this in all, the files are left to the reads at random: a few seconds of them at most. */
const LEAST = 256 * 2 ** 20;

/**
 * The files a read-through should read, in the order given: each that fits in the memory still
 * available (`available`, less what the files before it take). A file that does not fit would push
 * the others out of the system's cache, and itself.
 */
export function worthReading(files: ReadThrough[], available = freemem(), least = LEAST): ReadThrough[] {
  let room = available * AVAILABLE_SHARE;
  const out: ReadThrough[] = [];
  for (const f of files) {
    if (f.size === 0 || f.size > room) continue;
    room -= f.size;
    out.push(f);
  }
  return out.reduce((sum, f) => sum + f.size, 0) < least ? [] : out;
}

/**
 * Reads each file from start to end and lets the bytes go, so that the reads at random that follow
 * find them in the system's cache: on a disk that allows a few hundred reads a second, weighing
 * 300,000 reports' findings took 42 minutes of reads at random, where reading the files in order
 * takes a few. Gives the bytes read.
 */
export async function readThrough(files: ReadThrough[]): Promise<number> {
  let read = 0;
  for (const { fd, size } of files) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, size));
    for (let at = 0; at < size;) {
      const { bytesRead } = await readAsync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      read += bytesRead;
    }
  }
  return read;
}
