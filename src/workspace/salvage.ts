import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Decision } from '../types.js';
import { connectForReading } from './connect.js';
import { isDecisionLabel, DECISION_LABELS, type DecisionLogEntry } from './decisions.js';
import { failureOf, WorkspaceError } from './errors.js';
import { checkHeader } from './open.js';
import { APPLICATION_ID } from './schema.js';

/**
 * A workspace's decisions and their log as a file of their own (`refrain decisions export`), to
 * keep, to move to another workspace (`refrain decisions import`), or to save from a workspace
 * damaged past any other use.
 */
export interface DecisionsFile {
  format: 'refrain-decisions';
  version: 1;
  /** The workspace they were exported from, as given, and when. */
  workspace: string;
  exportedAt: string;
  /** The current decision on each finding key, by key order. */
  decisions: Decision[];
  /** Every decision made or cleared (label null), oldest first. */
  log: DecisionLogEntry[];
}

export const DECISIONS_FORMAT = 'refrain-decisions';

/** A file given to import is not a decisions export this refrain can read. */
export class DecisionsFileError extends Error {
  override name = 'DecisionsFileError';
}

/**
 * The decisions and log of the workspace at `path`, read with no more of the file than the two
 * tables and the schema: damage elsewhere (paragraphs, findings, most of a workspace) is not met.
 * The decisions are read by a plain pass over their table (not through its index, which may be
 * the damaged part). `warnings` says what could not be saved: rows that make no sense, or the log
 * when only the decisions read.
 */
export function exportDecisions(
  path: string,
  exportedAt = new Date().toISOString(),
): { file: DecisionsFile; warnings: string[] } {
  try {
    if (statSync(path).isDirectory()) throw new WorkspaceError(`${path} is a folder, not a workspace file`);
  } catch (error) {
    if (error instanceof WorkspaceError) throw error;
    const enoent = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new WorkspaceError(enoent ? `no workspace at ${path}` : `cannot read workspace ${path}: ${failureOf(error)}`);
  }
  checkHeader(path);
  let db: Database.Database;
  try {
    db = connectForReading(path);
  } catch (error) {
    if (error instanceof WorkspaceError) throw error;
    throw new WorkspaceError(
      `cannot read workspace ${path} (${(error as Error).message}): its decisions cannot be exported`,
    );
  }
  try {
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      throw new WorkspaceError(`${path} is not a refrain workspace; it holds no decisions to export`);
    }
    const warnings: string[] = [];
    const rows = tableRows(db, path, `SELECT key, label, note, at FROM decisions NOT INDEXED`);
    if (rows === null)
      throw new WorkspaceError(
        `the decisions of workspace ${path} cannot be read: the file is damaged where they are kept`,
      );
    const decisions: Decision[] = rows.filter(isDecision);
    if (decisions.length < rows.length)
      warnings.push(`${rows.length - decisions.length} decision row(s) were unreadable or invalid and were left out`);
    decisions.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const logRows = tableRows(db, path, `SELECT key, label, note, at FROM decision_log ORDER BY seq`);
    if (logRows === null) warnings.push('the decision log is damaged and was not exported; the current decisions were');
    const log: DecisionLogEntry[] = (logRows ?? []).filter(isLogEntry);
    if (logRows !== null && log.length < logRows.length)
      warnings.push(`${logRows.length - log.length} log row(s) were invalid and were left out`);
    return { file: { format: DECISIONS_FORMAT, version: 1, workspace: path, exportedAt, decisions, log }, warnings };
  } finally {
    db.close();
  }
}

/** The rows a query gives, or null when the file is damaged where it reads. */
function tableRows(db: Database.Database, path: string, sql: string): unknown[] | null {
  try {
    return db.prepare(sql).all();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR')) return null;
    throw new WorkspaceError(`cannot read the decisions of workspace ${path}: ${(error as Error).message}`);
  }
}

/**
 * Reads a decisions export (the text of FILE, named `source` in messages), checking every entry;
 * throws DecisionsFileError saying where a file goes wrong.
 */
export function parseDecisionsFile(text: string, source: string): DecisionsFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DecisionsFileError(`${source} is not JSON (${(error as Error).message})`);
  }
  const file = data as Partial<DecisionsFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== DECISIONS_FORMAT) {
    throw new DecisionsFileError(`${source} is not a refrain decisions export (made by 'refrain decisions export')`);
  }
  if (file.version !== 1)
    throw new DecisionsFileError(
      `${source} is a decisions export of version ${String(file.version)}; this refrain reads version 1`,
    );
  if (!Array.isArray(file.decisions)) throw new DecisionsFileError(`${source}: "decisions" is not a list`);
  if (file.log !== undefined && !Array.isArray(file.log))
    throw new DecisionsFileError(`${source}: "log" is not a list`);
  file.decisions.forEach((d, i) => {
    if (!isDecision(d)) throw new DecisionsFileError(`${source}: decisions[${i}] ${entryProblem(d, false)}`);
  });
  (file.log ?? []).forEach((e, i) => {
    if (!isLogEntry(e)) throw new DecisionsFileError(`${source}: log[${i}] ${entryProblem(e, true)}`);
  });
  return { ...(file as DecisionsFile), log: file.log ?? [] };
}

function isDecision(value: unknown): value is Decision {
  return isLogEntry(value) && value.label !== null;
}

function isLogEntry(value: unknown): value is DecisionLogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  const labelOk = e.label === null || (typeof e.label === 'string' && isDecisionLabel(e.label));
  return (
    typeof e.key === 'string' &&
    e.key.length > 0 &&
    labelOk &&
    typeof e.note === 'string' &&
    typeof e.at === 'string' &&
    e.at.length > 0
  );
}

function entryProblem(value: unknown, cleared: boolean): string {
  if (typeof value !== 'object' || value === null) return 'is not an object';
  const e = value as Record<string, unknown>;
  if (typeof e.key !== 'string' || e.key.length === 0) return 'has no "key"';
  if (!(cleared && e.label === null) && !(typeof e.label === 'string' && isDecisionLabel(e.label))) {
    return `has label ${JSON.stringify(e.label)}, not one of ${DECISION_LABELS.join(', ')}${cleared ? ' or null' : ''}`;
  }
  if (typeof e.note !== 'string') return 'has no "note" text';
  return 'has no "at" time';
}
