import type { Command } from './command.js';
import { parseCommandLine } from './args.js';
import { UsageError, InputError } from '../errors.js';
import { scanPaths } from '../../src/scan/scan.js';
import { createProgress } from '../progress.js';
import { SettingsError } from '../../src/settings.js';
import { InputPathError, listInputFiles } from '../../src/read/ingest/index.js';
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { jsonChunks, writeJsonFileAsync } from '../../src/report/json-result.js';
import { describeWriteError, outputProblem } from '../../src/report/output-file.js';
import { formatSummary } from '../text/summary.js';
import { formatDiagnostics } from '../text/diagnostics.js';
import { forTerminal } from '../text/width.js';
import { limitsHelp, parseLimits } from './limits.js';
import { invocation, shellWord } from '../invocation.js';
import type { ScanSettings } from '../../src/types.js';

const HELP = `Usage: refrain scan [options] PATH...

Scans files and folders (recursively, in sorted order) for text repeated inside a report and
text shared across reports, and prints a summary.

Options:
  --workspace FILE       save the scan and keep reviewer decisions in FILE (default ./refrain.db);
                         files already there and unchanged are not read again
  --no-workspace         save nothing; just print (and write --json)
  --against PAST.db      compare this batch with a past workspace (e.g. last year's), adding
                         nothing to it; findings involving only past reports are left out,
                         this batch's ratios stay its own and the share found in the past
                         reports is shown beside them
  --prune                drop reports stored in the workspace that were not given this time
  --json FILE            write the full result (JSON schema 1) to FILE ('-' for standard output)
  --threshold X          similarity a passage needs to be reported, 0..1 (default 0.5)
  --min-tokens N         shortest passage reported, in CJK characters or words (default 12)
  --min-content N        rare shared text a copy between two reports needs to be in the queue,
                         in CJK characters or 2.5 per word (default 25); more in more reports
  --fail-over RATIO      exit 1 when any report given is above RATIO templated (0..1);
                         reports kept in the workspace from earlier scans are not judged
  --top N                findings to list in the summary (default 15)
  --limit NAME=VALUE     what one file may cost; a file over a limit is skipped with a message
                         naming it (give --limit again for another):
${limitsHelp()}
  -q, --quiet            print no summary: only skipped files, errors and the --fail-over verdict
  -h, --help             show this help

Files that cannot be read (skipped) are always listed on standard error, with --quiet too;
files read with a warning (bytes replaced, NULs removed) too, unless --quiet.

A workspace that cannot be written (read-only file or folder, full disk) is refused
before anything is read. A stored report whose file is gone is left out (a warning says
so) unless the same file is given under a new path: then it moved.

Exit status: 0 ok, 1 a report is over --fail-over, 2 usage or input error (no readable
report), or a workspace or --json file that cannot be written.
`;

function number(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < min || x > max) throw new UsageError(`--${name} takes a number from ${min} to ${max}, got '${value}'`);
  return x;
}

const DEFAULT_WORKSPACE = 'refrain.db';

/** Batches of more files than this get a heap sized to the machine rather than Node's default. */
const LARGE_BATCH = 20_000;

/**
 * Node caps its heap near 4 GB whatever the machine has; 100,000 reports need more. For a large
 * batch, run the scan again in a child Node with a heap of three quarters of the memory (once:
 * the child is marked), and answer with its exit status. Returns null when no relaunch is needed.
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
  const child = spawn(process.execPath, [`--max-old-space-size=${want}`, ...process.execArgv, process.argv[1], 'scan', ...argv], {
    stdio: 'inherit',
    env: { ...process.env, REFRAIN_RELAUNCHED: '1' },
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan files and folders for repeated and templated text',
  async run(argv) {
    const parsed = parseCommandLine('scan', argv, {
          json: { type: 'string' },
          workspace: { type: 'string' },
          'no-workspace': { type: 'boolean' },
          against: { type: 'string' },
          prune: { type: 'boolean' },
          threshold: { type: 'string' },
          'min-tokens': { type: 'string' },
          'min-content': { type: 'string' },
          'fail-over': { type: 'string' },
          top: { type: 'string' },
          limit: { type: 'string', multiple: true },
          quiet: { type: 'boolean', short: 'q' },
    }, HELP);
    if (parsed === null) return 0;
    const { values, positionals } = parsed;
    if (positionals.length === 0) throw new UsageError("scan needs at least one file or folder, e.g. 'refrain scan corpus/'");
    const settings: Partial<ScanSettings> = {};
    const threshold = number('threshold', values.threshold, 0.01, 1);
    if (threshold !== undefined) settings.threshold = threshold;
    const minTokens = number('min-tokens', values['min-tokens'], 4, 10000);
    if (minTokens !== undefined) settings.minTokens = Math.round(minTokens);
    const minContent = number('min-content', values['min-content'], 1, 100000);
    if (minContent !== undefined) settings.minContent = minContent;
    const failOver = number('fail-over', values['fail-over'], 0, 1);
    const top = number('top', values.top, 0, 1e6) ?? 15;
    const limits = parseLimits(values.limit);

    // A --json path that cannot be written is found out before the scan, not after it.
    const jsonProblem = values.json === undefined || values.json === '-' ? null : outputProblem(values.json);
    if (jsonProblem !== null) throw new InputError(`cannot write ${values.json}: ${jsonProblem}`);
    if (values['no-workspace'] && (values.workspace !== undefined || values.prune))
      throw new UsageError('--no-workspace cannot go with --workspace or --prune');
    const relaunched = await relaunchWithRoom(positionals, argv);
    if (relaunched !== null) return relaunched;
    const progress = createProgress(process.stderr);
    const onProgress = (p: Parameters<typeof progress.update>[0]) => progress.update(p);
    let result;
    let counts: string | undefined;
    let scanNumber: number | undefined;
    // The reports the --fail-over gate judges: those given now, not ones kept from earlier scans.
    let judged: ReadonlySet<string> | undefined;
    try {
      // The default workspace is never a report, even when this scan does not use it; nor is the
      // JSON this scan writes (a rescan of the folder would otherwise read the last one).
      const exclude = [DEFAULT_WORKSPACE, ...(values.json !== undefined && values.json !== '-' ? [values.json] : [])];
      if (values['no-workspace'] && values.against !== undefined) {
        // Reading the past workspace loads better-sqlite3: only when one is given.
        const ws = await import('../../src/workspace/index.js');
        const { scanAgainst } = await import('../../src/scan/against.js');
        try {
          result = await scanAgainst(positionals, values.against, { settings, onProgress, limits, exclude });
        } catch (error) {
          if (error instanceof ws.WorkspaceError) throw new InputError(error.message);
          throw error;
        }
      } else if (values['no-workspace']) {
        result = (await scanPaths(positionals, { settings, onProgress, limits, exclude })).result;
      } else {
        // The workspace code loads better-sqlite3: only when a workspace is wanted.
        const ws = await import('../../src/workspace/index.js');
        const { scanIntoWorkspace } = await import('../../src/scan/workspace-scan.js');
        const workspace = values.workspace ?? DEFAULT_WORKSPACE;
        try {
          const out = await scanIntoWorkspace(positionals, {
            workspace, against: values.against, settings, prune: values.prune ?? false, onProgress, limits, exclude,
          });
          result = out.result;
          counts = ws.describeCounts(out.counts, workspace, values.against, out.scan);
          scanNumber = out.scan;
          judged = new Set(out.given);
        } catch (error) {
          if (error instanceof ws.WorkspaceError) throw new InputError(error.message);
          throw error;
        }
      }
    } catch (error) {
      if (error instanceof InputPathError || error instanceof SettingsError) throw new InputError(error.message);
      throw error;
    } finally {
      progress.end();
    }
    if (values.json !== undefined) {
      if (values.json === '-') {
        for (const chunk of jsonChunks(result)) process.stdout.write(chunk);
      } else {
        try {
          const started = performance.now();
          await writeJsonFileAsync(result, values.json);
          if (process.env.REFRAIN_STATS) console.error({ writeJson: Math.round(performance.now() - started) });
        } catch (error) {
          throw new InputError(describeWriteError(values.json, error));
        }
      }
    }
    // Skipped files go to standard error whatever else is asked: a report left out must not go unnoticed.
    process.stderr.write(formatDiagnostics(result.diagnostics, { errorsOnly: values.quiet ?? false }));
    if (!values.quiet && values.json !== '-') {
      process.stdout.write(formatSummary(result, { width: process.stdout.columns ?? 100, top: Math.round(top) }));
      if (counts) {
        process.stdout.write(forTerminal(`\n${counts}`));
        const run = invocation();
        const ws = values.workspace ? ` ${shellWord(values.workspace)}` : '';
        process.stdout.write(forTerminal(`Next: ${run} review${ws}  (findings, diffs, decisions)  ·  ${run} report${ws} --format html -o report.html\n`));
        if (result.clusters.length > 0) {
          process.stdout.write(`Finding ids above are scan ${scanNumber}'s: give one to 'refrain decide' as ${result.clusters[0].id}@${scanNumber}, or give the key.\n`);
        }
      }
    }
    if (result.documents.length === 0) {
      process.stderr.write('refrain: no readable reports among the inputs\n');
      return 2;
    }
    if (failOver !== undefined) {
      // Reports of a past workspace (--against) are what this batch is measured against, not judged.
      const over = result.documents.filter((d) => d.past === undefined && (judged?.has(d.path) ?? true) && d.templatedRatio > failOver);
      if (over.length > 0) {
        process.stderr.write(`refrain: ${over.length} report${over.length === 1 ? ' is' : 's are'} over --fail-over ${failOver}:\n`);
        for (const d of over) process.stderr.write(forTerminal(`  ${(d.templatedRatio * 100).toFixed(1)}%  ${d.path}\n`));
        return 1;
      }
    }
    return 0;
  },
};
