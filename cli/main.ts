#!/usr/bin/env node
import { commands, usage } from './commands/index.js';
import { isInputError } from './errors.js';
import { forTerminal } from './text/width.js';
import { VERSION } from '../src/version.js';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`refrain ${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`refrain: unknown command '${forTerminal(name)}'\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

// A reader that stops early (`refrain scan … --json - | head`) closes the pipe: that is the end
// of the output, not an error to report with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isInputError(error)) {
      process.stderr.write(`refrain: ${forTerminal(error.message)}\n`);
      process.exitCode = 2;
      return;
    }
    // Anything else is a bug in refrain, not bad input: say so plainly, keep the detail short.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `refrain: internal error: ${forTerminal(message)}\n(set REFRAIN_DEBUG=1 for the stack trace)\n`,
    );
    if (process.env.REFRAIN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 70;
  },
);
