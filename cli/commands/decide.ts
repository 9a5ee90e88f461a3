import type { Command } from './command.js';
import { parseCommandLine } from './args.js';
import { InputError, UsageError } from '../errors.js';
import { reviewerName } from '../reviewer.js';
import { oneLine, truncate } from '../text/width.js';
import {
  DECISION_LABELS,
  isDecisionLabel,
  openWorkspace,
  resolveFinding,
  StaleFindingIdError,
  type ResultSummary,
  type Workspace,
} from '../../src/workspace/index.js';

const HELP = `Usage: refrain decide [--workspace FILE] FINDING LABEL [--note TEXT] [--reviewer NAME]

Records a reviewer's decision on a finding of the scan stored in the workspace
(default ./refrain.db). It is saved at once, keyed by the finding's content, so it
holds through rescans and is carried to the next year's batch (scan --against).

FINDING  the finding's key (reports and 'scan --json' list it), whole or a unique
         prefix of at least 4 characters; a prefix of digits only is written key:0412.
         Or its id: 41@7 is finding 41 as scan 7 numbered it ('refrain scan' prints
         the number of the scan it saves), 41 is finding 41 of the stored scan. Ids
         change when a scan renumbers the findings: an id that may no longer name the
         finding it named when you read it is refused, showing what it names now.
LABEL    ${DECISION_LABELS.join(' | ')} | clear (removes the decision)

Options:
  --workspace FILE   the workspace (default ./refrain.db)
  --note TEXT        why (kept with the decision); without --note a finding keeps the
                     note it has, --note '' removes it
  --reviewer NAME    who decides (kept with the decision and in the decision log;
                     default: your login name)
  -h, --help         show this help

Prints the finding it labelled, with its text. Exit status: 0 ok, 2 usage error,
unknown or renumbered finding id, or a workspace that cannot be read or written
(checked before anything is done).
`;

export const decideCommand: Command = {
  name: 'decide',
  summary: 'record a decision on a finding: copied, boilerplate, false-match, or clear',
  run(argv) {
    const parsed = parseCommandLine(
      'decide',
      argv,
      {
        workspace: { type: 'string' },
        note: { type: 'string' },
        reviewer: { type: 'string' },
      },
      HELP,
    );
    if (parsed === null) return 0;
    const { values, positionals } = parsed;
    if (positionals.length !== 2) {
      throw new UsageError(
        `decide takes a finding and a label, e.g. 'refrain decide 3 boilerplate'; got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`,
      );
    }
    const [ref, label] = positionals;
    if (label !== 'clear' && !isDecisionLabel(label)) {
      throw new UsageError(`unknown label '${label}'; use one of: ${DECISION_LABELS.join(', ')}, clear`);
    }
    if (label === 'clear' && values.note !== undefined)
      throw new UsageError('--note goes with a decision, not with clear');
    const reviewer = reviewerName(values.reviewer);
    const path = values.workspace ?? 'refrain.db';
    const ws = openWorkspace(path);
    try {
      const summary = ws.loadSummary();
      const clusters = summary?.clusters ?? [];
      const ids = ws.findingIds();
      let key: string;
      try {
        key = resolveFinding(ref, clusters, ws.decisions(), ids);
      } catch (error) {
        if (error instanceof StaleFindingIdError)
          throw new InputError(`${error.message}\n${shown(ws, summary, error.key, 'now')}`);
        throw error;
      }
      const cluster = clusters.find((c) => c.key === key);
      const name = cluster
        ? `finding ${cluster.id}${ids.scan > 0 ? ` of scan ${ids.scan}` : ''} (key ${key})`
        : `key ${key} (not in the stored scan)`;
      if (label === 'clear') {
        const existed = ws.clearDecision(key, undefined, reviewer);
        process.stdout.write(existed ? `${name}: decision cleared\n` : `${name}: had no decision\n`);
      } else {
        const d = ws.decide(key, label, values.note, undefined, reviewer);
        process.stdout.write(
          `${name}: ${d.label}${d.note ? ` (${d.note})` : ''}, saved ${d.at}${d.reviewer ? ` by ${d.reviewer}` : ''}\n`,
        );
      }
      if (cluster) process.stdout.write(`${shown(ws, summary, key, 'text')}\n`);
      return 0;
    } finally {
      ws.close();
    }
  },
};

/** The finding `key` as a reader recognises it: its first passage and where its members stand. */
function shown(ws: Workspace, summary: ResultSummary | null, key: string, what: string): string {
  const cluster = summary?.clusters.find((c) => c.key === key);
  if (!summary || !cluster) return '';
  const width = Math.max(60, process.stdout.columns ?? 100);
  const first = cluster.members[0];
  const doc = summary.documents[first.doc];
  const text = ws.paragraph(doc.id, first.paragraph)?.text ?? '';
  const passage = first.start === undefined ? text : text.slice(first.start, first.end);
  const places = cluster.members.slice(0, 3).map((m) => {
    const d = summary.documents[m.doc];
    return `${d.path}:${ws.paragraph(d.id, m.paragraph)?.line ?? '?'}`;
  });
  const more = cluster.members.length > 3 ? ` +${cluster.members.length - 3} more` : '';
  return `  ${what}: “${truncate(oneLine(passage), width - what.length - 8)}”\n  ${truncate(places.join('  ') + more, width - 2)}`;
}
