import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { writeProblem } from './access.js';
import { connectForReading, connectForWriting, removeSidecars, sidecarsToMake } from './connect.js';
import { failureOf, WorkspaceError } from './errors.js';
import { APPLICATION_ID, MIGRATIONS, READABLE_FROM, SCHEMA_VERSION } from './schema.js';
import { Workspace } from './workspace.js';

export interface OpenOptions {
  /** Create the file when it does not exist (default false). */
  create?: boolean;
  /**
   * Open without writing anything, not even a schema upgrade (default false). A schema older than
   * READABLE_FROM is then refused, with how to upgrade it.
   */
  readonly?: boolean;
  /**
   * Check only these tables (with their indexes) for damage instead of the whole file. The
   * whole-file check reads every page: most of a second for a 10,000-report workspace, most of
   * it paragraph text and analyses. A reader that needs a few tables at once (the review) checks
   * those and the ones it writes; damage elsewhere fails the read that meets it, with
   * SQLITE_CORRUPT. Default: the whole file.
   */
  checkTables?: readonly string[];
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Opens (or creates) a workspace. Every check that can refuse the file runs on a read-only
 * connection before anything is written, so a refused file is left byte-for-byte unchanged. A
 * workspace to be written is first checked for being writable (file, folder, free space), so that
 * a command that cannot save its work refuses before doing it.
 */
export function openWorkspace(path: string, options: OpenOptions = {}): Workspace {
  const { create = false, readonly = false, checkTables } = options;
  const info = statOrNull(path);
  if (info === null) {
    if (!create || readonly) throw new WorkspaceError(`no workspace at ${path} (run 'refrain scan' to make one)`);
    return created(path);
  }
  if (info.isDirectory()) throw new WorkspaceError(`${path} is a folder, not a workspace file`);
  if (info.size === 0) {
    // What SQLite leaves if killed between creating the file and writing its first page; holds
    // nothing to lose, so it becomes a new workspace.
    if (!create || readonly)
      throw new WorkspaceError(
        `${path} is an empty file, not a refrain workspace yet (run 'refrain scan' to make one)`,
      );
    return created(path);
  }
  checkHeader(path);
  if (!readonly) {
    const problem = writeProblem(path);
    if (problem !== null) {
      throw new WorkspaceError(
        `workspace ${path} cannot be written: ${problem}. Nothing was changed; 'refrain report ${path}' can still read it`,
      );
    }
  }
  const made = sidecarsToMake(path);
  const db = checked(path, checkTables);
  if (readonly) {
    if (db.version < READABLE_FROM) {
      db.connection.close();
      removeSidecars(made);
      throw new WorkspaceError(
        `workspace ${path} has schema version ${db.version}, older than this refrain's ${SCHEMA_VERSION}; ` +
          `open it once for writing (e.g. 'refrain scan') to upgrade it`,
      );
    }
    // SQLite leaves -wal/-shm beside a WAL database after a read-only connection; they are not
    // removed here, as another process may open the database meanwhile and be using them.
    return new Workspace(path, db.connection, true);
  }
  db.connection.close();
  return new Workspace(path, initialise(connectForWriting(path), path), false);
}

/** A new workspace at `path` (missing or empty), once its place is known to be writable. */
function created(path: string): Workspace {
  const problem = writeProblem(path);
  if (problem !== null)
    throw new WorkspaceError(
      `cannot create workspace ${path}: ${problem}; choose a writable place with --workspace FILE`,
    );
  return new Workspace(path, initialise(connectForWriting(path), path), false);
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new WorkspaceError(`cannot read workspace ${path}: ${failureOf(error)}`);
  }
}

/** Refuses anything that does not start like a SQLite database, without asking SQLite. */
export function checkHeader(path: string): void {
  const head = Buffer.alloc(16);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new WorkspaceError(`cannot read workspace ${path}: ${failureOf(error)}`);
  }
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_MAGIC) {
    throw new WorkspaceError(`${path} is not a SQLite file, so not a refrain workspace; it was left unchanged`);
  }
}

/**
 * An existing file checked on a read-only connection (see connectForReading), with its schema
 * version. The connection is closed and any -wal/-shm it made are removed when the file is refused.
 */
function checked(
  path: string,
  checkTables: readonly string[] | undefined,
): { connection: Database.Database; version: number } {
  let db: Database.Database | undefined;
  const made = sidecarsToMake(path);
  try {
    db = connectForReading(path);
    const check = checkTables === undefined ? db.pragma('quick_check', { simple: true }) : quickCheck(db, checkTables);
    if (check !== 'ok')
      throw new WorkspaceError(
        `workspace ${path} is corrupt (${firstLines(String(check))}); it was left unchanged${SALVAGE_HINT}`,
      );
    const version = checkIdentity(db, path);
    return { connection: db, version };
  } catch (error) {
    db?.close();
    removeSidecars(made);
    if (error instanceof WorkspaceError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new WorkspaceError(
        `workspace ${path} is corrupt (${(error as Error).message}); it was left unchanged${SALVAGE_HINT}`,
      );
    }
    throw new WorkspaceError(`cannot open workspace ${path}: ${(error as Error).message}`);
  }
}

/** The file's schema version, once it is known to be a refrain workspace this refrain can read. */
export function checkIdentity(db: Database.Database, path: string): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number }).n;
  if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0 || version > 0)) {
    throw new WorkspaceError(`${path} is a SQLite database but not a refrain workspace; it was left unchanged`);
  }
  if (version > SCHEMA_VERSION) {
    throw new WorkspaceError(
      `workspace ${path} was written by a newer refrain (schema version ${version}, this one knows up to ` +
        `${SCHEMA_VERSION}); upgrade refrain. The file was left unchanged`,
    );
  }
  return version;
}

/** Said of a corrupt workspace: its decisions may still be saved. */
const SALVAGE_HINT = ". 'refrain decisions export' may still get its decisions out";

/** The first problems quick_check lists (it lists every damaged page: dozens of lines). */
function firstLines(check: string): string {
  const lines = check.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('*** in database'));
  return lines.length <= 3 ? lines.join('; ') : `${lines.slice(0, 3).join('; ')}; … ${lines.length - 3} more`;
}

/** quick_check of the named tables that exist: 'ok', or the first problem found. */
function quickCheck(db: Database.Database, tables: readonly string[]): unknown {
  const exists = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`);
  for (const table of tables) {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`checkTables: '${table}' is not a table name`);
    if (exists.get(table) === undefined) continue;
    const check = db.pragma(`quick_check(${table})`, { simple: true });
    if (check !== 'ok') return check;
  }
  return 'ok';
}

/** Sets the journal and durability modes and runs any pending migrations. */
function initialise(db: Database.Database, path: string): Database.Database {
  try {
    // WAL: readers (the review UI, report) never block the writer and a kill never tears a page.
    db.pragma('journal_mode = WAL');
    // FULL: a decision is on disk when decide() returns, even if the machine loses power next.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) {
      db.transaction(() => {
        // Read again inside the write lock: another process may have migrated meanwhile.
        const version = db.pragma('user_version', { simple: true }) as number;
        for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }).immediate();
    }
    return db;
  } catch (error) {
    db.close();
    throw new WorkspaceError(`cannot prepare workspace ${path}: ${(error as Error).message}`);
  }
}
