import type Database from 'better-sqlite3';
import { UNNUMBERED, type FindingIds } from './finding-ids.js';

/**
 * The `meta` table: one JSON value per key. 'header' is the stored scan result without its lists,
 * 'lastScan' the facts saved with it (SaveOptions.info), 'findingIds' its numbering, 'references'
 * the reference documents scans of this workspace read (absolute paths), until told otherwise.
 */
export type MetaKey = 'header' | 'lastScan' | 'findingIds' | 'references';

export function readMeta(db: Database.Database, key: MetaKey): string | null {
  const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Database.Database, key: MetaKey, value: string): void {
  db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
    key,
    value,
  );
}

/** The stored scan's number and how its finding ids relate to earlier scans'. */
export function readFindingIds(db: Database.Database): FindingIds {
  const stored = readMeta(db, 'findingIds');
  return stored === null ? UNNUMBERED : (JSON.parse(stored) as FindingIds);
}
