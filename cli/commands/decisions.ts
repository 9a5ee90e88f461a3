import { readFileSync } from 'node:fs';
import type { Command } from './command.js';
import { parseCommandLine } from './args.js';
import { InputError, UsageError } from '../errors.js';
import {
  DecisionsFileError,
  exportDecisions,
  openWorkspace,
  parseDecisionsFile,
  type DecisionsFile,
  type MergeOutcome,
} from '../../src/workspace/index.js';
import { describeWriteError, outputProblem, writeOutputText } from '../../src/report/output-file.js';

const HELP = `Usage: refrain decisions export [WORKSPACE] [-o FILE]
       refrain decisions import FILE [--workspace WORKSPACE] [--overwrite]

export   writes the reviewer decisions of WORKSPACE (default ./refrain.db) and their
         log as JSON to FILE (default standard output). It reads nothing else of the
         workspace, so it saves the decisions of one too damaged for any other command.
import   merges the decisions of an export (FILE, or - for standard input) into
         WORKSPACE (default ./refrain.db; made when missing). A decision is taken where
         the workspace has none or an older one; a newer one there is kept, and listed,
         unless --overwrite. Log entries it lacks are added with their own times.

Options:
  -o, --output FILE   export: write to FILE ('-' for standard output)
  --workspace FILE    import: the workspace to merge into
  --overwrite         import: the file's decisions replace newer ones in the workspace
  -h, --help          show this help

Exit status: 0 ok, 2 usage error, a workspace whose decisions cannot be read, a file
that is not a decisions export, or a workspace or file that cannot be written.
`;

export const decisionsCommand: Command = {
  name: 'decisions',
  summary: 'export the decisions of a workspace (even a damaged one), or import them into another',
  async run(argv) {
    const parsed = parseCommandLine(
      'decisions',
      argv,
      {
        output: { type: 'string', short: 'o' },
        workspace: { type: 'string' },
        overwrite: { type: 'boolean' },
      },
      HELP,
    );
    if (parsed === null) return 0;
    const { values, positionals } = parsed;
    const [action, ...rest] = positionals;
    if (action === 'export') {
      if (values.workspace !== undefined || values.overwrite)
        throw new UsageError('--workspace and --overwrite go with import; export takes the workspace as its argument');
      if (rest.length > 1)
        throw new UsageError(`decisions export takes one workspace, got ${rest.length}: ${rest.join(' ')}`);
      return exportTo(rest[0] ?? 'refrain.db', values.output);
    }
    if (action === 'import') {
      if (values.output !== undefined) throw new UsageError('-o goes with export');
      if (rest.length !== 1) throw new UsageError(`decisions import takes one file (an export), got ${rest.length}`);
      return importFrom(rest[0], values.workspace ?? 'refrain.db', values.overwrite ?? false);
    }
    throw new UsageError(
      `decisions takes 'export' or 'import'${action === undefined ? '' : `, not '${action}'`}; see 'refrain decisions --help'`,
    );
  },
};

async function exportTo(workspace: string, output: string | undefined): Promise<number> {
  const toFile = output !== undefined && output !== '-';
  const problem = toFile ? outputProblem(output) : null;
  if (problem !== null) throw new InputError(`cannot write ${output}: ${problem}`);
  const { file, warnings } = exportDecisions(workspace);
  const text = `${JSON.stringify(file, null, 2)}\n`;
  if (toFile) {
    try {
      await writeOutputText(output, text);
    } catch (error) {
      throw new InputError(describeWriteError(output, error));
    }
  } else {
    process.stdout.write(text);
  }
  for (const w of warnings) process.stderr.write(`refrain: warning: ${w}\n`);
  const n = file.decisions.length;
  const m = file.log.length;
  const line = `exported ${n} decision${n === 1 ? '' : 's'} and ${m} log entr${m === 1 ? 'y' : 'ies'} from ${workspace}${toFile ? ` to ${output}` : ''}\n`;
  // The data may be on standard output: the account of it goes beside it, not into it.
  (toFile ? process.stdout : process.stderr).write(line);
  return 0;
}

function importFrom(source: string, workspace: string, overwrite: boolean): number {
  let file: DecisionsFile;
  try {
    const text = source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
    file = parseDecisionsFile(text, source === '-' ? 'standard input' : source);
  } catch (error) {
    if (error instanceof DecisionsFileError) throw new InputError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new InputError(`cannot read ${source}: ${code}`);
    throw error;
  }
  let outcome: MergeOutcome;
  const ws = openWorkspace(workspace, { create: true });
  try {
    outcome = ws.importDecisions(file, overwrite);
  } finally {
    ws.close();
  }
  process.stdout.write(describeMerge(outcome, file, workspace, overwrite));
  return 0;
}

/** Pure: what an import did, and every decision it left alone because the workspace's is newer. */
export function describeMerge(o: MergeOutcome, file: DecisionsFile, workspace: string, overwrite: boolean): string {
  const lines = [
    `imported into ${workspace} from ${file.workspace} (exported ${file.exportedAt}): ${o.added.length} added, ` +
      `${o.replaced.length} replaced${overwrite ? '' : ' (older there)'}, ${o.same} already there, ` +
      `${o.keptNewer.length} kept (newer there); ${o.logged} log entr${o.logged === 1 ? 'y' : 'ies'} added`,
  ];
  for (const { here, incoming } of o.keptNewer) {
    lines.push(
      `  kept ${here.key}: ${here.label} of ${here.at} here, not the file's ${incoming.label} of ${incoming.at} (--overwrite takes the file's)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
