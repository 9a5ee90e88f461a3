import { createHash } from 'node:crypto';
import { buildReport } from '../build.js';
import { escapeHtml, jsonForScript } from '../escape.js';
import { aboutScan } from '../about.js';
import { count, counted, excerpt, percent } from '../format.js';
import { findingHeadline, KIND_WORDS } from '../finding.js';
import type { Report, ReportInput } from '../types.js';
import { barsHtml } from './bars.js';
import { CLIENT_SCRIPT } from './client.js';
import { pageData } from './data.js';
import { heatmapHtml } from './heatmap.js';
import { referencesHtml, splicesHtml, templatesHtml } from './sources.js';
import { STYLE } from './style.js';

/**
 * One self-contained HTML file: inline style, inline script, the data as embedded JSON. Nothing
 * is fetched (the content security policy says so too), so it reads the same offline.
 */
export function htmlReport(input: ReportInput): string {
  const report = buildReport(input);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    // No network at all, and only our own script runs (by hash: no inline handler or injected
    // script could, even if some text escaped the escaping). Report text is escaped regardless.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>refrain report: ${counted(report.summary.documents, 'report')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>refrain report</h1>',
    // Spliced text first: the one finding an auditor must never miss.
    splicesHtml(report),
    aboutHtml(report),
    '<noscript><p><strong>This report needs JavaScript to list reports and findings; the summary, chart and heatmap below work without it.</strong></p></noscript>',
    '<section id="summary"><h2>The batch at a glance</h2>',
    figures(report),
    '<p class="key">Highlighted text: <mark class="copy">copying</mark> <mark class="bp">boilerplate</mark> <mark class="splice">spliced in</mark></p>',
    topFindings(report),
    '</section>',
    '<section id="ranking"><h2>Reports ranked by templated text</h2>',
    barsHtml(report),
    '</section>',
    '<section id="pairs"><h2>What each pair of reports shares</h2>',
    heatmapHtml(report),
    '</section>',
    templatesHtml(report),
    '<section id="reports"><h2>Reports</h2><p class="legend">Most templated first. Open a report to read its text with found passages highlighted; click a passage for its finding.</p></section>',
    pastHtml(report),
    referencesHtml(report),
    '<section id="findings"><h2>Findings</h2>',
    '<div class="toolbar"><label>Show <select id="finding-filter"><option value="all">all findings</option><option value="copy">copying</option><option value="boilerplate">boilerplate</option><option value="unreviewed">not reviewed</option></select></label></div>',
    '</section>',
    diagnostics(report),
    `<script type="application/json" id="refrain-data">${jsonForScript(pageData(report))}</script>`,
    `<script>${CLIENT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Findings linked from the summary. */
const TOP_IN_SUMMARY = 10;

const SCRIPT_HASH = `sha256-${createHash('sha256').update(CLIENT_SCRIPT, 'utf8').digest('base64')}`;

/** When, over what, against what, with which settings and by whom: what a report handed on must say. */
function aboutHtml(report: Report): string {
  const a = aboutScan(report);
  const rows: [string, string][] = [
    ['Scanned', a.scanned],
    ['Inputs', a.inputs],
  ];
  if (a.against) rows.push(['Compared with', a.against]);
  if (a.references) rows.push(['References', a.references]);
  rows.push(['Settings', a.settings], ['Reviewed', a.reviewed]);
  return `<dl class="about">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

function figures(report: Report): string {
  const s = report.summary;
  // [label, value, shown as an alert]
  const items: [string, string, boolean?][] = [
    ['Reports', count(s.documents)],
    ['Text found in other reports', percent(s.templatedShare)],
    ['of which boilerplate', percent(s.boilerplateShare)],
  ];
  if (s.pastShare !== undefined) items.push(['Text found in past reports', percent(s.pastShare)]);
  if (s.recitedShare !== undefined) items.push(['Text reciting a reference', percent(s.recitedShare)]);
  items.push(
    ['Repeated inside a report', percent(s.withinShare)],
    ['Findings', count(s.findings)],
    ['Spliced text', count(s.splices), s.splices > 0],
    ['Reviewed', `${count(s.decided)} of ${count(s.findings)}`],
  );
  const cells = items
    .map(
      ([k, v, alert]) =>
        `<div${alert ? ' class="alert"' : ''}><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`,
    )
    .join('');
  const past =
    (s.pastDocuments > 0 ? `; compared with ${counted(s.pastDocuments, 'past report')}, listed apart` : '') +
    (s.referenceDocuments > 0
      ? `; read against ${counted(s.referenceDocuments, 'reference document')}, listed apart`
      : '');
  const detail = `${count(s.acrossFindings)} findings across reports, ${count(s.withinFindings)} inside one report, ${count(s.boilerplateFindings)} boilerplate; ${counted(s.chars, 'character')} in all${past}.`;
  return `<dl class="figures">${cells}</dl><p class="meta">${escapeHtml(detail)}</p>`;
}

/**
 * The past reports (scan --against), apart from the batch's: each with the report of this batch
 * it shares most with. Their text opens in the list below it, as the batch's reports do.
 */
function pastHtml(report: Report): string {
  if (report.pastRanking.length === 0) return '';
  const rows = report.pastRanking.map((r) => {
    const top = r.sharesMost;
    const shares = top
      ? ` · shares most with <a href="#doc-${top.doc}"><bdi>${escapeHtml(top.path)}</bdi></a> (${percent(top.sharedRatio)})`
      : ' · shares nothing with this batch';
    return `<li><span class="badge past">past</span> <a href="#doc-${r.doc}"><bdi>${escapeHtml(r.path)}</bdi></a>${shares}</li>`;
  });
  const legend =
    "Compared against, not judged: most shared with a report of this batch first. Their own figures are those of their workspace's scan.";
  return `<section id="past-reports"><h2>Past reports (${escapeHtml(report.pastRanking[0].past)})</h2><p class="legend">${escapeHtml(legend)}</p><ol class="past">${rows.join('')}</ol></section>`;
}

/** Read these first: links into the findings list, with the start of each passage. */
function topFindings(report: Report): string {
  const items = report.topFindings.slice(0, TOP_IN_SUMMARY).map((id) => {
    const f = report.findings[id];
    const head = `Finding #${id}: ${findingHeadline(f)}, ${KIND_WORDS[f.kind]}`;
    return `<li><a href="#finding-${id}">${escapeHtml(head)}</a> <span class="excerpt">${escapeHtml(excerpt(f.members[0].text, 50))}</span></li>`;
  });
  return items.length === 0
    ? '<p>No findings.</p>'
    : `<h3>Worth reading first</h3><ol class="top">${items.join('')}</ol>`;
}

function diagnostics(report: Report): string {
  if (report.diagnostics.length === 0) return '';
  const items = report.diagnostics.map(
    (d) => `<li>${escapeHtml(d.path)}: ${escapeHtml(d.level)}, ${escapeHtml(d.message)}</li>`,
  );
  return `<section id="diagnostics"><h2>Files not scanned</h2><ul>${items.join('')}</ul></section>`;
}
