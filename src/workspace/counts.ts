import type { WorkspaceScanCounts } from './incremental.js';

/** Pure: one line telling what a workspace scan did with each file, for the scan command to print. */
export function describeCounts(counts: WorkspaceScanCounts, workspace: string, against?: string): string {
  const parts = [`${counts.analysed} analysed`, `${counts.skipped} unchanged (skipped)`];
  if (counts.failed > 0) parts.push(`${counts.failed} unreadable`);
  let line = `workspace ${workspace}: ${counts.files} file${counts.files === 1 ? '' : 's'} given, ${parts.join(', ')}`;
  if (counts.kept > 0) line += `; ${counts.kept} kept from earlier scans`;
  if (counts.dropped > 0) line += `; ${counts.dropped} dropped`;
  if (against !== undefined) line += `; compared with ${counts.past} report${counts.past === 1 ? '' : 's'} of ${against}`;
  return `${line}\n`;
}
