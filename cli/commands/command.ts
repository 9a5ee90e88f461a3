export interface Command {
  name: string;
  /** One line for `refrain --help`. */
  summary: string;
  /** Runs with the arguments after the command name; returns (or resolves to) the exit code. */
  run(argv: string[]): number | Promise<number>;
}
