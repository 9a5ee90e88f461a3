import { existsSync, statSync } from 'node:fs';
import type { Command } from './command.js';
import { parseCommandLine } from './args.js';
import { InputError, UsageError } from '../errors.js';

const HELP = `Usage: refrain candidates DIR

Runs the candidate step a 'refrain scan --exchange DIR' left waiting in DIR: the step's query
(sql/offers.sql or sql/partners.sql) over the Parquet tables the scan wrote there, with DuckDB
on this machine, its output written beside them. Then run the scan again: it goes on from
there. A Spark cluster runs the same query instead (README, "Larger than one machine").

Options:
  -h, --help   show this help

Exit status: 0 ok, 2 usage error, or DIR is not an exchange folder with a step waiting.
`;

export const candidatesCommand: Command = {
  name: 'candidates',
  summary: 'run a candidate step a scan --exchange left waiting, with DuckDB',
  async run(argv) {
    const parsed = parseCommandLine('candidates', argv, {}, HELP);
    if (parsed === null) return 0;
    const { positionals } = parsed;
    if (positionals.length !== 1)
      throw new UsageError(`candidates takes one exchange folder, got ${positionals.length}`);
    const [folder] = positionals;
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new InputError(`${folder} is not a folder: give the folder of 'refrain scan --exchange'`);
    const { readManifest, runPendingStep } = await import('../../src/compare/candidates/exchange.js');
    const { candidateSql } = await import('../../src/compare/candidates/tables.js');
    let pending;
    try {
      pending = readManifest(folder).pending;
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    if (pending === null)
      throw new InputError(`${folder} has no candidate step waiting: run 'refrain scan --exchange ${folder}' first`);
    const started = performance.now();
    const step = await runPendingStep(folder, candidateSql);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`refrain: ran step '${step}' in ${seconds} s; run the scan again to go on\n`);
    return 0;
  },
};
