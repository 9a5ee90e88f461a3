import { statSync } from 'node:fs';
import type { Analysis, Diagnostic } from '../types.js';
import type { StoredAnalysis } from '../workspace/workspace.js';

/**
 * What a scan says of a report stored by an earlier scan whose file is gone from disk (and was not
 * found again under another path). The warning stays with the workspace's scan, listed among the
 * files with problems, until the file is scanned again or `--prune` forgets it.
 */
export const MISSING_MESSAGE =
  'missing: the file is no longer on disk, so this report is left out of the comparison and the ratios ' +
  "(scan it again to bring it back; 'scan --prune' forgets it)";

/** A file at `path` is known to be gone (not merely unreadable: that is reported when it is read). */
export function goneFromDisk(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}

/**
 * The stored documents not given this time whose file is gone, by path; `gone` decides (pure but
 * for it). They are no part of the comparison: their text is no longer there to be read, and a
 * file renamed since would otherwise be compared with itself and reported as a copy.
 */
export function vanishedDocuments(
  stored: ReadonlyMap<string, StoredAnalysis>,
  given: ReadonlySet<string>,
  gone: (path: string) => boolean = goneFromDisk,
): Map<string, StoredAnalysis> {
  const out = new Map<string, StoredAnalysis>();
  for (const [path, s] of stored) if (!given.has(path) && gone(path)) out.set(path, s);
  return out;
}

/** Pure: vanished documents by the hash of their bytes, for finding them again under a new path. */
export function byHash(vanished: ReadonlyMap<string, StoredAnalysis>): Map<string, StoredAnalysis> {
  const out = new Map<string, StoredAnalysis>();
  for (const s of vanished.values()) if (!out.has(s.hash)) out.set(s.hash, s);
  return out;
}

/** Pure: the warning for each vanished path that was not found again under another. */
export function missingDiagnostics(vanished: Iterable<string>, movedFrom: Iterable<string>): Diagnostic[] {
  const moved = new Set(movedFrom);
  return [...vanished]
    .filter((p) => !moved.has(p))
    .map((path) => ({ path, level: 'warning', message: MISSING_MESSAGE }));
}

/**
 * Pure: for each file read this time under a path not stored before (`known` holds the stored
 * ones) whose bytes are those of a vanished document, its new path and the vanished one's: the
 * same report, moved. Each vanished document is found again at most once; another file with the
 * same bytes is a copy.
 */
export function movedFiles(
  vanished: ReadonlyMap<string, StoredAnalysis>,
  read: ReadonlyMap<string, Analysis>,
  known: ReadonlyMap<string, unknown>,
): Map<string, string> {
  const oldPath = new Map<string, string>();
  for (const [path, s] of vanished) if (!oldPath.has(s.hash)) oldPath.set(s.hash, path);
  const out = new Map<string, string>();
  for (const [path, analysis] of read) {
    const old = known.has(path) ? undefined : oldPath.get(analysis.document.hash);
    if (old === undefined) continue;
    out.set(path, old);
    oldPath.delete(analysis.document.hash);
  }
  return out;
}

/**
 * Pure: stored diagnostics with those of vanished documents dropped, except that a moved one's
 * follow it to its new path (an unchanged file's warnings stand while its analysis is reused).
 */
export function followMoves(
  diagnostics: Diagnostic[],
  vanished: ReadonlyMap<string, unknown>,
  moved: ReadonlyMap<string, string>,
): Diagnostic[] {
  const newPath = new Map([...moved].map(([now, before]) => [before, now]));
  return diagnostics.flatMap((d) => {
    const now = newPath.get(d.path);
    if (now !== undefined) return [{ ...d, path: now }];
    return vanished.has(d.path) ? [] : [d];
  });
}
