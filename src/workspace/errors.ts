/**
 * A workspace file cannot be used: missing, not SQLite, corrupt, from a newer refrain, or not a
 * refrain workspace at all. The message names the file and says what to do; the CLI exits 2.
 * Whenever this is thrown while opening, the file has not been written to.
 */
export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

/** Why a file-system call on a workspace failed, for a message: its code (ENOENT, EACCES…), else the error. */
export function failureOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
