import type { Kind } from '../types.js';
import type { ReportFinding } from './types.js';

/** Plain-words names shared by the Markdown and HTML reports. */
export const KIND_WORDS: Record<Kind, string> = {
  exact: 'exact copy',
  numbers: 'same but for numbers',
  near: 'near copy',
  partial: 'partly contained',
};

/** "copying across 3 reports", "boilerplate across 40 reports", "repeated inside one report". */
export function findingHeadline(f: ReportFinding): string {
  if (f.scope === 'within') return `repeated inside one report (${f.members.length} times)`;
  return `${f.boilerplate ? 'boilerplate' : 'copying'} across ${f.docCount} reports`;
}
