import type { DecisionLabel, Kind, ResultMember, StockReason } from '../types.js';
import { count, counted } from './format.js';
import type { ReportFinding, Tone } from './types.js';

/**
 * What a finding is to a reader, in one place for the review UI, the terminal summary and every
 * report: where it stands in the review order, how it is shown once a reviewer has decided on it,
 * the text of its members, and the words for its kind, scope and why it was kept apart.
 */

/**
 * The findings' positions in the one review order: by finding id, which the scan gives in that
 * order (the queue first, most rare shared text first; then what it kept apart: see
 * src/compare/rank.ts). A reviewer's decision never moves a finding: the list a reviewer works
 * down stays put, and it is the order every report lists findings in.
 */
export function reviewOrder(findings: readonly { id: number }[]): number[] {
  return findings.map((_, i) => i).sort((x, y) => findings[x].id - findings[y].id || x - y);
}

/**
 * The findings worth reading first, as positions in the review order: every finding but those a
 * reviewer called a false match.
 */
export function worthReadingFirst(
  findings: readonly Pick<ReportFinding, 'id' | 'boilerplate' | 'decision'>[],
): number[] {
  return reviewOrder(findings).filter((i) => findingTone(findings[i]) !== null);
}

/**
 * How a finding is shown once the reviewer's decision is taken into account (their word first,
 * else the scan's): `copy` strong, `boilerplate` muted, null (a false match) not highlighted.
 */
export function findingTone(f: { boilerplate: boolean; decision?: { label: DecisionLabel } | null }): Tone | null {
  if (f.decision?.label === 'false-match') return null;
  if (f.decision?.label === 'boilerplate') return 'boilerplate';
  if (f.decision?.label === 'copied') return 'copy';
  return f.boilerplate ? 'boilerplate' : 'copy';
}

/** The paragraphs a member stands in, each with the span of it the member covers. */
export function memberPieces(
  m: ResultMember,
  lengthOf: (paragraph: number) => number,
): { paragraph: number; start: number; end: number }[] {
  if (m.lastParagraph !== undefined) {
    const out = [];
    for (let p = m.paragraph; p <= m.lastParagraph; p++) out.push({ paragraph: p, start: 0, end: lengthOf(p) });
    return out;
  }
  return [{ paragraph: m.paragraph, start: m.start ?? 0, end: m.end ?? lengthOf(m.paragraph) }];
}

/**
 * The text a member stands for: its span of the paragraph, the whole paragraph, or for a run of
 * paragraphs each of them, one per line. `textOf` gives the text of a paragraph of the member's report.
 */
export function memberText(m: ResultMember, textOf: (paragraph: number) => string): string {
  if (m.lastParagraph !== undefined) {
    const out: string[] = [];
    for (let p = m.paragraph; p <= m.lastParagraph; p++) out.push(textOf(p));
    return out.join('\n');
  }
  const text = textOf(m.paragraph);
  return m.start === undefined && m.end === undefined ? text : text.slice(m.start ?? 0, m.end ?? text.length);
}

/** A finding's kind in plain words. The terminal shows the kind's own name, which `refrain` takes and the JSON holds. */
export const KIND_WORDS: Record<Kind, string> = {
  exact: 'exact copy',
  numbers: 'same but for numbers',
  names: 'template filled in (names and numbers)',
  near: 'near copy',
  partial: 'partly contained',
  spliced: 'text spliced in',
};

/** Every kind, closest copy first. */
export const KINDS = Object.keys(KIND_WORDS) as Kind[];

/**
 * "copying across 3 reports", "copying across 2 reports (1 past)", "boilerplate across 40
 * reports", "repeated inside one report (2 times)", "recites a reference in 3 reports".
 */
export function findingHeadline(
  f: Pick<ReportFinding, 'scope' | 'boilerplate' | 'docCount' | 'pastReports'> & {
    members: readonly unknown[];
    references?: number;
  },
): string {
  if (f.scope === 'within')
    return `${f.boilerplate ? 'boilerplate ' : ''}repeated inside one report (${count(f.members.length)} times)`;
  const references = f.references ?? 0;
  const past = f.pastReports > 0 ? ` (${count(f.pastReports)} past)` : '';
  if (references > 0) {
    // References are no reports: what the finding says is which reports quote them.
    const quoted = references === 1 ? 'a reference' : `${count(references)} references`;
    return `recites ${quoted} in ${counted(f.docCount - references, 'report')}${past}`;
  }
  return `${f.boilerplate ? 'boilerplate' : 'copying'} across ${count(f.docCount)} reports${past}`;
}

/** Why a finding was kept apart, in plain words (see StockReason). */
export const STOCK_WORDS: Record<StockReason, string> = {
  line: 'headings, titles or page chrome',
  table: 'table rows',
  common: 'phrases other reports use too',
  short: 'too little rare text shared for the reports it is in',
  widespread: 'found across much of the batch',
  recited: 'recites a reference document',
};

export function stockWords(stock: StockReason | undefined): string {
  return stock === undefined ? 'stock text' : STOCK_WORDS[stock];
}
