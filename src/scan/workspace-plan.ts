import { resolve, sep } from 'node:path';
import type { Analysis, Diagnostic } from '../types.js';
import type { StoredAnalysis } from '../workspace/workspace.js';
import type { ReadOutcome } from './read-plan.js';

/** Pure: what a workspace scan does with each path, and what it tells of it. */

/** What happened to each file; `files = analysed + skipped + failed`. */
export interface WorkspaceScanCounts {
  /** Input files given this time (after expanding folders). */
  files: number;
  /** New or changed files, read and analysed. */
  analysed: number;
  /** Unchanged files (same path, same SHA-256): stored analysis reused, not processed again. */
  skipped: number;
  /** Given files that could not be read or decoded (each has a diagnostic). */
  failed: number;
  /** Documents stored by earlier scans, not given this time, kept in the workspace. */
  kept: number;
  /** Documents stored by earlier scans and removed (not given, with `prune`; or now failing). */
  dropped: number;
  /** Documents read from the `against` workspace. */
  past: number;
  /** Of the skipped files, those found under a new path: a stored document whose file is gone, same SHA-256. */
  moved: number;
  /** Stored documents not given whose file is gone from disk (not moved): left out, with a warning. */
  missing: number;
}

/** How a scan treats each path: read it (then reuse or analyse by hash), keep it stored, or drop it. */
export interface ScanPlan {
  read: string[];
  keep: string[];
  drop: string[];
}

/**
 * Pure: given this scan's files and the stored documents' paths, what to do with each.
 * A rescan adds: stored documents not given are kept (unless `prune`). When the stored analyses
 * cannot be reused (other settings or engine version), kept documents are read again from disk.
 */
export function planScan(given: string[], stored: string[], options: { prune?: boolean; reusable: boolean }): ScanPlan {
  const givenSet = new Set(given);
  const absent = stored.filter((p) => !givenSet.has(p));
  if (options.prune) return { read: sortPaths(given), keep: [], drop: sortPaths(absent) };
  if (!options.reusable) return { read: sortPaths([...given, ...absent]), keep: [], drop: [] };
  return { read: sortPaths(given), keep: sortPaths(absent), drop: [] };
}

/** The analyses of this scan's own documents (kept and read), by path, and what happened to each file. */
export function tally(
  files: string[],
  plan: ScanPlan,
  stored: ReadonlyMap<string, StoredAnalysis>,
  read: ReadOutcome,
  past: number,
): { own: Map<string, Analysis>; counts: WorkspaceScanCounts; paragraphs: number } {
  const counts: WorkspaceScanCounts = {
    files: files.length,
    analysed: 0,
    skipped: 0,
    failed: 0,
    kept: plan.keep.length,
    dropped: plan.drop.length,
    past,
    moved: 0,
    missing: 0,
  };
  const own = new Map<string, Analysis>();
  for (const path of plan.keep) own.set(path, stored.get(path)!.analysis);
  const given = new Set(files);
  let paragraphs = 0;
  for (const path of plan.read) {
    const analysis = read.analyses.get(path);
    if (analysis !== undefined) {
      own.set(path, analysis);
      paragraphs += analysis.paragraphs.length;
      if (!given.has(path)) counts.kept++;
      else if (read.reused.has(path)) counts.skipped++;
      else counts.analysed++;
    } else {
      if (given.has(path)) counts.failed++;
      if (stored.has(path)) counts.dropped++;
    }
  }
  return { own, counts, paragraphs };
}

/**
 * Pure: the diagnostics of earlier scans that still hold. A file read again gets new ones, except
 * an unchanged file: its stored analysis is reused, so its stored warnings (same bytes, same
 * warnings) stand, under the spelling given now. A file not read keeps its own, unless pruning.
 */
export function keptDiagnostics(
  stored: Diagnostic[],
  read: string[],
  reused: ReadonlySet<string>,
  prune: boolean,
  lookedAt: (path: string) => boolean = () => false,
): Diagnostic[] {
  const reusedByFile = new Map([...reused].map((p) => [resolve(p), p]));
  const readFiles = new Set(read.map((p) => resolve(p)));
  const out: Diagnostic[] = [];
  for (const d of stored) {
    const file = resolve(d.path);
    const now = reusedByFile.get(file);
    if (now !== undefined) out.push(now === d.path ? d : { ...d, path: now });
    else if (!readFiles.has(file) && !prune && !lookedAt(d.path)) out.push(d);
  }
  return out;
}

/**
 * Pure: whether this scan looked at a path again, so that a stored diagnostic of it no longer
 * holds (a fresh one stands in for it, or the problem is gone): a path with a fresh diagnostic,
 * or one inside a folder given now (a folder that could not be listed, a link since removed).
 * Documents kept from earlier scans keep theirs.
 */
export function lookedAt(
  given: readonly string[],
  fresh: readonly Diagnostic[],
  kept: ReadonlySet<string>,
): (path: string) => boolean {
  const freshFiles = new Set(fresh.map((d) => resolve(d.path)));
  const roots = given.map((p) => resolve(p));
  return (path) => {
    const file = resolve(path);
    if (freshFiles.has(file)) return true;
    if (kept.has(path)) return false;
    return roots.some((root) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep));
  };
}

/**
 * Pure: stored analyses re-keyed so that a file given under another spelling of its stored path
 * (`./a.txt` and `a.txt`, relative and absolute) is the same document, now under the new spelling,
 * rather than a second copy of itself that would match it everywhere.
 */
export function respell(stored: Map<string, StoredAnalysis>, given: string[]): Map<string, StoredAnalysis> {
  const byFile = new Map([...stored.keys()].map((p) => [resolve(p), p]));
  const out = new Map(stored);
  for (const path of given) {
    const old = byFile.get(resolve(path));
    if (old === undefined || old === path || stored.has(path) || !out.has(old)) continue;
    const { hash, analysis } = out.get(old)!;
    out.delete(old);
    out.set(path, { hash, analysis: { ...analysis, document: { ...analysis.document, path } } });
  }
  return out;
}

export function sortPaths(paths: string[]): string[] {
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
