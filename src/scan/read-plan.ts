import type { Analysis, Diagnostic, ScanResult, ScanSettings } from '../types.js';
import { DEFAULT_LIMITS, readInput, sha256, type IngestLimits } from '../read/ingest/index.js';
import { analyzeFiles, type AnalyzeFilesOptions, type ReadProgress } from '../read/workers/read-files.js';

/** What became of the files of a read plan. */
export interface ReadOutcome {
  /** Analyses by path: the stored one for an unchanged file, a new one otherwise; none for a file that failed. */
  analyses: Map<string, Analysis>;
  /** Paths whose stored analysis was reused (same SHA-256 as stored, or as a moved file's). */
  reused: Set<string>;
  /** Diagnostics of the files analysed anew (errors and ingest warnings), as a scan without workspace gives them. */
  diagnostics: Diagnostic[];
}

type Prior = { hash: string; analysis: Analysis };

/**
 * Reads the files of `paths`: those with a stored prior are hashed on this thread (cheap next to
 * analysing them) and, when unchanged, keep their stored analysis; all the others are analysed
 * together on the worker pool, as a scan without workspace does. A file changed or unreadable at
 * hashing is handed to the pool as well, so its diagnostic reads the same as elsewhere.
 * `movedFrom` holds stored documents whose file is gone, by hash: while there are any, files with
 * no prior are hashed too, and one with such a hash takes that analysis, under its new path (the
 * analysis object itself is given the path, so that work already under way on it is kept).
 * Progress counts files over the whole of `paths`.
 */
export async function readPlanned(
  paths: string[],
  prior: (path: string) => Prior | undefined,
  settings: ScanSettings,
  onProgress?: (p: ReadProgress) => void,
  poolOptions?: AnalyzeFilesOptions,
  movedFrom: ReadonlyMap<string, Prior> = new Map(),
): Promise<ReadOutcome> {
  const analyses = new Map<string, Analysis>();
  const reused = new Set<string>();
  const unclaimed = new Map(movedFrom);
  const toAnalyze: string[] = [];
  let paragraphs = 0;
  const report = (done: number, extra: number) =>
    onProgress?.({ phase: 'read', filesDone: done, filesTotal: paths.length, paragraphs: paragraphs + extra });

  const limits = poolOptions?.limits ?? DEFAULT_LIMITS;
  for (const path of paths) {
    let stored = prior(path);
    if (stored === undefined && unclaimed.size === 0) continue;
    const hash = hashOf(path, limits);
    if (stored === undefined && hash !== null && unclaimed.has(hash)) {
      stored = unclaimed.get(hash)!;
      unclaimed.delete(hash);
      stored.analysis.document = { ...stored.analysis.document, path };
    }
    if (stored === undefined || hash !== stored.hash) continue;
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
 * The file's SHA-256, or null when it cannot be read (or is not a regular file, or is over the
 * size limit: read again on the pool, it gets its diagnostic there).
 */
function hashOf(path: string, limits: IngestLimits): string | null {
  const read = readInput(path, limits);
  return read.ok ? sha256(read.bytes) : null;
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
