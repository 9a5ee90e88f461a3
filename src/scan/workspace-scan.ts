import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Analysis, Decision, Diagnostic, ScanResult, ScanSettings } from '../types.js';
import { listInputs, type IngestLimits, type InputList } from '../read/ingest/index.js';
import { compareAnalyses } from '../compare/compare.js';
import { resolveSettings } from '../settings.js';
import { describeInputs, scanTime, withScanInfo } from './scan-info.js';
import { VERSION } from '../version.js';
import { printStats, timed, timeStages } from '../util/stats.js';
import { byPath, type ScanProgress } from './scan.js';
import { compareWithPast, readPastBatch, type PastBatch } from './against.js';
import { writeProblem } from '../workspace/access.js';
import { WorkspaceError } from '../workspace/errors.js';
import { openWorkspace } from '../workspace/open.js';
import { analysesCompatible, readPlanned, type ReadOutcome } from './read-plan.js';
import { byHash, followMoves, missingDiagnostics, movedFiles, vanishedDocuments } from './stale-files.js';
import { StreamsPool } from '../read/workers/tokens-pool.js';
import type { StoredAnalysis, Workspace } from '../workspace/workspace.js';
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
}

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

export interface WorkspaceScanOutput {
  result: ScanResult;
  counts: WorkspaceScanCounts;
  /** The input files given this time (folders expanded), as the result's documents spell them. */
  given: string[];
  /** The saved scan's number (see FindingIds). */
  scan: number;
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
    const what = existsSync(options.workspace) ? `workspace ${options.workspace} cannot be written` : `cannot create workspace ${options.workspace}`;
    throw new WorkspaceError(`${what}: ${problem}; give --workspace a writable place, or --no-workspace`);
  }
  const workspaces = [options.workspace, ...(options.against === undefined ? [] : [options.against])];
  const exclude = [...workspaces, ...(options.exclude ?? [])];
  const all = await listInputs(paths, { exclude });
  const split = await splitReferences(all.files, options.references, exclude, options.ignore);
  const listed: InputList = { files: split.reports, diagnostics: [...all.diagnostics, ...split.diagnostics] };
  if (options.against !== undefined) await checkDistinct(options.workspace, options.against);
  if (options.against !== undefined && split.references.length > 0) {
    throw new WorkspaceError('--reference cannot go with --against yet: compare with the past workspace, or recite the references, in two scans');
  }
  // The past workspace first: refused, it must leave no new empty workspace behind.
  const past = options.against === undefined ? undefined : openWorkspace(options.against, { readonly: true });
  let ws: Workspace | undefined;
  const streams = new StreamsPool();
  try {
    const pastBatch = past ? readPastBatch(past, settings) : undefined;
    ws = openWorkspace(options.workspace, { create: true });
    return await scanWith(ws, past, pastBatch, { paths, listed, references: split.references }, settings, options, streams);
  } finally {
    streams.close();
    ws?.close();
    past?.close();
  }
}

async function scanWith(
  ws: Workspace,
  past: Workspace | undefined,
  pastBatch: PastBatch | undefined,
  inputs: { paths: string[]; listed: InputList; references: string[] },
  settings: ScanSettings,
  options: WorkspaceScanOptions,
  streams: StreamsPool,
): Promise<WorkspaceScanOutput> {
  const files = inputs.listed.files;
  const reusable = analysesCompatible(ws.storedHeader(), VERSION, settings);
  // Stored analyses lack token streams: worker threads make them as the analyses load (only when
  // they can be reused; wasted only on files then found changed, or dropped by prune).
  const pastAnalyses = pastBatch?.analyses ?? [];
  streams.add(pastAnalyses);
  const loaded = timed('load', () => ws.storedAnalyses(reusable ? (slice) => streams.add(slice) : undefined));
  const stored = respell(loaded, files);
  const givenSet = new Set(files);
  const vanished = vanishedDocuments(stored, givenSet);
  for (const path of vanished.keys()) stored.delete(path);
  const plan = planScan(files, [...stored.keys()], { prune: options.prune, reusable });

  const started = performance.now();
  const prior = (path: string) => (reusable ? stored.get(path) : undefined);
  const movedFrom = reusable ? byHash(vanished) : undefined;
  const [read] = await Promise.all([readPlanned(plan.read, prior, settings, options.onProgress, { limits: options.limits }, movedFrom), streams.done()]);
  printStats({ read: Math.round(performance.now() - started) });
  const { own, counts, paragraphs } = tally(files, plan, stored, read, pastAnalyses.length);
  const moved = movedFiles(vanished, read.analyses, stored);
  const missing = missingDiagnostics(vanished.keys(), moved.values());
  counts.moved = moved.size;
  if (options.prune) counts.dropped += missing.length;
  else counts.missing = missing.length;
  const fresh = [...inputs.listed.diagnostics, ...read.diagnostics];
  const looked = lookedAt(inputs.paths, fresh, new Set(plan.keep));
  const kept = keptDiagnostics(followMoves(ws.diagnostics(), vanished, moved), plan.read, read.reused, options.prune ?? false, looked);
  const diagnostics = byPath([...kept, ...fresh, ...(options.prune ? [] : missing)]);

  const ownAnalyses = sortPaths([...own.keys()]).map((p) => own.get(p)!);

  const comparing = (stage?: string) => options.onProgress?.({ phase: 'compare', filesDone: plan.read.length, filesTotal: plan.read.length, paragraphs, stage });
  comparing();
  // References are read afresh at every scan that names them, and never stored as reports.
  const refRead = inputs.references.length === 0 ? undefined : await analyzeFiles(inputs.references, settings, undefined, { limits: options.limits });
  const references = refRead?.analyses ?? [];
  diagnostics.push(...(refRead?.diagnostics ?? []));
  const analyses = [...ownAnalyses, ...references, ...pastAnalyses];
  const stages = timeStages(comparing);
  const compared = pastBatch
    ? await compareWithPast(ownAnalyses, pastBatch, settings, diagnostics, stages.onStage)
    : await compareAnalyses([...ownAnalyses, ...references], settings, byPath(diagnostics), stages.onStage, references.length);
  stages.end();
  const at = scanTime();
  const described = await describeInputs(inputs.paths, files);
  const against = pastBatch && { path: pastBatch.path, reports: pastAnalyses.length, ...(pastBatch.at ? { at: pastBatch.at } : {}) };
  const scanned = withScanInfo(compared, { at, inputs: described, workspace: options.workspace, kept: counts.kept, ...(against ? { against } : {}) });
  const result = await withReferences(scanned, ownAnalyses.length, options.references, inputs.references);
  let carried: Decision[] = [];
  if (past) {
    const keys = new Set(result.clusters.map((c) => c.key));
    carried = past.decisions().filter((d) => keys.has(d.key));
  }
  // Kept and unchanged documents' analyses are as stored: saveScan need not write them again.
  const unchanged = new Set([...plan.keep, ...read.reused].map((p) => own.get(p)!));
  const scan = timed('save', () => ws.saveScan(result, analyses, { carried, unchanged, info: { at, ...counts } }));
  options.onProgress?.({ phase: 'done', filesDone: plan.read.length, filesTotal: plan.read.length, paragraphs });
  return { result, counts, given: files, scan };
}

/** The analyses of this scan's own documents (kept and read), by path, and what happened to each file. */
function tally(
  files: string[],
  plan: ScanPlan,
  stored: ReadonlyMap<string, StoredAnalysis>,
  read: ReadOutcome,
  past: number,
): { own: Map<string, Analysis>; counts: WorkspaceScanCounts; paragraphs: number } {
  const counts: WorkspaceScanCounts = {
    files: files.length, analysed: 0, skipped: 0, failed: 0, kept: plan.keep.length, dropped: plan.drop.length, past, moved: 0, missing: 0,
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
export function lookedAt(given: readonly string[], fresh: readonly Diagnostic[], kept: ReadonlySet<string>): (path: string) => boolean {
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

async function checkDistinct(workspace: string, against: string): Promise<void> {
  const real = async (p: string) => realpath(p).catch(() => p);
  if ((await real(workspace)) === (await real(against))) {
    throw new WorkspaceError(`--against ${against} is the workspace itself; give the past year's workspace`);
  }
}

function sortPaths(paths: string[]): string[] {
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
