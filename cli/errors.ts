import { WorkspaceError } from '../src/workspace/errors.js';

/** The command line was wrong: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input (file, workspace, option value) cannot be used: exit 2 with the message. */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Whether `error` is about what the user gave rather than a bug in refrain: its message is shown
 * as it is and refrain exits 2. A workspace that cannot be used (missing, damaged, read-only,
 * from a newer refrain) is such an input wherever a command meets it, so commands let its
 * WorkspaceError through instead of each turning it into an InputError.
 */
export function isInputError(error: unknown): error is Error {
  return error instanceof UsageError || error instanceof InputError || error instanceof WorkspaceError;
}
