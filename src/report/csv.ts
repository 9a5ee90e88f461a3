import { aboutScan } from './about.js';
import { buildReport } from './build.js';
import { csvField } from './escape.js';
import { reviewOrder } from './finding.js';
import { decimal } from './format.js';
import type { Report, ReportInput } from './types.js';

/**
 * Excel opens a CSV as the local code page (GBK on a Chinese Windows) unless the file starts
 * with a UTF-8 byte order mark, and then shows the Chinese text garbled; so both CSV reporters
 * start with U+FEFF. Rows end with CRLF as RFC 4180 says.
 */
const BOM = '\uFEFF';
const EOL = '\r\n';

function table(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | undefined)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return BOM + lines.join(EOL) + EOL;
}

/**
 * The scan's record on every row (a spreadsheet keeps no header block, and a filtered or sorted
 * sheet keeps its rows): when it was made (ISO 8601), over what, with which settings.
 */
const SCAN_COLUMNS = ['scan_at', 'scan_inputs', 'scan_settings'] as const;

function scanFields(report: Report): string[] {
  const a = aboutScan(report);
  const inputs = [a.inputs, a.against && `compared with ${a.against}`, a.references && `references ${a.references}`];
  return [report.scan?.at ?? '', inputs.filter((i) => i).join('; '), `${a.settings} · refrain ${report.version}`];
}

export const FINDING_COLUMNS = [
  'finding',
  'key',
  'scope',
  'kind',
  'boilerplate',
  'doc_count',
  'similarity',
  'decision',
  'note',
  'reviewer',
  'decided_at',
  'member',
  'doc',
  'path',
  'past',
  'reference',
  'line',
  'page',
  'paragraph',
  'last_paragraph',
  'start',
  'end',
  'text',
  ...SCAN_COLUMNS,
] as const;

/** One row per member of each finding, in the review order; the representative (member 0) first. */
export function csvFindings(input: ReportInput): string {
  const report = buildReport(input);
  const scan = scanFields(report);
  const rows = reviewOrder(report.findings).flatMap((index) => {
    const f = report.findings[index];
    return f.members.map((m, i) => [
      f.id,
      f.key,
      f.scope,
      f.kind,
      f.boilerplate,
      f.docCount,
      decimal(f.similarity),
      f.decision?.label,
      f.decision?.note,
      f.decision?.reviewer,
      f.decision?.at,
      i,
      m.doc,
      m.path,
      report.documents[m.doc].past,
      m.reference,
      m.line,
      m.page,
      m.paragraph,
      m.lastParagraph,
      m.start,
      m.end,
      m.text,
      ...scan,
    ]);
  });
  return table(FINDING_COLUMNS, rows);
}

export const DOCUMENT_COLUMNS = [
  'doc',
  'path',
  'past',
  'reference',
  'encoding',
  'format',
  'chars',
  'templated_ratio',
  'within_ratio',
  'boilerplate_ratio',
  'past_ratio',
  'recited_ratio',
  'findings',
  'top_shared_path',
  'top_shared_ratio',
  ...SCAN_COLUMNS,
] as const;

/**
 * One row per report, in id order (the scan's sorted input order): the batch's reports, then
 * those of a past workspace (scan --against), which name it in `past`. A reference document
 * (scan --reference) is marked `reference`; its ratios are 0, being no report.
 */
export function csvDocuments(input: ReportInput): string {
  const report = buildReport(input);
  const scan = scanFields(report);
  const rows = report.documents.map((d) => {
    const top = d.sharesMost[0];
    return [
      d.id,
      d.path,
      d.past,
      d.reference,
      d.encoding,
      d.format,
      d.chars,
      decimal(d.templatedRatio),
      decimal(d.withinRatio),
      decimal(d.boilerplateRatio),
      d.pastRatio === undefined ? undefined : decimal(d.pastRatio),
      d.recitedRatio === undefined ? undefined : decimal(d.recitedRatio),
      d.findings.length,
      top?.path,
      top === undefined ? undefined : decimal(top.sharedRatio),
      ...scan,
    ];
  });
  return table(DOCUMENT_COLUMNS, rows);
}
