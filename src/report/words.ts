import type { Kind, StockReason } from '../types.js';
import { count } from './format.js';
import type { ReportFinding } from './types.js';

/** Plain-words names shared by the Markdown and HTML reports. */
export const KIND_WORDS: Record<Kind, string> = {
  exact: 'exact copy',
  numbers: 'same but for numbers',
  names: 'template filled in (names and numbers)',
  near: 'near copy',
  partial: 'partly contained',
  spliced: 'text spliced in',
};

/**
 * "copying across 3 reports", "copying across 2 reports (1 past)", "boilerplate across 40
 * reports", "repeated inside one report (2 times)".
 */
export function findingHeadline(f: Pick<ReportFinding, 'scope' | 'boilerplate' | 'docCount' | 'members' | 'pastReports'>): string {
  if (f.scope === 'within') return `${f.boilerplate ? 'boilerplate ' : ''}repeated inside one report (${count(f.members.length)} times)`;
  const past = f.pastReports > 0 ? ` (${count(f.pastReports)} past)` : '';
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
