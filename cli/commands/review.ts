import { createElement } from 'react';
import { render } from 'ink';
import { openWorkspace, type Workspace } from '../../src/workspace/index.js';
import { InputError, UsageError } from '../errors.js';
import { cachedParagraphs } from '../review/paragraphs.js';
import { Root } from '../review/root.js';
import type { DecisionStore, ReviewInput } from '../review/state.js';
import { reviewerName } from '../reviewer.js';
import { parseCommandLine } from './args.js';
import type { Command } from './command.js';

const HELP = `Usage: refrain review [WORKSPACE] [--reviewer NAME]

Opens the terminal review UI on a workspace (default ./refrain.db) made by
'refrain scan PATH... --workspace FILE': findings list, aligned diffs, decisions.
Decisions are saved to the workspace as they are made. Press ? in the UI for every key.
Needs an interactive terminal; for a text report use 'refrain report'.

Options:
  --reviewer NAME   who decides in this session (kept with each decision and in the
                    decision log; default: your login name)
  -h, --help        show this help
`;

/**
 * The tables the review reads whole or writes, checked for damage when it opens. Paragraphs and
 * analyses (most of the file) are not: checking them took most of a second on 10,000 reports.
 */
export const REVIEW_CHECKED_TABLES = ['meta', 'clusters', 'members', 'diagnostics', 'decisions', 'decision_log'];

export const NO_TTY_MESSAGE = "refrain review needs an interactive terminal; use 'refrain report' for a text report";

// Alternate screen and cursor: the review takes the whole terminal and gives it back as it was.
const ENTER = '\x1b[?1049h\x1b[?25l';
const LEAVE = '\x1b[?25h\x1b[?1049l';

export const reviewCommand: Command = {
  name: 'review',
  summary: 'review findings in a terminal UI: aligned diffs, decisions saved as you go',
  async run(argv) {
    const parsed = parseCommandLine('review', argv, { reviewer: { type: 'string' } }, HELP);
    if (parsed === null) return 0;
    const args = parsed.positionals;
    if (args.length > 1) throw new UsageError(`review takes one workspace, got ${args.length}: ${args.join(' ')}`);
    const path = args[0] ?? 'refrain.db';
    const reviewer = reviewerName(parsed.values.reviewer);

    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      process.stderr.write(`${NO_TTY_MESSAGE}\n`);
      return 2;
    }

    const workspace = openWorkspace(path, { checkTables: REVIEW_CHECKED_TABLES });
    try {
      const input = reviewInput(workspace);
      if (input === null) {
        throw new InputError(
          `workspace ${path} holds no scan yet; run 'refrain scan PATH... --workspace ${path}' first`,
        );
      }
      // Every decision of the session is recorded as the reviewer's.
      const store: DecisionStore = {
        decide: (key, label, note, at) => workspace.decide(key, label, note, at, reviewer),
        clearDecision: (key, at) => workspace.clearDecision(key, at, reviewer),
        decisions: () => workspace.decisions(),
      };
      await runUi(() => createElement(Root, { input: { ...input, reviewer }, store, source: path }));
      return 0;
    } finally {
      workspace.close();
    }
  },
};

/** For each document id, the indexes of its paragraphs that findings name, with the document's position. */
function memberParagraphs(
  clusters: ReviewInput['result']['clusters'],
  ids: number[],
): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  for (const c of clusters) {
    for (const m of c.members) {
      const id = ids[m.doc];
      if (id === undefined) continue;
      let ofDoc = out.get(id);
      if (ofDoc === undefined) out.set(id, (ofDoc = new Map<number, number>()));
      ofDoc.set(m.paragraph, m.doc);
    }
  }
  return out;
}

/**
 * What the review opens with: the scan without its text, which is read a paragraph or a report
 * at a time as the screen shows it (loading all of it took seconds on 10,000 reports). Null
 * before the first scan. Exported for bench/review-open.ts.
 */
export function reviewInput(workspace: Workspace): ReviewInput | null {
  const result = workspace.loadSummary();
  if (result === null) return null;
  // Members name documents by position in the result; the workspace by id.
  const ids = result.documents.map((d) => d.id);
  let named: Map<number, Map<number, number>> | null = null;
  let after: { doc: number; index: number } | null = null;
  const paragraphs = cachedParagraphs({
    paragraph: (doc, index) => (doc in ids ? workspace.paragraph(ids[doc], index) : undefined),
    paragraphs: (doc) => (doc in ids ? workspace.paragraphsOf(ids[doc]) : []),
    nextMemberParagraphs(rows) {
      // Built on the first call, not at open: it costs tens of milliseconds on 10,000 reports.
      named ??= memberParagraphs(result.clusters, ids);
      const page = workspace.paragraphPage(after, rows);
      if (page.length === 0) return null;
      const last = page[page.length - 1];
      after = { doc: last.doc, index: last.paragraph.index };
      return page.flatMap(({ doc, paragraph }) => {
        const at = named!.get(doc)?.get(paragraph.index);
        return at === undefined ? [] : [{ doc: at, paragraph }];
      });
    },
  });
  return { result, decisions: workspace.decisions(), paragraphs };
}

/** Runs the Ink app on the alternate screen and restores the terminal however it ends. */
async function runUi(element: () => ReturnType<typeof createElement>): Promise<void> {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    process.stdout.write(LEAVE);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    instance.unmount();
    restore();
    // The shell's convention: 128 + the signal's number.
    process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143);
  };
  process.stdout.write(ENTER);
  // Raw mode before the first frame: keys typed as soon as the list shows are kept for the app,
  // not line-buffered and then flushed when Ink switches the terminal to raw mode itself.
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  process.on('exit', restore);
  // Ctrl-C reaches the app as a key in raw mode (it quits like q); exitOnCtrlC would skip our cleanup.
  const instance = render(element(), { exitOnCtrlC: false, patchConsole: false });
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('SIGINT', onSignal);
  try {
    await instance.waitUntilExit();
  } finally {
    instance.unmount();
    restore();
    process.off('exit', restore);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('SIGINT', onSignal);
  }
}
