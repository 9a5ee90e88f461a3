/**
 * Finding ids renumber at every scan (they follow the findings' order), so an id a reviewer read
 * may name another finding by the time it is used. Each saved scan gets a number, and each id of
 * the stored scan remembers since which scan it has named its present finding; `decide` accepts
 * an id only when that tells it the id still means what the reviewer saw.
 */
export interface FindingIds {
  /** The stored scan's number: 1 for the first scan saved with numbering, one more at each save; 0 for a scan saved before numbering. */
  scan: number;
  /** For id i: the number of the scan since which id i has named its present finding (0: since before numbering began). */
  since: number[];
}

/** The numbering of a workspace whose stored scan was saved without it: nothing is known. */
export const UNNUMBERED: FindingIds = { scan: 0, since: [] };

/**
 * Pure: the numbering after a save replaced the findings whose keys, by id, were `before` with
 * those of `after`. An id keeps its `since` when it names the same key as before; otherwise it
 * names a new finding from this scan on. The first scan of a new workspace renumbers nothing.
 */
export function nextFindingIds(previous: FindingIds, before: readonly string[], after: readonly string[]): FindingIds {
  const scan = previous.scan + 1;
  const fresh = previous.scan === 0 && before.length === 0;
  const since = after.map((key, id) => (fresh || before[id] === key ? (previous.since[id] ?? 0) : scan));
  return { scan, since };
}

/**
 * Pure: why finding `id`, as numbered by scan `seen` (the stored one when undefined), cannot be
 * taken to be the stored scan's finding `id`; null when it can.
 */
export function staleIdProblem(ids: FindingIds, id: number, seen: number | undefined): string | null {
  const since = ids.since[id] ?? 0;
  if (seen === undefined) {
    if (ids.scan > 0 && since === ids.scan) {
      return `finding ids changed with the last scan (scan ${ids.scan}), and id ${id} now names another finding than before`;
    }
    return null;
  }
  if (ids.scan === 0) return `the stored scan was saved by an earlier refrain and has no number`;
  if (seen < 1 || seen > ids.scan) return `there is no scan ${seen} (the stored scan is scan ${ids.scan})`;
  if (since > seen)
    return `id ${id} has named another finding since scan ${since} (the stored scan is scan ${ids.scan})`;
  return null;
}
