import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { LimitError, megabytes, type IngestLimits } from './limits.js';
import { locate } from './names.js';

/** A file's bytes, or why they were not read (a diagnostic message). */
export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; message: string };

/**
 * Opened without blocking: opening a named pipe (FIFO) for reading otherwise waits for a writer
 * for ever. Regular files read the same either way.
 */
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads one input file: only a regular file (a FIFO, socket or device, given by name or met in
 * a folder, is refused before a byte is read: `/dev/zero` never ends), of at most
 * `limits.fileBytes`. A name shown decoded from non-UTF-8 bytes is found by its bytes. Every
 * read of an input goes through here: the scan's, the workers', and the workspace's hashing.
 */
export function readInput(path: string, limits: IngestLimits): ReadResult {
  let fd: number;
  try {
    fd = open(path);
  } catch (error) {
    return { ok: false, message: cannotRead(error) };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, message: `${kindOf(info)}, not a regular file, skipped` };
    if (info.size > limits.fileBytes) {
      return { ok: false, message: new LimitError(`file of ${megabytes(info.size)}`, 'file-mb', limits).message };
    }
    const bytes = Buffer.allocUnsafe(info.size);
    let got = 0;
    while (got < info.size) {
      const n = readSync(fd, bytes, got, info.size - got, got);
      if (n === 0) break; // shrank while being read: take what is there
      got += n;
    }
    return { ok: true, bytes: got === info.size ? bytes : bytes.subarray(0, got) };
  } catch (error) {
    return { ok: false, message: cannotRead(error) };
  } finally {
    closeSync(fd);
  }
}

function open(path: string): number {
  try {
    return openSync(path, FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const bytes = locate(path);
    if (bytes === null) throw error;
    return openSync(bytes, FLAGS);
  }
}

/** What a path is when it is not a regular file, for messages. */
export function kindOf(
  info: Pick<Stats, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isDirectory'>,
): string {
  if (info.isFIFO()) return 'named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  if (info.isSocket()) return 'socket';
  if (info.isDirectory()) return 'folder';
  return 'special file';
}

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file',
  ENOTDIR: 'a part of its path is not a folder',
  ELOOP: 'symbolic link loop',
  EISDIR: 'is a folder',
  EIO: 'input/output error',
  ENXIO: 'no such device (a socket?)',
  EMFILE: 'too many open files',
};

/** "cannot read file: permission denied (EACCES), skipped". */
export function cannotRead(error: unknown, what = 'file'): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined)
    return `cannot read ${what} (${error instanceof Error ? error.message : String(error)}), skipped`;
  const cause = CAUSES[code];
  return `cannot read ${what}: ${cause ? `${cause} (${code})` : code}, skipped`;
}
