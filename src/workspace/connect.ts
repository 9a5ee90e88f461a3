import { closeSync, existsSync, fstatSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import Database from 'better-sqlite3';
import { writeProblem } from './access.js';
import { failureOf, WorkspaceError } from './errors.js';

/**
 * How long a connection waits for another one's lock: a scan and a reviewer's decision wait for
 * each other instead of failing; saving a large batch's scan can hold the write lock for seconds.
 */
const BUSY_TIMEOUT_MS = 30_000;

export function connectForWriting(path: string): Database.Database {
  try {
    return new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new WorkspaceError(`cannot open workspace ${path}: ${(error as Error).message}`);
  }
}

/**
 * A read-only connection to an existing workspace that writes nothing beside it when it cannot.
 *
 * A workspace is a WAL database, and SQLite reads one through an index in a `-shm` file beside it,
 * which it makes (and leaves behind) even for a read-only connection. Where this process may write
 * the file and its folder and the disk has room, that is what happens: the connection then shares
 * locks with any writer. Otherwise the file is read into memory and opened there, with nothing
 * made on disk; except when its `-wal` holds commits not yet in the file (a writer is open, or was
 * killed): only SQLite can read those, with the `-shm` left beside them, which it can use without
 * writing to it. A refused connection leaves no file it made.
 */
export function connectForReading(path: string): Database.Database {
  if (writeProblem(path) === null) {
    const made = sidecarsToMake(path);
    try {
      return opened(new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS }));
    } catch (error) {
      removeSidecars(made);
      // The disk filled up, or the sidecars belong to another user: read without them below.
      if (!cannotMakeSidecars(error)) throw error;
    }
  }
  if (sizeOf(`${path}-wal`) > 0) {
    try {
      return opened(new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS }));
    } catch (error) {
      if (!cannotMakeSidecars(error)) throw error;
      throw new WorkspaceError(
        `cannot read workspace ${path}: its latest changes are still in ${path}-wal, which SQLite reads only with ` +
          `${path}-shm beside it, and that cannot be made here (${writeProblem(path) ?? (error as Error).message}). ` +
          `Open it once where it can be written, or copy ${path} and ${path}-wal to a writable folder and read the copy`,
      );
    }
  }
  return inMemory(path);
}

/** Makes SQLite open the file now (it opens on first use), so that a failure is met here. */
function opened(db: Database.Database): Database.Database {
  try {
    db.prepare(`SELECT count(*) FROM sqlite_schema`).get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** SQLite could not make or write the -wal or -shm it needs beside the file. */
function cannotMakeSidecars(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return /^SQLITE_(CANTOPEN|READONLY|IOERR|FULL)/.test(code);
}

/**
 * The workspace read whole into memory and opened there, read-only. Its header is changed, in the
 * copy only, from WAL to rollback mode: an in-memory database cannot be WAL, and the file's pages
 * are all there is when its -wal is empty. Costs the file's size in memory, twice while opening.
 * Takes no lock: a writer elsewhere that moved its -wal into the file during the read could tear
 * the copy, but a writer at work keeps commits in its -wal, which sends readers to SQLite instead.
 */
function inMemory(path: string): Database.Database {
  let bytes: Buffer;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new WorkspaceError(`cannot read workspace ${path}: ${failureOf(error)}`);
  }
  try {
    const size = fstatSync(fd).size;
    if (size > bufferConstants.MAX_LENGTH) {
      throw new WorkspaceError(
        `cannot read workspace ${path}: it cannot be written here, and at ${size} bytes it is too large to read into memory instead`,
      );
    }
    bytes = Buffer.allocUnsafe(size);
    for (let done = 0; done < size;) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n === 0) throw new WorkspaceError(`cannot read workspace ${path}: it got shorter while being read`);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  // Bytes 18 and 19 of a SQLite header: file format write and read versions, 2 for WAL.
  if (bytes.length > 19 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  try {
    return opened(new Database(bytes, { readonly: true }));
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw error;
    throw new WorkspaceError(`cannot read workspace ${path}: ${(error as Error).message}`);
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * The `-wal` and `-shm` beside `path` that do not exist yet: SQLite makes them for a read-only
 * connection too and leaves them behind, so a refused file is left as it was found only if they
 * are removed again.
 */
export function sidecarsToMake(path: string): string[] {
  return [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p));
}

export function removeSidecars(paths: string[]): void {
  const wal = paths.find((p) => p.endsWith('-wal'));
  // A -wal with content holds data; it is never ours to delete.
  if (wal !== undefined && sizeOf(wal) > 0) return;
  for (const p of paths) rmSync(p, { force: true });
}
