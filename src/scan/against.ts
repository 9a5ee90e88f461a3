import type { Analysis, Diagnostic, ResultDocument, ResultDocumentPair, ScanResult, ScanSettings } from '../types.js';
import { listInputs } from '../read/ingest/index.js';
import { analyzeFiles } from '../read/workers/read-files.js';
import { compareAnalyses, type OnStage } from '../compare/compare.js';
import type { CandidateOptions } from '../compare/candidates/index.js';
import { byPath, type ScanOptions } from './scan.js';
import { describeInputs, scanTime, withScanInfo } from './scan-info.js';
import { resolveSettings } from '../settings.js';
import { scoreDocuments } from '../compare/score/score.js';
import { VERSION } from '../version.js';
import { timeStages } from '../util/stats.js';
import { WorkspaceError } from '../workspace/errors.js';
import { openWorkspace } from '../workspace/open.js';
import { analysesCompatible } from './read-plan.js';
import { StreamsPool } from '../read/workers/tokens-pool.js';
import type { Workspace } from '../workspace/workspace.js';

type Ratios = Pick<ResultDocument, 'templatedRatio' | 'withinRatio' | 'boilerplateRatio'>;

/** A past workspace's own reports, ready to be compared with a new batch (`scan --against`). */
export interface PastBatch {
  /** The past workspace's path, as given. */
  path: string;
  /** Its reports' analyses, in path order. */
  analyses: Analysis[];
  /** Each report's ratios as the past workspace's own scan gave them, by path. */
  ratios: Map<string, Ratios>;
  /** When that scan was made, when it says. */
  at?: string;
}

/**
 * `scan PATHS --against PAST.db --no-workspace`: the files compared with a past workspace's
 * reports as a workspace scan compares them, with nothing saved anywhere.
 */
export async function scanAgainst(paths: string[], against: string, options: ScanOptions = {}): Promise<ScanResult> {
  const settings = resolveSettings(options.settings);
  // The past workspace is never a report of the batch, nor any file the scan is told to pass over.
  const { files, diagnostics: listed } = await listInputs(paths, { exclude: [against, ...(options.exclude ?? [])] });
  const pastWorkspace = openWorkspace(against, { readonly: true });
  const streams = new StreamsPool();
  try {
    const past = readPastBatch(pastWorkspace, settings);
    // Stored analyses lack token streams: worker threads make them while the files are read.
    streams.add(past.analyses);
    const [read] = await Promise.all([
      analyzeFiles(files, settings, options.onProgress, { limits: options.limits }),
      streams.done(),
    ]);
    const { analyses } = read;
    const diagnostics = byPath([...listed, ...read.diagnostics]);
    const comparing = (stage?: string) =>
      options.onProgress?.({
        phase: 'compare',
        filesDone: files.length,
        filesTotal: files.length,
        paragraphs: 0,
        stage,
      });
    comparing();
    const stages = timeStages(comparing);
    const compared = await compareWithPast(analyses, past, settings, diagnostics, stages.onStage, options.engine);
    stages.end();
    options.onProgress?.({ phase: 'done', filesDone: files.length, filesTotal: files.length, paragraphs: 0 });
    const reports = past.analyses.length;
    const scan = {
      at: scanTime(),
      inputs: await describeInputs(paths, files),
      against: { path: past.path, reports, ...(past.at ? { at: past.at } : {}) },
    };
    return withScanInfo(compared, scan);
  } finally {
    streams.close();
    pastWorkspace.close();
  }
}

/** Reads a past workspace's reports (not those it was itself compared with); refuses one made otherwise. */
export function readPastBatch(past: Workspace, settings: ScanSettings): PastBatch {
  const header = past.storedHeader();
  if (!analysesCompatible(header, VERSION, settings)) {
    const why = header === null ? 'holds no scan' : 'was scanned with other band settings or another refrain version';
    throw new WorkspaceError(
      `past workspace ${past.path} ${why}; rescan its reports into it with this refrain and the same settings first`,
    );
  }
  const stored = past.storedAnalyses();
  const summary = past.loadSummary();
  const ratios = new Map<string, Ratios>();
  for (const d of summary?.documents ?? []) {
    if (d.past === undefined)
      ratios.set(d.path, {
        templatedRatio: d.templatedRatio,
        withinRatio: d.withinRatio,
        boilerplateRatio: d.boilerplateRatio,
      });
  }
  const paths = [...stored.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    path: past.path,
    analyses: paths.map((p) => stored.get(p)!.analysis),
    ratios,
    at: summary?.scan?.at ?? lastScanTime(past),
  };
}

function lastScanTime(past: Workspace): string | undefined {
  const at = past.lastScan()?.at;
  return typeof at === 'string' ? at : undefined;
}

/**
 * The batch (`own`) compared with a past workspace's reports. Two comparisons: the batch alone,
 * which gives its reports' ratios and the pairs among them exactly as a scan without the past
 * would (an auditor compares this year's figures with this year's batch), and the batch with the
 * past reports, which gives the findings (those involving the batch), the pairs reaching a past
 * report, and each batch report's `pastRatio`: the share of it covered by findings that reach a
 * past report. Past reports come after the batch's, marked `past`, with the ratios of their own
 * scan. The second comparison alone would shift this year's figures: a passage clusters around
 * a past copy, and page chrome reaches the boilerplate share sooner with twice the reports.
 */
export async function compareWithPast(
  own: Analysis[],
  past: PastBatch,
  settings: ScanSettings,
  diagnostics: Diagnostic[],
  onStage: OnStage = () => {},
  engine: CandidateOptions = {},
): Promise<ScanResult> {
  // The comparison drops each analysis's token streams once it has joined them; the second needs them too.
  const streams = own.map((a) => a.streams);
  const alone = await compareAnalyses(
    own,
    settings,
    diagnostics,
    (stage, step) => onStage(`${stage} (this batch)`, step),
    0,
    engine,
  );
  own.forEach((a, i) => (a.streams = streams[i]));
  const together = await compareAnalyses(
    [...own, ...past.analyses],
    settings,
    diagnostics,
    (stage, step) => onStage(`${stage} (with ${past.path})`, step),
    0,
    engine,
  );
  const batch = own.length;
  const result = keepBatchFindings(together, batch, past.path);
  const reaching = result.clusters.filter((c) => c.members.some((m) => m.doc >= batch));
  const { scores } = scoreDocuments(
    result.documents.map((d) => ({ paragraphs: d.paragraphs, chars: d.chars })),
    reaching,
  );
  const documents = result.documents.map((d, i): ResultDocument => {
    if (i < batch) return { ...alone.documents[i], pastRatio: scores[i].templatedRatio };
    return { ...d, ...(past.ratios.get(d.path) ?? {}) };
  });
  const documentPairs: ResultDocumentPair[] = [
    ...alone.documentPairs,
    ...result.documentPairs.filter((p) => p.a >= batch || p.b >= batch),
  ];
  documentPairs.sort((x, y) => x.a - y.a || x.b - y.b);
  return { ...result, documents, documentPairs };
}

/**
 * Pure: the findings of a batch-plus-past comparison that involve the batch (documents before
 * `batchSize`), renumbered from 0 in their order; past documents marked with `pastPath`;
 * document pairs between two past documents left out.
 */
export function keepBatchFindings(result: ScanResult, batchSize: number, pastPath: string): ScanResult {
  const clusters = result.clusters
    .filter((c) => c.members.some((m) => m.doc < batchSize))
    .map((c, id) => ({ ...c, id }));
  return {
    ...result,
    documents: result.documents.map((d) => (d.id < batchSize ? d : { ...d, past: pastPath })),
    clusters,
    documentPairs: result.documentPairs.filter((p) => p.a < batchSize || p.b < batchSize),
  };
}
