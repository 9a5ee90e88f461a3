import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments the same way for every command: unknown options are a usage error
 * pointing at the command's --help, and --help prints `help` and answers null (exit 0).
 */
type Config<O extends Options> = {
  args: string[];
  allowPositionals: true;
  options: O & { help: { type: 'boolean'; short: string } };
};
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>;

export function parseCommandLine<O extends Options>(
  command: string,
  argv: string[],
  options: O,
  help: string,
): Parsed<O> | null {
  const config: Config<O> = {
    args: argv,
    allowPositionals: true,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
  };
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun 'refrain ${command} --help' for the options.`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(help);
    return null;
  }
  return parsed;
}
