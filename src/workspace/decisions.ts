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
}

/** Every current decision, by key order. */
export function readDecisions(db: Database.Database): Decision[] {
  return db.prepare(`SELECT key, label, note, at FROM decisions ORDER BY key`).all() as Decision[];
}

/** The decision log, oldest first. */
export function readDecisionLog(db: Database.Database): DecisionLogEntry[] {
  return db.prepare(`SELECT key, label, note, at FROM decision_log ORDER BY seq`).all() as DecisionLogEntry[];
}

/**
 * Records a decision in one transaction with its log entry. Without `note` the decision keeps the
 * note the finding already has (a new label for the same finding does not lose what was written).
 */
export function writeDecision(db: Database.Database, key: string, label: DecisionLabel, note: string | undefined, at: string): Decision {
  if (!isDecisionLabel(label)) {
    throw new WorkspaceError(`unknown decision '${label}'; use one of: ${DECISION_LABELS.join(', ')}`);
  }
  if (key.length === 0) throw new WorkspaceError('a decision needs a finding key');
  let decision: Decision = { key, label, note: note ?? '', at };
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

/** Removes the decision on `key`; returns whether there was one. Logged like a decision. */
export function removeDecision(db: Database.Database, key: string, at: string): boolean {
  let existed = false;
  db.transaction(() => {
    existed = db.prepare(`DELETE FROM decisions WHERE key = ?`).run(key).changes > 0;
    if (existed) db.prepare(`INSERT INTO decision_log (key, label, note, at) VALUES (?, NULL, '', ?)`).run(key, at);
  }).immediate();
  return existed;
}

function upsert(db: Database.Database, d: Decision): void {
  db.prepare(
    `INSERT INTO decisions (key, label, note, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET label = excluded.label, note = excluded.note, at = excluded.at`,
  ).run(d.key, d.label, d.note, d.at);
  db.prepare(`INSERT INTO decision_log (key, label, note, at) VALUES (?, ?, ?, ?)`).run(d.key, d.label, d.note, d.at);
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
    const append = db.prepare(`INSERT INTO decision_log (key, label, note, at) VALUES (?, ?, ?, ?)`);
    const log = (e: DecisionLogEntry) => {
      if (logged.has(logId(e))) return;
      logged.add(logId(e));
      append.run(e.key, e.label, e.note, e.at);
      out.logged++;
    };
    for (const e of incoming.log) log(e);
    const current = new Map(readDecisions(db).map((d) => [d.key, d]));
    const set = db.prepare(
      `INSERT INTO decisions (key, label, note, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET label = excluded.label, note = excluded.note, at = excluded.at`,
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
      set.run(d.key, d.label, d.note, d.at);
      log({ key: d.key, label: d.label, note: d.note, at: d.at });
      (here === undefined ? out.added : out.replaced).push(d.key);
    }
  }).immediate();
  return out;
}

function logId(e: DecisionLogEntry): string {
  return JSON.stringify([e.key, e.label, e.note, e.at]);
}
