import type { Command } from './command.js';
import { parseCommandLine } from './args.js';
import { UsageError, InputError } from '../errors.js';
import { scanPaths } from '../../src/scan/scan.js';
import { createProgress } from '../progress.js';
import { SettingsError } from '../../src/settings.js';
import { InputPathError, listInputFiles, type IngestLimits } from '../../src/read/ingest/index.js';
import { spawn } from 'node:child_process';
import { availableParallelism, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { jsonChunks, writeJsonFileAsync } from '../../src/report/json-result.js';
import { describeWriteError, outputProblem } from '../../src/report/output-file.js';
import { formatSummary } from '../text/summary.js';
import { formatDiagnostics } from '../text/diagnostics.js';
import { forTerminal } from '../text/width.js';
import { parseLimits } from './limits.js';
import { invocation, shellWord } from '../invocation.js';
import { loadConfig } from '../config.js';
import { HELP } from './scan-help.js';
import type { ScanResult, ScanSettings } from '../../src/types.js';
import type { CandidateOptions } from '../../src/compare/candidates/index.js';
import { engineForBatch, parseEngine } from './engine-options.js';
import { stat } from 'node:fs/promises';

function number(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < min || x > max)
    throw new UsageError(`--${name} takes a number from ${min} to ${max}, got '${value}'`);
  return x;
}

const DEFAULT_WORKSPACE = 'refrain.db';

/** Batches of more files than this get a heap sized to the machine rather than Node's default. */
const LARGE_BATCH = 20_000;

/**
 * What the C library's allocator is told in the child (Linux, glibc; a value already set is kept):
 * one arena a core rather than eight, and large buffers always mapped on their own, so memory
 * freed (DuckDB's, a stage's arrays) goes back to the system instead of staying in arenas. On
 * 10,000 reports with --engine duckdb: peak 1.35 GB against 1.48 GB, the same CPU time.
 */
function allocatorEnv(): Record<string, string> {
  return {
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? String(availableParallelism()),
    MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? String(128 * 1024),
  };
}

/**
 * How much V8 lets the child's heap grow past what the last full collection kept, in percent
 * (V8 picks up to 300% by itself for a large heap). A large scan's stages make much short-lived
 * garbage, and a heap let grow holds it: 30,000 reports peaked at 2.99 GB instead of 3.37 GB for
 * 6% more CPU time, the same JSON.
 */
const HEAP_GROWING_PERCENT = 30;

/**
 * Node caps its heap near 4 GB whatever the machine has; 100,000 reports need more. For a large
 * batch, run the scan again in a child Node with a heap of three quarters of the memory, grown
 * by small steps, and the allocator held to what the scan uses (once: the child is marked), and
 * answer with its exit status. Returns null when no relaunch is needed.
 */
async function relaunchWithRoom(paths: string[], argv: string[]): Promise<number | null> {
  if (process.env.REFRAIN_RELAUNCHED) return null;
  const want = Math.floor((totalmem() * 0.75) / 2 ** 20);
  if (getHeapStatistics().heap_size_limit / 2 ** 20 >= want * 0.9) return null;
  let files: string[];
  try {
    files = await listInputFiles(paths);
  } catch {
    return null; // the scan itself reports the bad path
  }
  if (files.length <= LARGE_BATCH) return null;
  const growing = process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))
    ? []
    : [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${want}`, ...growing, ...process.execArgv, process.argv[1], 'scan', ...argv],
    {
      stdio: 'inherit',
      env: { ...process.env, ...allocatorEnv(), REFRAIN_RELAUNCHED: '1' },
    },
  );
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
}

/**
 * The engine for the request's inputs: the one asked for, or DuckDB, said on standard error,
 * when none was and memory would not hold the batch (see engineForBatch).
 */
async function engineForInputs(request: ScanRequest): Promise<CandidateOptions> {
  if (request.engine.engine !== undefined || request.engine.exchange !== undefined) return request.engine;
  let files: string[];
  try {
    files = await listInputFiles(request.paths);
  } catch {
    return request.engine; // the scan itself reports the bad path
  }
  // A thousand at a time: the file system answers many at once, not 300,000 files one by one.
  let bytes = 0;
  for (let first = 0; first < files.length; first += 1024) {
    const sizes = files.slice(first, first + 1024).map((file) =>
      stat(file).then(
        (s) => s.size,
        () => 0,
      ),
    );
    for (const size of await Promise.all(sizes)) bytes += size;
  }
  const { engine, switched } = engineForBatch(request.engine, bytes, totalmem());
  if (switched && !request.quiet)
    process.stderr.write(
      `refrain: ${files.length.toLocaleString('en-US')} files, ${(bytes / 1e9).toFixed(1)} GB: more than this ` +
        `machine's memory holds with the default engine; scanning with --engine duckdb (its files in the ` +
        `system's temporary folder; --engine memory keeps everything in memory)\n`,
    );
  return engine;
}

/** What the command line asks of a scan, checked. */
interface ScanRequest {
  paths: string[];
  settings: Partial<ScanSettings>;
  /** --workspace as given (the default is DEFAULT_WORKSPACE). */
  workspace: string | undefined;
  /** --no-workspace: save nothing. */
  noWorkspace: boolean;
  against: string | undefined;
  prune: boolean;
  json: string | undefined;
  failOver: number | undefined;
  top: number;
  limits: IngestLimits;
  quiet: boolean;
  /** Reference documents, from --reference or the configuration. */
  references: string[] | undefined;
  /** Paths never read as reports, from the configuration. */
  ignore: string[] | undefined;
  /** --engine and --scratch. */
  engine: CandidateOptions;
}

/** What a scan gave: the result and, when it was saved in a workspace, what the workspace did. */
interface Scanned {
  result: ScanResult;
  saved?: {
    /** What was done with each file (describeCounts). */
    counts: string;
    /** The saved scan's number. */
    scan: number;
    /** The reports the --fail-over gate judges: those given now, not ones kept from earlier scans. */
    given: ReadonlySet<string>;
  };
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan files and folders for repeated and templated text',
  async run(argv) {
    const request = parseRequest(argv);
    if (request === null) return 0;
    const relaunched = await relaunchWithRoom(request.paths, argv);
    if (relaunched !== null) return relaunched;
    request.engine = await engineForInputs(request);
    let scanned: Scanned;
    try {
      scanned = await scanWithProgress(request);
    } catch (error) {
      // By name: the class lives with DuckDB's code, loaded only for an --exchange scan.
      if (!(error instanceof Error) || error.name !== 'CandidatesPending') throw error;
      process.stderr.write(`refrain: ${error.message}\n`);
      return 3;
    }
    const { result } = scanned;
    if (request.json !== undefined) await writeJson(result, request.json);
    // Skipped files go to standard error whatever else is asked: a report left out must not go unnoticed.
    process.stderr.write(formatDiagnostics(result.diagnostics, { errorsOnly: request.quiet }));
    if (!request.quiet && request.json !== '-') printSummary(scanned, request);
    if (result.documents.length === 0) {
      process.stderr.write('refrain: no readable reports among the inputs\n');
      return 2;
    }
    return request.failOver === undefined ? 0 : failOverVerdict(scanned, request.failOver);
  },
};

/** The command line as a ScanRequest; null after --help. Refuses what cannot work before any work. */
function parseRequest(argv: string[]): ScanRequest | null {
  const parsed = parseCommandLine(
    'scan',
    argv,
    {
      json: { type: 'string' },
      workspace: { type: 'string' },
      'no-workspace': { type: 'boolean' },
      against: { type: 'string' },
      prune: { type: 'boolean' },
      reference: { type: 'string', multiple: true },
      'no-reference': { type: 'boolean' },
      config: { type: 'string' },
      threshold: { type: 'string' },
      'min-tokens': { type: 'string' },
      'min-content': { type: 'string' },
      'fail-over': { type: 'string' },
      top: { type: 'string' },
      limit: { type: 'string', multiple: true },
      quiet: { type: 'boolean', short: 'q' },
      engine: { type: 'string' },
      scratch: { type: 'string' },
      exchange: { type: 'string' },
      'engine-memory': { type: 'string' },
    },
    HELP,
  );
  if (parsed === null) return null;
  const { values, positionals } = parsed;
  if (positionals.length === 0)
    throw new UsageError("scan needs at least one file or folder, e.g. 'refrain scan corpus/'");
  const config = loadConfig(values.config);
  const settings: Partial<ScanSettings> = {};
  if (config.threshold !== undefined) settings.threshold = config.threshold;
  if (config.minTokens !== undefined) settings.minTokens = Math.round(config.minTokens);
  if (config.minContent !== undefined) settings.minContent = config.minContent;
  const threshold = number('threshold', values.threshold, 0.01, 1);
  if (threshold !== undefined) settings.threshold = threshold;
  const minTokens = number('min-tokens', values['min-tokens'], 4, 10000);
  if (minTokens !== undefined) settings.minTokens = Math.round(minTokens);
  const minContent = number('min-content', values['min-content'], 1, 100000);
  if (minContent !== undefined) settings.minContent = minContent;
  const failOver = number('fail-over', values['fail-over'], 0, 1);
  const top = Math.round(number('top', values.top, 0, 1e6) ?? 15);
  const limits = parseLimits(values.limit);
  // A --json path that cannot be written is found out before the scan, not after it.
  const jsonProblem = values.json === undefined || values.json === '-' ? null : outputProblem(values.json);
  if (jsonProblem !== null) throw new InputError(`cannot write ${values.json}: ${jsonProblem}`);
  const noWorkspace = values['no-workspace'] ?? false;
  if (noWorkspace && (values.workspace !== undefined || values.prune))
    throw new UsageError('--no-workspace cannot go with --workspace or --prune');
  if (values['no-reference'] && values.reference !== undefined)
    throw new UsageError('--no-reference cannot go with --reference');
  const references = values['no-reference'] ? [] : (values.reference ?? config.reference);
  if (values.against !== undefined && references !== undefined && references.length > 0) {
    throw new UsageError(
      '--reference cannot go with --against yet: recite the references and compare with the past workspace in two scans',
    );
  }
  return {
    paths: positionals,
    settings,
    workspace: values.workspace,
    noWorkspace,
    against: values.against,
    prune: values.prune ?? false,
    json: values.json,
    failOver,
    top,
    limits,
    quiet: values.quiet ?? false,
    references,
    ignore: config.ignore,
    engine: parseEngine(values.engine, values.scratch, values.exchange, values.against, values['engine-memory']),
  };
}

/** Runs the scan the request asks for, showing its progress on a terminal. */
async function scanWithProgress(request: ScanRequest): Promise<Scanned> {
  const progress = createProgress(process.stderr);
  const onProgress = (p: Parameters<typeof progress.update>[0]) => progress.update(p);
  // The default workspace is never a report, even when this scan does not use it; nor is the
  // JSON this scan writes (a rescan of the folder would otherwise read the last one).
  const exclude = [DEFAULT_WORKSPACE, ...(request.json !== undefined && request.json !== '-' ? [request.json] : [])];
  const { references, ignore, engine } = request;
  const options = {
    settings: request.settings,
    onProgress,
    limits: request.limits,
    exclude,
    references,
    ignore,
    engine,
  };
  try {
    if (!request.noWorkspace) {
      // The workspace code loads better-sqlite3: only when a workspace is wanted.
      const { scanIntoWorkspace } = await import('../../src/scan/workspace-scan.js');
      const { describeCounts } = await import('../../src/workspace/index.js');
      const workspace = request.workspace ?? DEFAULT_WORKSPACE;
      const { against } = request;
      const out = await scanIntoWorkspace(request.paths, { ...options, workspace, against, prune: request.prune });
      const counts = describeCounts(out.counts, workspace, against, out.scan);
      return { result: out.result, saved: { counts, scan: out.scan, given: new Set(out.given) } };
    }
    if (request.against !== undefined) {
      // Reading the past workspace loads better-sqlite3: only when one is given.
      const { scanAgainst } = await import('../../src/scan/against.js');
      return { result: await scanAgainst(request.paths, request.against, options) };
    }
    return { result: (await scanPaths(request.paths, { ...options, resultOnly: true })).result };
  } catch (error) {
    if (error instanceof InputPathError || error instanceof SettingsError) throw new InputError(error.message);
    // By name, as CandidatesPending (run): a step output or manifest of an --exchange folder that cannot
    // be used; DuckDB out of memory or disk; no room for the token file.
    if (error instanceof Error && ['ExchangeError', 'EngineError', 'ScratchError'].includes(error.name))
      throw new InputError(error.message);
    throw error;
  } finally {
    progress.end();
  }
}

/** Writes the result as JSON to `path`, or to standard output for '-'. */
async function writeJson(result: ScanResult, path: string): Promise<void> {
  if (path === '-') {
    for (const chunk of jsonChunks(result)) process.stdout.write(chunk);
    return;
  }
  try {
    const started = performance.now();
    await writeJsonFileAsync(result, path);
    if (process.env.REFRAIN_STATS) console.error({ writeJson: Math.round(performance.now() - started) });
  } catch (error) {
    throw new InputError(describeWriteError(path, error));
  }
}

/** The summary, and for a saved scan what the workspace did and what to run next. */
function printSummary({ result, saved }: Scanned, request: ScanRequest): void {
  process.stdout.write(formatSummary(result, { width: process.stdout.columns ?? 100, top: request.top }));
  if (saved === undefined) return;
  process.stdout.write(forTerminal(`\n${saved.counts}`));
  const run = invocation();
  // The workspace is named only when it was given: the commands default to the same one.
  const given = request.workspace ? ` ${shellWord(request.workspace)}` : '';
  process.stdout.write(
    forTerminal(
      `Next: ${run} review${given}  (findings, diffs, decisions)  ·  ${run} report${given} --format html -o report.html\n`,
    ),
  );
  if (result.clusters.length > 0) {
    process.stdout.write(
      `Finding ids above are scan ${saved.scan}'s: give one to 'refrain decide' as ${result.clusters[0].id}@${saved.scan}, or give the key.\n`,
    );
  }
}

/** 1 when a report judged by --fail-over is over the ratio (naming each), else 0. */
function failOverVerdict({ result, saved }: Scanned, failOver: number): number {
  // Reports of a past workspace (--against) are what this batch is measured against, not judged.
  const over = result.documents.filter(
    (d) => d.past === undefined && (saved?.given.has(d.path) ?? true) && d.templatedRatio > failOver,
  );
  if (over.length === 0) return 0;
  process.stderr.write(
    `refrain: ${over.length} report${over.length === 1 ? ' is' : 's are'} over --fail-over ${failOver}:\n`,
  );
  for (const d of over) process.stderr.write(forTerminal(`  ${(d.templatedRatio * 100).toFixed(1)}%  ${d.path}\n`));
  return 1;
}
