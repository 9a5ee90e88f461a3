import type Database from 'better-sqlite3';
import type { Decision, DecisionLabel } from '../types.js';
import { WorkspaceError } from './errors.js';

/**
 * Reviewer decisions in a workspace's `decisions` table (the current one per finding key) and
 * `decision_log` (every decision made or cleared, oldest first). Functions of a connection, so
 * that the salvage of a damaged workspace reads them with no more of the file than they need.
 */

export const DECISION_LABELS: readonly DecisionLabel[] = ['copied', 'boilerplate', 'false-match'];

export function isDecisionLabel(value: string): value is DecisionLabel {
  return (DECISION_LABELS as readonly string[]).includes(value);
}

/** An entry of the decision log; `label` null means the decision was cleared. */
export interface DecisionLogEntry {
  key: string;
  label: DecisionLabel | null;
  note: string;
  at: string;
  /** Who made (or cleared) it, when known. */
  reviewer?: string;
}

/**
 * The reviewer column, where the table has one: a workspace from before migration 3 has none,
 * and salvage reads such files without upgrading them.
 */
function reviewerColumn(db: Database.Database, table: 'decisions' | 'decision_log'): string {
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  return columns.includes('reviewer') ? 'reviewer' : 'NULL AS reviewer';
}

/** A row as a decision: `reviewer` only when known. */
function withReviewer<T extends { reviewer: string | null }>(row: T): Omit<T, 'reviewer'> & { reviewer?: string } {
  const { reviewer, ...rest } = row;
  return reviewer === null ? rest : { ...rest, reviewer };
}

type Row<T> = Omit<T, 'reviewer'> & { reviewer: string | null };

/** Every current decision, by key order. */
export function readDecisions(db: Database.Database): Decision[] {
  const rows = db
    .prepare(`SELECT key, label, note, at, ${reviewerColumn(db, 'decisions')} FROM decisions ORDER BY key`)
    .all() as Row<Decision>[];
  return rows.map(withReviewer);
}

/** The decision log, oldest first. */
export function readDecisionLog(db: Database.Database): DecisionLogEntry[] {
  const rows = db
    .prepare(`SELECT key, label, note, at, ${reviewerColumn(db, 'decision_log')} FROM decision_log ORDER BY seq`)
    .all() as Row<DecisionLogEntry>[];
  return rows.map(withReviewer);
}

/**
 * Records a decision by `reviewer` ('' when not known) in one transaction with its log entry.
 * Without `note` the decision keeps the note the finding already has (a new label for the same
 * finding does not lose what was written).
 */
export function writeDecision(
  db: Database.Database,
  key: string,
  label: DecisionLabel,
  note: string | undefined,
  at: string,
  reviewer = '',
): Decision {
  if (!isDecisionLabel(label)) {
    throw new WorkspaceError(`unknown decision '${String(label)}'; use one of: ${DECISION_LABELS.join(', ')}`);
  }
  if (key.length === 0) throw new WorkspaceError('a decision needs a finding key');
  let decision: Decision = { key, label, note: note ?? '', at, ...(reviewer === '' ? {} : { reviewer }) };
  db.transaction(() => {
    // Read inside the write lock: the note kept is the one stored now.
    if (note === undefined) {
      const before = db.prepare(`SELECT note FROM decisions WHERE key = ?`).get(key) as { note: string } | undefined;
      decision = { ...decision, note: before?.note ?? '' };
    }
    upsert(db, decision);
  }).immediate();
  return decision;
}

/** Removes the decision on `key`; returns whether there was one. Logged like a decision, with who removed it. */
export function removeDecision(db: Database.Database, key: string, at: string, reviewer = ''): boolean {
  let existed = false;
  db.transaction(() => {
    existed = db.prepare(`DELETE FROM decisions WHERE key = ?`).run(key).changes > 0;
    if (existed)
      db.prepare(`INSERT INTO decision_log (key, label, note, at, reviewer) VALUES (?, NULL, '', ?, ?)`).run(
        key,
        at,
        reviewer === '' ? null : reviewer,
      );
  }).immediate();
  return existed;
}

/**
 * Adds decisions carried from elsewhere (a past workspace, or a finding's earlier key) where this
 * workspace has none for the key, and logs those added. Runs inside the caller's transaction.
 */
export function carryDecisions(db: Database.Database, decisions: readonly Decision[]): void {
  const carry = db.prepare(
    `INSERT INTO decisions (key, label, note, at, reviewer) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
  );
  const log = db.prepare(`INSERT INTO decision_log (key, label, note, at, reviewer) VALUES (?, ?, ?, ?, ?)`);
  for (const d of decisions) {
    const by = d.reviewer ?? null;
    if (carry.run(d.key, d.label, d.note, d.at, by).changes > 0) log.run(d.key, d.label, d.note, d.at, by);
  }
}

function upsert(db: Database.Database, d: Decision): void {
  db.prepare(
    `INSERT INTO decisions (key, label, note, at, reviewer) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET label = excluded.label, note = excluded.note, at = excluded.at, reviewer = excluded.reviewer`,
  ).run(d.key, d.label, d.note, d.at, d.reviewer ?? null);
  db.prepare(`INSERT INTO decision_log (key, label, note, at, reviewer) VALUES (?, ?, ?, ?, ?)`).run(
    d.key,
    d.label,
    d.note,
    d.at,
    d.reviewer ?? null,
  );
}

/** What merging decisions from elsewhere did (see mergeDecisions). */
export interface MergeOutcome {
  /** Keys that had no decision here. */
  added: string[];
  /** Keys whose decision here was older (or, with `overwrite`, any that differed), now replaced. */
  replaced: string[];
  /** Decisions here that are newer than the incoming ones and differ from them: kept, not overwritten. */
  keptNewer: Array<{ here: Decision; incoming: Decision }>;
  /** Incoming decisions equal to the one here (label and note). */
  same: number;
  /** Log entries added (those not already in this log). */
  logged: number;
}

/**
 * Merges decisions (with their log) made in another workspace into this one, in one transaction.
 * An incoming decision is taken where this workspace has none, or an older one; a newer decision
 * here is kept and listed, unless `overwrite`. Log entries not already here are appended with
 * their own times, so a merge done twice adds nothing the second time.
 */
export function mergeDecisions(
  db: Database.Database,
  incoming: { decisions: Decision[]; log: DecisionLogEntry[] },
  overwrite: boolean,
): MergeOutcome {
  const out: MergeOutcome = { added: [], replaced: [], keptNewer: [], same: 0, logged: 0 };
  db.transaction(() => {
    const logged = new Set(readDecisionLog(db).map(logId));
    const append = db.prepare(`INSERT INTO decision_log (key, label, note, at, reviewer) VALUES (?, ?, ?, ?, ?)`);
    const log = (e: DecisionLogEntry) => {
      if (logged.has(logId(e))) return;
      logged.add(logId(e));
      append.run(e.key, e.label, e.note, e.at, e.reviewer ?? null);
      out.logged++;
    };
    for (const e of incoming.log) log(e);
    const current = new Map(readDecisions(db).map((d) => [d.key, d]));
    const set = db.prepare(
      `INSERT INTO decisions (key, label, note, at, reviewer) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET label = excluded.label, note = excluded.note, at = excluded.at, reviewer = excluded.reviewer`,
    );
    for (const d of incoming.decisions) {
      const here = current.get(d.key);
      if (here !== undefined && here.label === d.label && here.note === d.note) {
        out.same++;
        continue;
      }
      if (here !== undefined && here.at >= d.at && !overwrite) {
        out.keptNewer.push({ here, incoming: d });
        continue;
      }
      set.run(d.key, d.label, d.note, d.at, d.reviewer ?? null);
      log({
        key: d.key,
        label: d.label,
        note: d.note,
        at: d.at,
        ...(d.reviewer === undefined ? {} : { reviewer: d.reviewer }),
      });
      (here === undefined ? out.added : out.replaced).push(d.key);
    }
  }).immediate();
  return out;
}

function logId(e: DecisionLogEntry): string {
  return JSON.stringify([e.key, e.label, e.note, e.at]);
}
