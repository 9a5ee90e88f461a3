import { buildReport } from './build.js';
import { csvField } from './escape.js';
import { decimal } from './format.js';
import type { ReportInput } from './types.js';

/**
 * Excel opens a CSV as the local code page (GBK on a Chinese Windows) unless the file starts
 * with a UTF-8 byte order mark, and then shows the Chinese text garbled; so both CSV reporters
 * start with U+FEFF. Rows end with CRLF as RFC 4180 says.
 */
const BOM = '\uFEFF';
const EOL = '\r\n';

function table(header: readonly string[], rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return BOM + lines.join(EOL) + EOL;
}

export const FINDING_COLUMNS = [
  'finding', 'key', 'scope', 'kind', 'boilerplate', 'doc_count', 'similarity', 'decision', 'note',
  'member', 'doc', 'path', 'line', 'page', 'paragraph', 'last_paragraph', 'start', 'end', 'text',
] as const;

/** One row per member of each finding, the representative (member 0) first. */
export function csvFindings(input: ReportInput): string {
  const report = buildReport(input);
  const rows = report.findings.flatMap((f) =>
    f.members.map((m, i) => [
      f.id, f.key, f.scope, f.kind, f.boilerplate, f.docCount, decimal(f.similarity),
      f.decision?.label, f.decision?.note,
      i, m.doc, m.path, m.line, m.page, m.paragraph, m.lastParagraph, m.start, m.end, m.text,
    ]),
  );
  return table(FINDING_COLUMNS, rows);
}

export const DOCUMENT_COLUMNS = [
  'doc', 'path', 'encoding', 'format', 'chars', 'templated_ratio', 'within_ratio', 'boilerplate_ratio',
  'findings', 'top_shared_path', 'top_shared_ratio',
] as const;

/** One row per report, in id order (the scan's sorted input order). */
export function csvDocuments(input: ReportInput): string {
  const report = buildReport(input);
  const rows = report.documents.map((d) => {
    const top = d.sharesMost[0];
    return [
      d.id, d.path, d.encoding, d.format, d.chars, decimal(d.templatedRatio), decimal(d.withinRatio),
      decimal(d.boilerplateRatio), d.findings.length, top?.path, top === undefined ? undefined : decimal(top.sharedRatio),
    ];
  });
  return table(DOCUMENT_COLUMNS, rows);
}
