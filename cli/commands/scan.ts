import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import type { Command } from './command.js';
import { UsageError, InputError } from '../errors.js';
import { scanPaths } from '../../src/pipeline/scan.js';
import { SettingsError } from '../../src/pipeline/settings.js';
import { InputPathError } from '../../src/ingest/index.js';
import { toJson } from '../../src/report/json-result.js';
import { formatSummary } from '../text/summary.js';
import type { ScanSettings } from '../../src/types.js';

const HELP = `Usage: refrain scan [options] PATH...

Scans files and folders (recursively, in sorted order) for text repeated inside a report and
text shared across reports, and prints a summary.

Options:
  --json FILE            write the full result (JSON schema 1) to FILE ('-' for standard output)
  --threshold X          similarity a passage needs to be reported, 0..1 (default 0.5)
  --min-tokens N         shortest passage reported, in CJK characters or words (default 12)
  --boilerplate-share X  text in at least this share of the reports is boilerplate (default 0.25)
  --fail-over RATIO      exit 1 when any report's templated ratio is above RATIO (0..1)
  --top N                findings to list in the summary (default 15)
  -q, --quiet            print nothing but errors (and the --fail-over verdict)
  -h, --help             show this help

Exit status: 0 ok, 1 a report is over --fail-over, 2 usage or input error.
`;

function number(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < min || x > max) throw new UsageError(`--${name} takes a number from ${min} to ${max}, got '${value}'`);
  return x;
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan files and folders for repeated and templated text',
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          json: { type: 'string' },
          threshold: { type: 'string' },
          'min-tokens': { type: 'string' },
          'boilerplate-share': { type: 'string' },
          'fail-over': { type: 'string' },
          top: { type: 'string' },
          quiet: { type: 'boolean', short: 'q' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\nRun 'refrain scan --help' for the options.`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError("scan needs at least one file or folder, e.g. 'refrain scan corpus/'");
    const settings: Partial<ScanSettings> = {};
    const threshold = number('threshold', values.threshold, 0.01, 1);
    if (threshold !== undefined) settings.threshold = threshold;
    const minTokens = number('min-tokens', values['min-tokens'], 4, 10000);
    if (minTokens !== undefined) settings.minTokens = Math.round(minTokens);
    const share = number('boilerplate-share', values['boilerplate-share'], 0.01, 1);
    if (share !== undefined) settings.boilerplateShare = share;
    const failOver = number('fail-over', values['fail-over'], 0, 1);
    const top = number('top', values.top, 0, 1e6) ?? 15;

    let output;
    try {
      output = await scanPaths(positionals, { settings });
    } catch (error) {
      if (error instanceof InputPathError || error instanceof SettingsError) throw new InputError(error.message);
      throw error;
    }
    const { result } = output;
    if (values.json !== undefined) {
      const json = toJson(result);
      if (values.json === '-') process.stdout.write(json);
      else {
        try {
          await writeFile(values.json, json);
        } catch (error) {
          throw new InputError(`cannot write ${values.json}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        }
      }
    }
    if (!values.quiet && values.json !== '-') {
      process.stdout.write(formatSummary(result, { width: process.stdout.columns ?? 100, top: Math.round(top) }));
    }
    if (result.documents.length === 0) {
      process.stderr.write('refrain: no readable reports among the inputs\n');
      return 2;
    }
    if (failOver !== undefined) {
      const over = result.documents.filter((d) => d.templatedRatio > failOver);
      if (over.length > 0) {
        process.stderr.write(`refrain: ${over.length} report${over.length === 1 ? ' is' : 's are'} over --fail-over ${failOver}:\n`);
        for (const d of over) process.stderr.write(`  ${(d.templatedRatio * 100).toFixed(1)}%  ${d.path}\n`);
        return 1;
      }
    }
    return 0;
  },
};
