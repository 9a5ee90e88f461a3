import { readFileSync } from 'node:fs';
import type { Analysis, Diagnostic, ScanResult, ScanSettings } from '../types.js';
import { sha256 } from '../ingest/index.js';
import { analyzeFiles, type AnalyzeFilesOptions, type ReadProgress } from '../pipeline/analyze-files.js';

/** What became of the files of a read plan. */
export interface ReadOutcome {
  /** Analyses by path: the stored one for an unchanged file, a new one otherwise; none for a file that failed. */
  analyses: Map<string, Analysis>;
  /** Paths whose stored analysis was reused (same SHA-256 as stored). */
  reused: Set<string>;
  /** Diagnostics of the files analysed anew (errors and ingest warnings), as a scan without workspace gives them. */
  diagnostics: Diagnostic[];
}

/**
 * Reads the files of `paths`: those with a stored prior are hashed on this thread (cheap next to
 * analysing them) and, when unchanged, keep their stored analysis; all the others are analysed
 * together on the worker pool, as a scan without workspace does. A file changed or unreadable at
 * hashing is handed to the pool as well, so its diagnostic reads the same as elsewhere.
 * Progress counts files over the whole of `paths`.
 */
export async function readPlanned(
  paths: string[],
  prior: (path: string) => { hash: string; analysis: Analysis } | undefined,
  settings: ScanSettings,
  onProgress?: (p: ReadProgress) => void,
  poolOptions?: AnalyzeFilesOptions,
): Promise<ReadOutcome> {
  const analyses = new Map<string, Analysis>();
  const reused = new Set<string>();
  const toAnalyze: string[] = [];
  let paragraphs = 0;
  const report = (done: number, extra: number) =>
    onProgress?.({ phase: 'read', filesDone: done, filesTotal: paths.length, paragraphs: paragraphs + extra });

  for (const path of paths) {
    const stored = prior(path);
    if (stored === undefined || hashOf(path) !== stored.hash) continue;
    analyses.set(path, stored.analysis);
    reused.add(path);
    paragraphs += stored.analysis.paragraphs.length;
    if (reused.size % PROGRESS_EVERY === 0) report(reused.size, 0);
  }
  if (reused.size % PROGRESS_EVERY !== 0) report(reused.size, 0);
  for (const p of paths) if (!reused.has(p)) toAnalyze.push(p);

  const done = reused.size;
  const fresh = await analyzeFiles(toAnalyze, settings, (p) => report(done + p.filesDone, p.paragraphs), poolOptions);
  for (const a of fresh.analyses) {
    analyses.set(a.document.path, a);
    paragraphs += a.paragraphs.length;
  }
  return { analyses, reused, diagnostics: fresh.diagnostics };
}

/** Reports hashing progress every this many unchanged files, not every file. */
const PROGRESS_EVERY = 256;

/**
 * The file's SHA-256, or null when it cannot be read. A synchronous read: this thread waits for
 * the hash anyway, and fs/promises costs about 100 µs a file in round trips (see analyze-worker).
 */
function hashOf(path: string): string | null {
  try {
    return sha256(readFileSync(path));
  } catch {
    return null;
  }
}

/** Analyses made with other band settings or another engine version cannot be compared with new ones. */
export function analysesCompatible(
  header: Pick<ScanResult, 'version' | 'settings'> | null,
  version: string,
  settings: ScanSettings,
): boolean {
  return (
    header !== null &&
    header.version === version &&
    header.settings.numHashes === settings.numHashes &&
    header.settings.bands === settings.bands
  );
}
