import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { WorkspaceError } from './errors.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { Workspace } from './workspace.js';

export interface OpenOptions {
  /** Create the file when it does not exist (default false). */
  create?: boolean;
  /** Open without writing anything, not even a schema upgrade (default false). */
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
 * connection before anything is written, so a refused file is left byte-for-byte unchanged.
 */
export function openWorkspace(path: string, options: OpenOptions = {}): Workspace {
  const { create = false, readonly = false, checkTables } = options;
  const info = statOrNull(path);
  if (info === null) {
    if (!create || readonly) throw new WorkspaceError(`no workspace at ${path} (run 'refrain scan' to make one)`);
    return new Workspace(path, initialise(connect(path, false), path), false);
  }
  if (info.isDirectory()) throw new WorkspaceError(`${path} is a folder, not a workspace file`);
  if (info.size === 0) {
    // What SQLite leaves if killed between creating the file and writing its first page; holds
    // nothing to lose, so it becomes a new workspace.
    if (!create || readonly) throw new WorkspaceError(`${path} is an empty file, not a refrain workspace yet (run 'refrain scan' to make one)`);
    return new Workspace(path, initialise(connect(path, false), path), false);
  }
  checkHeader(path);
  const version = probe(path, checkTables);
  if (readonly) {
    if (version < SCHEMA_VERSION) {
      throw new WorkspaceError(
        `workspace ${path} has schema version ${version}, older than this refrain's ${SCHEMA_VERSION}; ` +
          `open it once for writing (e.g. 'refrain scan') to upgrade it`,
      );
    }
    // SQLite leaves -wal/-shm beside a WAL database after a read-only connection; they are not
    // removed here, as another process may open the database meanwhile and be using them.
    return new Workspace(path, connect(path, true), true);
  }
  return new Workspace(path, initialise(connect(path, false), path), false);
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new WorkspaceError(`cannot read workspace ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

/** Refuses anything that does not start like a SQLite database, without asking SQLite. */
function checkHeader(path: string): void {
  const head = Buffer.alloc(16);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new WorkspaceError(`cannot read workspace ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
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

/** Checks an existing file on a read-only connection; returns its schema version. */
function probe(path: string, checkTables: readonly string[] | undefined): number {
  let db: Database.Database | undefined;
  const created = sidecarsToCreate(path);
  let refused = true;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = checkTables === undefined ? db.pragma('quick_check', { simple: true }) : quickCheck(db, checkTables);
    if (check !== 'ok') throw new WorkspaceError(`workspace ${path} is corrupt (${String(check)}); it was left unchanged`);
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
    refused = false;
    return version;
  } catch (error) {
    if (error instanceof WorkspaceError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new WorkspaceError(`workspace ${path} is corrupt (${(error as Error).message}); it was left unchanged`);
    }
    throw new WorkspaceError(`cannot open workspace ${path}: ${(error as Error).message}`);
  } finally {
    db?.close();
    if (refused) removeSidecars(created);
  }
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

/**
 * SQLite makes `-wal` and `-shm` files beside a WAL database even for a read-only connection and
 * leaves them behind. These are the ones that do not exist yet, so that a refused file is left as
 * it was found.
 */
function sidecarsToCreate(path: string): string[] {
  return [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p));
}

function removeSidecars(paths: string[]): void {
  const wal = paths.find((p) => p.endsWith('-wal'));
  // A -wal with content holds data; it is never ours to delete.
  if (wal !== undefined && existsSync(wal) && statSync(wal).size > 0) return;
  for (const p of paths) rmSync(p, { force: true });
}

function connect(path: string, readonly: boolean): Database.Database {
  try {
    // The timeout lets a scan and a reviewer's decision wait for each other instead of failing;
    // saving a large batch's scan can hold the write lock for a few seconds.
    return new Database(path, { readonly, fileMustExist: readonly, timeout: 30_000 });
  } catch (error) {
    throw new WorkspaceError(`cannot open workspace ${path}: ${(error as Error).message}`);
  }
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
