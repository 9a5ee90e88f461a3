import type { WorkspaceScanCounts } from '../scan/workspace-plan.js';

/**
 * Pure: one line telling what a workspace scan did with each file, for the scan command to print,
 * led by the saved scan's number (finding ids are that scan's: `decide 41@N`).
 */
export function describeCounts(
  counts: WorkspaceScanCounts,
  workspace: string,
  against?: string,
  scan?: number,
): string {
  const parts = [`${counts.analysed} analysed`, `${counts.skipped} unchanged (skipped)`];
  if (counts.moved > 0) parts.push(`${counts.moved} of them moved from another path`);
  if (counts.failed > 0) parts.push(`${counts.failed} unreadable`);
  const name = scan === undefined ? `workspace ${workspace}` : `workspace ${workspace}, scan ${scan}`;
  let line = `${name}: ${counts.files} file${counts.files === 1 ? '' : 's'} given, ${parts.join(', ')}`;
  if (counts.kept > 0) line += `; ${counts.kept} kept from earlier scans`;
  if (counts.missing > 0) line += `; ${counts.missing} missing from disk (left out, listed with the problems)`;
  if (counts.dropped > 0) line += `; ${counts.dropped} dropped`;
  if (against !== undefined)
    line += `; compared with ${counts.past} report${counts.past === 1 ? '' : 's'} of ${against}`;
  return `${line}\n`;
}
