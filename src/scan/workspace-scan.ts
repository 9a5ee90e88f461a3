import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Analysis, Decision, Diagnostic, ScanResult, ScanSettings } from '../types.js';
import { listInputs, type IngestLimits, type InputList } from '../read/ingest/index.js';
import { compareAnalyses } from '../compare/compare.js';
import type { CandidateOptions } from '../compare/candidates/index.js';
import { resolveSettings } from '../settings.js';
import { describeInputs, scanTime, withScanInfo } from './scan-info.js';
import { VERSION } from '../version.js';
import { printStats, timed, timeStages } from '../util/stats.js';
import { byPath, type ScanProgress } from './scan.js';
import { compareWithPast, readPastBatch, type PastBatch } from './against.js';
import { writeProblem } from '../workspace/access.js';
import { WorkspaceError } from '../workspace/errors.js';
import { openWorkspace } from '../workspace/open.js';
import { analysesCompatible, readPlanned } from './read-plan.js';
import { byHash, followMoves, missingDiagnostics, movedFiles, vanishedDocuments } from './stale-files.js';
import { StreamsPool } from '../read/workers/tokens-pool.js';
import type { Workspace } from '../workspace/workspace.js';
import {
  keptDiagnostics,
  lookedAt,
  planScan,
  respell,
  sortPaths,
  tally,
  type ScanPlan,
  type WorkspaceScanCounts,
} from './workspace-plan.js';
import { analyzeFiles } from '../read/workers/read-files.js';
import { splitReferences, withReferences } from './references.js';

export interface WorkspaceScanOptions {
  /** The workspace file; created when missing. */
  workspace: string;
  /** A past workspace to compare the batch with, read-only (`scan --against PAST.db`). */
  against?: string;
  settings?: Partial<ScanSettings>;
  /** Drop stored documents not among this scan's inputs (default: keep them; a rescan adds). */
  prune?: boolean;
  onProgress?: (p: ScanProgress) => void;
  /** What one file may cost (size, pages, time…); default DEFAULT_LIMITS. */
  limits?: IngestLimits;
  /** Files never read as reports besides the workspaces themselves (see listInputs). */
  exclude?: readonly string[];
  /**
   * Reference documents (files or folders): upstream texts reports quote. Read at every scan that
   * names them, compared with the batch, saved as documents marked `reference`, never as reports.
   */
  references?: readonly string[];
  /** Files and folders never read as reports (a team's configuration names them). */
  ignore?: readonly string[];
  /** Where candidate pairs are computed (`--engine`): the findings are the same on every engine. */
  engine?: CandidateOptions;
}

export interface WorkspaceScanOutput {
  result: ScanResult;
  counts: WorkspaceScanCounts;
  /** The input files given this time (folders expanded), as the result's documents spell them. */
  given: string[];
  /** The saved scan's number (see FindingIds). */
  scan: number;
}

/**
 * Scans `paths` (files and folders) into a workspace: unchanged files reuse their stored analysis,
 * new and changed ones are analysed, everything in the workspace is compared anew, and the result
 * replaces the stored scan in one transaction. Decisions are untouched.
 *
 * With `against`, the batch is also compared with the past workspace's documents (see
 * compareWithPast: they are appended after the batch, marked `past`; only findings involving the
 * batch are kept; the batch's ratios stay those of the batch alone, with `pastRatio` beside them),
 * and the past workspace's decisions on those findings are carried over where this workspace has
 * none. Nothing is written to the past workspace.
 */
export async function scanIntoWorkspace(paths: string[], options: WorkspaceScanOptions): Promise<WorkspaceScanOutput> {
  const settings = resolveSettings(options.settings);
  // Before any work: a scan that cannot be saved is refused, not done and then lost.
  const problem = writeProblem(options.workspace);
  if (problem !== null) {
    const what = existsSync(options.workspace)
      ? `workspace ${options.workspace} cannot be written`
      : `cannot create workspace ${options.workspace}`;
    throw new WorkspaceError(`${what}: ${problem}; give --workspace a writable place, or --no-workspace`);
  }
  const workspaces = [options.workspace, ...(options.against === undefined ? [] : [options.against])];
  const exclude = [...workspaces, ...(options.exclude ?? [])];
  const all = await listInputs(paths, { exclude });
  if (options.against !== undefined) await checkDistinct(options.workspace, options.against);
  if (options.against !== undefined && (options.references?.length ?? 0) > 0) {
    throw new WorkspaceError(
      '--reference cannot go with --against yet: compare with the past workspace, or recite the references, in two scans',
    );
  }
  // The past workspace first: refused, it must leave no new empty workspace behind.
  const past = options.against === undefined ? undefined : openWorkspace(options.against, { readonly: true });
  let ws: Workspace | undefined;
  const streams = new StreamsPool();
  try {
    const pastBatch = past ? readPastBatch(past, settings) : undefined;
    ws = openWorkspace(options.workspace, { create: true });
    // References given are remembered for the scans to come; none given, the remembered ones are read
    // (not with --against, which compares with a past batch instead).
    const given = options.references;
    const remembered = ws.references()?.filter((p) => existsSync(p));
    const references = options.against !== undefined ? [] : (given ?? remembered ?? []);
    const split = await splitReferences(all.files, references, exclude, options.ignore);
    const listed: InputList = { files: split.reports, diagnostics: [...all.diagnostics, ...split.diagnostics] };
    const out = await scanWith(
      ws,
      past,
      pastBatch,
      { paths, listed, references: split.references, given: references },
      settings,
      options,
      streams,
    );
    if (given !== undefined) ws.keepReferences(given.map((p) => resolve(p)));
    return out;
  } finally {
    streams.close();
    ws?.close();
    past?.close();
  }
}

/** The batch as this scan sees it: its own analyses (kept and read), what was done, and the diagnostics. */
interface ReadBatch {
  files: string[];
  plan: ScanPlan;
  own: Map<string, Analysis>;
  ownAnalyses: Analysis[];
  reused: Set<string>;
  counts: WorkspaceScanCounts;
  paragraphs: number;
  diagnostics: Diagnostic[];
}

async function scanWith(
  ws: Workspace,
  past: Workspace | undefined,
  pastBatch: PastBatch | undefined,
  inputs: { paths: string[]; listed: InputList; references: string[]; given: readonly string[] },
  settings: ScanSettings,
  options: WorkspaceScanOptions,
  streams: StreamsPool,
): Promise<WorkspaceScanOutput> {
  const batch = await readBatch(ws, pastBatch, inputs, settings, options, streams);
  const { plan, own, counts, paragraphs, ownAnalyses } = batch;
  const comparing = (stage?: string) =>
    options.onProgress?.({
      phase: 'compare',
      filesDone: plan.read.length,
      filesTotal: plan.read.length,
      paragraphs,
      stage,
    });
  comparing();
  // References are read afresh at every scan that names them, and never stored as reports.
  const refRead =
    inputs.references.length === 0
      ? undefined
      : await analyzeFiles(inputs.references, settings, undefined, { limits: options.limits });
  const references = refRead?.analyses ?? [];
  const diagnostics = byPath([...batch.diagnostics, ...(refRead?.diagnostics ?? [])]);
  const stages = timeStages(comparing);
  const compared = pastBatch
    ? await compareWithPast(ownAnalyses, pastBatch, settings, diagnostics, stages.onStage, options.engine)
    : await compareAnalyses(
        [...ownAnalyses, ...references],
        settings,
        diagnostics,
        stages.onStage,
        references.length,
        options.engine,
      );
  stages.end();
  const at = scanTime();
  const described = await describeInputs(inputs.paths, batch.files);
  const against = pastBatch && {
    path: pastBatch.path,
    reports: pastBatch.analyses.length,
    ...(pastBatch.at ? { at: pastBatch.at } : {}),
  };
  const scanned = withScanInfo(compared, {
    at,
    inputs: described,
    workspace: options.workspace,
    kept: counts.kept,
    ...(against ? { against } : {}),
  });
  const result = await withReferences(scanned, ownAnalyses.length, inputs.given, inputs.references);
  let carried: Decision[] = [];
  if (past) {
    const keys = new Set(result.clusters.map((c) => c.key));
    carried = past.decisions().filter((d) => keys.has(d.key));
  }
  // Kept and unchanged documents' analyses are as stored: saveScan need not write them again.
  const unchanged = new Set([...plan.keep, ...batch.reused].map((p) => own.get(p)!));
  const analyses = [...ownAnalyses, ...references, ...(pastBatch?.analyses ?? [])];
  const scan = timed('save', () => ws.saveScan(result, analyses, { carried, unchanged, info: { at, ...counts } }));
  options.onProgress?.({ phase: 'done', filesDone: plan.read.length, filesTotal: plan.read.length, paragraphs });
  return { result, counts, given: batch.files, scan };
}

/**
 * The batch's analyses: stored ones reused where the file is unchanged, the rest read (on the
 * reading threads, while the stored ones get their token streams on the token pool), with what
 * happened to each file and the diagnostics kept from earlier scans.
 */
async function readBatch(
  ws: Workspace,
  pastBatch: PastBatch | undefined,
  inputs: { paths: string[]; listed: InputList },
  settings: ScanSettings,
  options: WorkspaceScanOptions,
  streams: StreamsPool,
): Promise<ReadBatch> {
  const files = inputs.listed.files;
  const reusable = analysesCompatible(ws.storedHeader(), VERSION, settings);
  // Stored analyses lack token streams: worker threads make them as the analyses load (only when
  // they can be reused; wasted only on files then found changed, or dropped by prune).
  const pastAnalyses = pastBatch?.analyses ?? [];
  streams.add(pastAnalyses);
  const loaded = timed('load', () => ws.storedAnalyses(reusable ? (slice) => streams.add(slice) : undefined));
  const stored = respell(loaded, files);
  const vanished = vanishedDocuments(stored, new Set(files));
  for (const path of vanished.keys()) stored.delete(path);
  const plan = planScan(files, [...stored.keys()], { prune: options.prune, reusable });

  const started = performance.now();
  const prior = (path: string) => (reusable ? stored.get(path) : undefined);
  const movedFrom = reusable ? byHash(vanished) : undefined;
  const [read] = await Promise.all([
    readPlanned(plan.read, prior, settings, options.onProgress, { limits: options.limits }, movedFrom),
    streams.done(),
  ]);
  printStats({ read: Math.round(performance.now() - started) });
  const { own, counts, paragraphs } = tally(files, plan, stored, read, pastAnalyses.length);
  const moved = movedFiles(vanished, read.analyses, stored);
  const missing = missingDiagnostics(vanished.keys(), moved.values());
  counts.moved = moved.size;
  if (options.prune) counts.dropped += missing.length;
  else counts.missing = missing.length;
  const fresh = [...inputs.listed.diagnostics, ...read.diagnostics];
  const looked = lookedAt(inputs.paths, fresh, new Set(plan.keep));
  const prune = options.prune ?? false;
  const kept = keptDiagnostics(followMoves(ws.diagnostics(), vanished, moved), plan.read, read.reused, prune, looked);
  const diagnostics = [...kept, ...fresh, ...(prune ? [] : missing)];
  const ownAnalyses = sortPaths([...own.keys()]).map((p) => own.get(p)!);
  return { files, plan, own, ownAnalyses, reused: read.reused, counts, paragraphs, diagnostics };
}

async function checkDistinct(workspace: string, against: string): Promise<void> {
  const real = async (p: string) => realpath(p).catch(() => p);
  if ((await real(workspace)) === (await real(against))) {
    throw new WorkspaceError(`--against ${against} is the workspace itself; give the past year's workspace`);
  }
}
