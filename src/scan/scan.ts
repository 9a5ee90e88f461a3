import type { Analysis, Diagnostic, ScanResult, ScanSettings } from '../types.js';
import { listInputs, type IngestLimits } from '../read/ingest/index.js';
import { analyzeFiles } from '../read/workers/read-files.js';
import { compareAnalyses, type CompareEngine } from '../compare/compare.js';
import { outOfCore, type CandidateOptions } from '../compare/candidates/index.js';
import { TokenFile } from '../read/token-file.js';
import { TextFile } from '../read/text-file.js';
import { resolveSettings } from '../settings.js';
import { describeInputs, scanTime, withScanInfo } from './scan-info.js';
import { printStats, timeStages } from '../util/stats.js';
import { reportsFirst, splitReferences, withReferences } from './references.js';

export { defaultSettings, resolveSettings } from '../settings.js';

export interface ScanProgress {
  phase: 'read' | 'compare' | 'done';
  filesDone: number;
  filesTotal: number;
  paragraphs: number;
  /** While comparing: what the comparison is doing now, e.g. "aligning 1,200,000/4,000,000 pairs". */
  stage?: string;
}

export interface ScanOptions {
  settings?: Partial<ScanSettings>;
  onProgress?: (p: ScanProgress) => void;
  /** What one file may cost (size, pages, time…); default DEFAULT_LIMITS. */
  limits?: IngestLimits;
  /** Files never read as reports, with their sidecars: the workspaces in use (see listInputs). */
  exclude?: readonly string[];
  /** Reference documents (files or folders): upstream texts reports quote; never reports themselves. */
  references?: readonly string[];
  /** Files and folders never read as reports (a team's configuration names them). */
  ignore?: readonly string[];
  /** Where candidate pairs are computed (`--engine`): the findings are the same on every engine. */
  engine?: CandidateOptions & Pick<CompareEngine, 'readThroughFrom'>;
  /**
   * Only the result is wanted: no analyses are returned, and the comparison lets go of each
   * report's band keys once phase 1 has its candidates (1.2 GB at 300,000 reports).
   */
  resultOnly?: boolean;
}

export interface ScanOutput {
  result: ScanResult;
  analyses: Analysis[];
}

/** The whole pipeline on files and folders; the result records when and over what it ran (`scan`). */
export async function scanPaths(paths: string[], options: ScanOptions = {}): Promise<ScanOutput> {
  const settings = resolveSettings(options.settings);
  const listing = await listInputs(paths, { exclude: options.exclude });
  const inputs = await splitReferences(listing.files, options.references, options.exclude, options.ignore);
  const files = [...inputs.reports, ...inputs.references];
  const engine = options.engine ?? {};
  // A batch memory may not hold sends its tokens to disk as it is read, not once it all has been.
  const tokens = outOfCore(engine) ? TokenFile.open(engine.duckdb?.scratch) : undefined;
  try {
    // The text goes too; its file lasts as long as the result's paragraphs, which read it.
    const texts = tokens && TextFile.open(engine.duckdb?.scratch);
    return await scanFiles(
      paths,
      files,
      inputs,
      listing.diagnostics,
      settings,
      options,
      { ...engine, tokens, texts, spendKeys: options.resultOnly },
      texts,
    );
  } finally {
    tokens?.close();
  }
}

async function scanFiles(
  paths: string[],
  files: string[],
  inputs: Awaited<ReturnType<typeof splitReferences>>,
  listed: Diagnostic[],
  settings: ScanSettings,
  options: ScanOptions,
  engine: CompareEngine,
  texts: TextFile | undefined,
): Promise<ScanOutput> {
  const started = performance.now();
  const read = await analyzeFiles(files, settings, options.onProgress, {
    limits: options.limits,
    tokens: engine.tokens,
    texts,
  });
  const split = reportsFirst(read.analyses, inputs.references);
  const analyses = [...split.reports, ...split.references];
  const diagnostics = byPath([...listed, ...inputs.diagnostics, ...read.diagnostics]);
  printStats({ read: Math.round(performance.now() - started) });
  const comparing = (stage?: string) =>
    options.onProgress?.({ phase: 'compare', filesDone: files.length, filesTotal: files.length, paragraphs: 0, stage });
  comparing();
  const stages = timeStages(comparing);
  const compared = await compareAnalyses(
    analyses,
    settings,
    diagnostics,
    stages.onStage,
    split.references.length,
    engine,
  );
  stages.end();
  const scanned = withScanInfo(compared, { at: scanTime(), inputs: await describeInputs(paths, inputs.reports) });
  const result = await withReferences(scanned, split.reports.length, options.references, inputs.references);
  options.onProgress?.({ phase: 'done', filesDone: files.length, filesTotal: files.length, paragraphs: 0 });
  return { result, analyses: options.resultOnly ? [] : analyses };
}

/**
 * Diagnostics in path order (a stable sort: a file's own stay in the order they were given), so
 * those of the listing (links, folders) stand among those of reading.
 */
export function byPath(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
