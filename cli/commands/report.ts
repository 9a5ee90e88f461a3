import type { Command } from './command.js';
import { parseCommandLine } from './args.js';
import { InputError, UsageError } from '../errors.js';
import { openWorkspace } from '../../src/workspace/index.js';
import { reporterFor, reporters, ReportFormatError, ReportInputError, TOP_FINDINGS } from '../../src/report/index.js';
import { describeWriteError, outputProblem, writeOutputText } from '../../src/report/output-file.js';
import type { ScanResult, Decision } from '../../src/types.js';

const HELP = `Usage: refrain report [WORKSPACE] [options]

Writes a report of the scan stored in WORKSPACE (default ./refrain.db), with the
reviewer's decisions. The workspace is only read, and nothing is written beside it
when it cannot be written (a read-only file or folder, a full disk). A report file
is replaced only once written whole: a full disk leaves an earlier one as it was.

Options:
  --format F          ${Object.keys(reporters)
    .filter((f) => f !== 'csv-documents')
    .join(', ')} (default md); json is the
                      'scan --json' result (schema 1) plus a "decisions" array;
                      reference is the text of the findings marked boilerplate, one
                      paragraph each, for another scan's --reference
  --per document      with --format csv: one row per report instead of one per finding member
  --top N             with --format md: the findings listed in full (default ${TOP_FINDINGS}); every
                      decision is listed with its note whatever N is
  -o, --output FILE   write to FILE instead of standard output
  -h, --help          show this help

Exit status: 0 ok, 2 usage error or unusable workspace.
`;

/** Reads the stored scan and decisions; the workspace is opened read-only and closed again. */
export function readWorkspace(path: string): { result: ScanResult; decisions: Decision[] } {
  const ws = openWorkspace(path, { readonly: true });
  try {
    const result = ws.loadResult();
    if (result === null)
      throw new InputError(`workspace ${path} holds no scan yet; run 'refrain scan PATH... --workspace ${path}' first`);
    return { result, decisions: ws.decisions() };
  } finally {
    ws.close();
  }
}

/** --top N: a whole number of findings, 0 or more. */
function topCount(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0)
    throw new UsageError(`--top takes a whole number of findings, 0 or more, got '${value}'`);
  return n;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a report (md, html, csv, json) of the scan and decisions in a workspace',
  async run(argv) {
    const parsed = parseCommandLine(
      'report',
      argv,
      {
        format: { type: 'string' },
        per: { type: 'string' },
        output: { type: 'string', short: 'o' },
        top: { type: 'string' },
      },
      HELP,
    );
    if (parsed === null) return 0;
    const { values, positionals } = parsed;
    if (positionals.length > 1)
      throw new UsageError(`report takes one workspace, got ${positionals.length}: ${positionals.join(' ')}`);
    let reporter;
    try {
      reporter = reporterFor(values.format ?? 'md', values.per);
    } catch (error) {
      if (error instanceof ReportFormatError) throw new UsageError(error.message);
      throw error;
    }
    const output = values.output === '-' ? undefined : values.output;
    const problem = output === undefined ? null : outputProblem(output);
    if (problem !== null) throw new InputError(`cannot write ${output}: ${problem}`);
    const format = values.format ?? 'md';
    const top = values.top === undefined ? undefined : topCount(values.top);
    if (top !== undefined && format !== 'md') throw new UsageError(`--top goes with --format md only, not '${format}'`);
    const input = readWorkspace(positionals[0] ?? 'refrain.db');
    let text: string;
    try {
      text = reporter(top === undefined ? input : { ...input, top });
    } catch (error) {
      if (error instanceof ReportInputError)
        throw new InputError(`the workspace's scan cannot be reported: ${error.message}`);
      throw error;
    }
    if (output === undefined) {
      process.stdout.write(text);
      return 0;
    }
    try {
      await writeOutputText(output, text);
    } catch (error) {
      throw new InputError(describeWriteError(output, error));
    }
    return 0;
  },
};
