import type Database from 'better-sqlite3';
import type { Decision, ScanResult } from '../types.js';

/** Where a stored finding stands: each of its places as "path|paragraph". */
type Places = Map<string, Set<string>>;

/** The stored scan's findings (by key) and the places they stand in, read before a save replaces them. */
export function storedPlaces(db: Database.Database): Places {
  const rows = db
    .prepare(
      `SELECT c.key AS key, d.path AS path, m.paragraph AS paragraph, m.extra AS extra
       FROM members m JOIN clusters c ON c.id = m.cluster JOIN documents d ON d.id = m.doc`,
    )
    .all() as Array<{ key: string; path: string; paragraph: number; extra: string | null }>;
  const out: Places = new Map();
  for (const r of rows) {
    let set = out.get(r.key);
    if (!set) out.set(r.key, (set = new Set()));
    const last = r.extra === null ? undefined : (JSON.parse(r.extra) as { lastParagraph?: number }).lastParagraph;
    for (let p = r.paragraph; p <= (last ?? r.paragraph); p++) set.add(`${r.path}|${p}`);
  }
  return out;
}

/**
 * Decisions whose finding a new scan names by another key, under that key: a finding's key comes
 * from its first member, which can change when reports are added (a new report may become the
 * finding's best-connected place). A decided finding the new scan no longer has follows the new
 * finding holding most of its places, when that one holds at least half of them and has no
 * decision of its own. Returns the decisions to add.
 */
export function followDecisions(before: Places, decisions: readonly Decision[], result: ScanResult): Decision[] {
  const keys = new Set(result.clusters.map((c) => c.key));
  const decided = new Set(decisions.map((d) => d.key));
  const lost = decisions.filter((d) => !keys.has(d.key) && before.has(d.key));
  if (lost.length === 0) return [];
  const holders = new Map<string, string[]>();
  for (const c of result.clusters) {
    for (const m of c.parts ? c.parts.flat() : c.members) {
      const place = `${result.documents[m.doc].path}|${m.paragraph}`;
      const list = holders.get(place);
      if (!list) holders.set(place, [c.key]);
      else if (list[list.length - 1] !== c.key) list.push(c.key);
    }
  }
  const out: Decision[] = [];
  for (const d of lost) {
    const places = before.get(d.key)!;
    const votes = new Map<string, number>();
    for (const place of places)
      for (const key of new Set(holders.get(place) ?? [])) votes.set(key, (votes.get(key) ?? 0) + 1);
    let best: string | undefined;
    let most = 0;
    for (const [key, n] of [...votes].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      if (n > most) [best, most] = [key, n];
    }
    if (best === undefined || most * 2 < places.size || decided.has(best)) continue;
    decided.add(best);
    out.push({ ...d, key: best });
  }
  return out;
}
