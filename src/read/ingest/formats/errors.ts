/**
 * A file that cannot be turned into text: corrupt, encrypted, or (for PDF) pages with no text
 * layer. Ingest turns it into a diagnostic for that file; the scan goes on without it.
 */
export class ExtractError extends Error {
  override name = 'ExtractError';
}

/** The message of whatever a parser threw, for wrapping into an ExtractError. */
export function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].trim() || 'unknown error';
}
