import type { Analysis, Diagnostic, ScanResult, ScanSettings } from '../types.js';
import { ingestPath, listInputFiles } from '../ingest/index.js';
import { analyzeDocument } from './analyze.js';
import { compareAnalyses } from './compare.js';
import { resolveSettings } from './settings.js';

export { defaultSettings, resolveSettings } from './settings.js';

export interface ScanProgress {
  phase: 'read' | 'compare' | 'done';
  filesDone: number;
  filesTotal: number;
  paragraphs: number;
}

export interface ScanOptions {
  settings?: Partial<ScanSettings>;
  onProgress?: (p: ScanProgress) => void;
}

export interface ScanOutput {
  result: ScanResult;
  analyses: Analysis[];
}

/** Reads, segments and sketches each file, in sorted path order; bad files become diagnostics. */
export async function analyzeFiles(
  paths: string[],
  settings: ScanSettings,
  onProgress?: (p: ScanProgress) => void,
): Promise<{ analyses: Analysis[]; diagnostics: Diagnostic[] }> {
  const analyses: Analysis[] = [];
  const diagnostics: Diagnostic[] = [];
  let paragraphs = 0;
  for (let i = 0; i < paths.length; i++) {
    const r = await ingestPath(paths[i], analyses.length);
    if (r.ok) {
      const a = analyzeDocument(r.document, settings);
      paragraphs += a.paragraphs.length;
      analyses.push(a);
    } else diagnostics.push(r.diagnostic);
    onProgress?.({ phase: 'read', filesDone: i + 1, filesTotal: paths.length, paragraphs });
  }
  return { analyses, diagnostics };
}

/** The whole pipeline on files and folders. */
export async function scanPaths(paths: string[], options: ScanOptions = {}): Promise<ScanOutput> {
  const settings = resolveSettings(options.settings);
  const files = await listInputFiles(paths);
  const { analyses, diagnostics } = await analyzeFiles(files, settings, options.onProgress);
  options.onProgress?.({ phase: 'compare', filesDone: files.length, filesTotal: files.length, paragraphs: 0 });
  const result = compareAnalyses(analyses, settings, diagnostics);
  options.onProgress?.({ phase: 'done', filesDone: files.length, filesTotal: files.length, paragraphs: 0 });
  return { result, analyses };
}
