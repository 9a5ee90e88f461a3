import type { Command } from './command.js';
import { parseCommandLine } from './args.js';
import { InputError, UsageError } from '../errors.js';
import { reviewerName } from '../reviewer.js';
import { DECISION_LABELS, isDecisionLabel, openWorkspace, resolveFinding, WorkspaceError } from '../../src/workspace/index.js';

const HELP = `Usage: refrain decide [--workspace FILE] FINDING LABEL [--note TEXT] [--reviewer NAME]

Records a reviewer's decision on a finding of the scan stored in the workspace
(default ./refrain.db). It is saved at once, keyed by the finding's content, so it
holds through rescans and is carried to the next year's batch (scan --against).

FINDING  the finding's id in the stored scan (as 'refrain report' lists it), or its
         key, whole or a unique prefix of at least 4 characters
LABEL    ${DECISION_LABELS.join(' | ')} | clear (removes the decision)

Options:
  --workspace FILE   the workspace (default ./refrain.db)
  --note TEXT        why (kept with the decision)
  --reviewer NAME    who decides (kept with the decision and in the decision log;
                     default: your login name)
  -h, --help         show this help

Exit status: 0 ok, 2 usage error, unknown finding or unusable workspace.
`;

export const decideCommand: Command = {
  name: 'decide',
  summary: 'record a decision on a finding: copied, boilerplate, false-match, or clear',
  async run(argv) {
    const parsed = parseCommandLine('decide', argv, {
          workspace: { type: 'string' },
          note: { type: 'string' },
          reviewer: { type: 'string' },
    }, HELP);
    if (parsed === null) return 0;
    const { values, positionals } = parsed;
    if (positionals.length !== 2) {
      throw new UsageError(`decide takes a finding and a label, e.g. 'refrain decide 3 boilerplate'; got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`);
    }
    const [ref, label] = positionals;
    if (label !== 'clear' && !isDecisionLabel(label)) {
      throw new UsageError(`unknown label '${label}'; use one of: ${DECISION_LABELS.join(', ')}, clear`);
    }
    if (label === 'clear' && values.note !== undefined) throw new UsageError('--note goes with a decision, not with clear');
    const reviewer = reviewerName(values.reviewer);
    const path = values.workspace ?? 'refrain.db';
    let ws;
    try {
      ws = openWorkspace(path);
    } catch (error) {
      if (error instanceof WorkspaceError) throw new InputError(error.message);
      throw error;
    }
    try {
      const clusters = ws.loadResult()?.clusters ?? [];
      const key = resolveFinding(ref, clusters, ws.decisions());
      const cluster = clusters.find((c) => c.key === key);
      const name = cluster ? `finding ${cluster.id} (key ${key})` : `key ${key} (not in the stored scan)`;
      if (label === 'clear') {
        const existed = ws.clearDecision(key, undefined, reviewer);
        process.stdout.write(existed ? `${name}: decision cleared\n` : `${name}: had no decision\n`);
      } else {
        const d = ws.decide(key, label, values.note ?? '', undefined, reviewer);
        process.stdout.write(`${name}: ${d.label}${d.note ? ` (${d.note})` : ''}, saved ${d.at}${d.reviewer ? ` by ${d.reviewer}` : ''}\n`);
      }
      return 0;
    } catch (error) {
      if (error instanceof WorkspaceError) throw new InputError(error.message);
      throw error;
    } finally {
      ws.close();
    }
  },
};
