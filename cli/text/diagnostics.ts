import type { Diagnostic } from '../../src/types.js';
import { forTerminal } from './width.js';

/**
 * The files a scan skipped or read with a warning, for standard error. Skipped files (level
 * 'error') are always listed, with --quiet too: a report left out must never go unnoticed;
 * warnings are left out with `errorsOnly`.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: { errorsOnly: boolean }): string {
  const shown = options.errorsOnly ? diagnostics.filter((d) => d.level === 'error') : diagnostics;
  if (shown.length === 0) return '';
  const skipped = shown.filter((d) => d.level === 'error').length;
  const files = new Set(shown.map((d) => d.path)).size;
  const head = options.errorsOnly
    ? `refrain: ${skipped} file${skipped === 1 ? '' : 's'} skipped:`
    : `refrain: problems with ${files} file${files === 1 ? '' : 's'} (${skipped} skipped):`;
  const lines = shown.map((d) => `  ${d.level}: ${d.path}: ${d.message}`);
  return forTerminal([head, ...lines].join('\n')) + '\n';
}
