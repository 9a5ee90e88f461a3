/** The command line was wrong: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input (file, workspace, option value) cannot be used: exit 2 with the message. */
export class InputError extends Error {
  override name = 'InputError';
}
