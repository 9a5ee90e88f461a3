import type { Kind, StockReason } from '../types.js';
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
  if (f.scope === 'within') return `${f.boilerplate ? 'boilerplate ' : ''}repeated inside one report (${f.members.length} times)`;
  return `${f.boilerplate ? 'boilerplate' : 'copying'} across ${f.docCount} reports`;
}

/** Why a finding was kept apart, in plain words (see StockReason). */
export const STOCK_WORDS: Record<StockReason, string> = {
  line: 'headings, titles or page chrome',
  table: 'table rows',
  common: 'phrases other reports use too',
  short: 'too little rare text shared for the reports it is in',
  widespread: 'found across much of the batch',
};

export function stockWords(stock: StockReason | undefined): string {
  return stock === undefined ? 'stock text' : STOCK_WORDS[stock];
}
