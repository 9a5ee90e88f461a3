import { csvDocuments, csvFindings } from './csv.js';
import { htmlReport } from './html/page.js';
import { jsonReport } from './json.js';
import { markdownReport } from './markdown.js';
import { referenceSet } from './reference-set.js';
import type { Reporter } from './types.js';

export { buildReport, ReportInputError, TOP_FINDINGS, TOP_SHARED } from './build.js';
export {
  findingHeadline,
  findingTone,
  KIND_WORDS,
  memberPieces,
  memberText,
  reviewOrder,
  worthReadingFirst,
} from './finding.js';
export { orderDocuments } from './order.js';
export { paragraphMarks } from './marks.js';
export { escapeHtml, jsonForScript, csvField, escapeMarkdown } from './escape.js';
export type * from './types.js';

/**
 * Every output format by name. `csv` has one row per member of each finding; `csv-documents`
 * one row per report (what `refrain report --format csv --per document` asks for); `reference` the
 * text of the findings reviewers marked boilerplate, to give another scan as `--reference`.
 */
export const reporters: Record<string, Reporter> = {
  json: jsonReport,
  md: markdownReport,
  csv: csvFindings,
  'csv-documents': csvDocuments,
  html: htmlReport,
  reference: referenceSet,
};

/** A format (or format option) that does not exist; the message lists the valid ones. */
export class ReportFormatError extends Error {
  override name = 'ReportFormatError';
}

export function getReporter(name: string): Reporter {
  if (!Object.hasOwn(reporters, name)) {
    throw new ReportFormatError(`unknown report format '${name}'; valid formats: ${Object.keys(reporters).join(', ')}`);
  }
  return reporters[name];
}

/**
 * The reporter for the command line's `--format F [--per document|finding]`. `--per` only means
 * something for csv; `finding` is csv's default.
 */
export function reporterFor(format: string, per?: string): Reporter {
  if (per === undefined || per === 'finding') return getReporter(format);
  if (per !== 'document') throw new ReportFormatError(`unknown --per '${per}'; valid values: document, finding`);
  if (format !== 'csv') throw new ReportFormatError(`--per document goes with --format csv only, not '${format}'`);
  return getReporter('csv-documents');
}
