import type { Command } from './command.js';

/** Every command, by name. A command module exports one `Command`; add it here. */
export const commands: Record<string, Command> = {
  // Each command loads its own code when run: `review` need not load the scan engine, nor `scan` ink.
  scan: {
    name: 'scan',
    summary: 'scan files and folders for repeated and templated text',
    run: async (argv) => (await import('./scan.js')).scanCommand.run(argv),
  },
  report: {
    name: 'report',
    summary: 'write a report (md, html, csv, json) of the scan and decisions in a workspace',
    run: async (argv) => (await import('./report.js')).reportCommand.run(argv),
  },
  decide: {
    name: 'decide',
    summary: 'record a decision on a finding: copied, boilerplate, false-match, or clear',
    run: async (argv) => (await import('./decide.js')).decideCommand.run(argv),
  },
  decisions: {
    name: 'decisions',
    summary: 'export the decisions of a workspace (even a damaged one), or import them into another',
    run: async (argv) => (await import('./decisions.js')).decisionsCommand.run(argv),
  },
  review: {
    name: 'review',
    summary: 'review findings in a terminal UI: aligned diffs, decisions saved as you go',
    run: async (argv) => {
      // Ink holds every frame back until exit when CI or CONTINUOUS_INTEGRATION is set. The review
      // runs only on a terminal (it refuses otherwise), where such a variable, inherited from a
      // build shell, would leave the screen blank: set it aside before Ink is loaded.
      if (process.stdin.isTTY && process.stdout.isTTY) {
        for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = '0';
      }
      return (await import('./review.js')).reviewCommand.run(argv);
    },
  },
  candidates: {
    name: 'candidates',
    summary: 'run a candidate step a scan --exchange left waiting, with DuckDB',
    run: async (argv) => (await import('./candidates.js')).candidatesCommand.run(argv),
  },
};

export function usage(): string {
  const rows = Object.values(commands).map((c) => `  ${c.name.padEnd(10)} ${c.summary}`);
  return [
    'Usage: refrain <command> [options]',
    '',
    'Find repeated and templated text in a batch of reports.',
    '',
    'Commands:',
    ...rows,
    '',
    "Run 'refrain <command> --help' for a command's options.",
    '',
  ].join('\n');
}
