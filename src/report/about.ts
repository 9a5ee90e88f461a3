import type { ScanInfo, ScanSettings } from '../types.js';
import { count, counted, when } from './format.js';
import type { Report } from './types.js';

/**
 * What a report says about the scan it shows, so that it can be handed on: when it was made and
 * with which refrain, over which inputs, against which past workspace and references, with which settings, and
 * who reviewed it when. One wording for every format.
 */
export interface About {
  scanned: string;
  inputs: string;
  /** Only for a scan against a past workspace. */
  against?: string;
  /** Only for a scan with reference documents: the paths given, with their files. */
  references?: string;
  settings: string;
  reviewed: string;
}

export function aboutScan(report: Report): About {
  const about: About = {
    scanned: `${report.scan ? when(report.scan.at) : 'time not recorded'}, refrain ${report.version}`,
    inputs: report.scan ? inputsText(report.scan) : 'not recorded',
    settings: settingsText(report.settings),
    reviewed: reviewedText(report),
  };
  if (report.scan?.against) about.against = againstText(report.scan.against);
  if (report.scan?.references?.length) about.references = filesText(report.scan.references);
  return about;
}

/** "corpus (5 files)", "a (3 files), b.txt (1 file); 2 more reports kept in audit.db from earlier scans". */
export function inputsText(scan: ScanInfo): string {
  const given = filesText(scan.inputs);
  const kept = scan.kept
    ? `; ${counted(scan.kept, 'more report')} kept in ${scan.workspace ?? 'the workspace'} from earlier scans`
    : '';
  return `${given || 'none'}${kept}`;
}

/** "a (3 files), b.txt (1 file)". */
function filesText(inputs: ScanInfo['inputs']): string {
  return inputs.map((i) => `${i.path} (${counted(i.files, 'file')})`).join(', ');
}

/** "past.db: 5 reports, scanned 2025-05-01 10:00 UTC". */
export function againstText(against: NonNullable<ScanInfo['against']>): string {
  return `${against.path}: ${counted(against.reports, 'report')}${against.at ? `, scanned ${when(against.at)}` : ''}`;
}

export function settingsText(s: ScanSettings): string {
  return [
    `similarity threshold ${s.threshold}`,
    `passages of ${count(s.minTokens)} characters or more`,
    `queue from ${count(s.minContent)} characters of rare shared text`,
    `MinHash ${s.numHashes} hashes in ${s.bands} bands`,
  ].join(' · ');
}

/** "2 of 45 findings, by li.ming, wang, 2026-01-01 09:00 UTC – 2026-01-02 10:30 UTC". */
export function reviewedText(report: Report): string {
  const s = report.summary;
  const parts = [`${count(s.decided)} of ${counted(s.findings, 'finding')}`];
  if (s.reviewers.length > 0) parts.push(`by ${s.reviewers.join(', ')}`);
  if (s.decidedFrom && s.decidedTo) {
    const [from, to] = [when(s.decidedFrom), when(s.decidedTo)];
    parts.push(from === to ? from : `${from} – ${to}`);
  }
  return parts.join(', ');
}
