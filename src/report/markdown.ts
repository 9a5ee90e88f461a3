import { aboutScan } from './about.js';
import { buildReport, TOP_FINDINGS } from './build.js';
import { escapeMarkdown as md } from './escape.js';
import { count, counted, excerpt, location, percent, when } from './format.js';
import type { Report, ReportDecision, ReportFinding, ReportInput } from './types.js';
import { findingHeadline, KIND_WORDS, worthReadingFirst } from './finding.js';
import { instead, referencesSection, splicesSection, templateTable } from './markdown-sources.js';

/** Longest excerpt of a member shown, in characters. */
export const EXCERPT_CHARS = 160;
/** Members listed per finding; the CSV has them all. */
export const MEMBERS_SHOWN = 10;

/**
 * For pasting into an audit memo: any text spliced into a report first, then what was scanned,
 * when and how, the summary figures, the reports ranked (past reports and references apart), the
 * top findings with excerpts (a template's slot table), and every decision with its note.
 */
export function markdownReport(input: ReportInput): string {
  const report = buildReport(input);
  const out: string[] = ['# refrain report', ''];
  out.push(...splicesSection(report));
  out.push(...about(report), '');
  out.push(...summary(report), '');
  out.push(...ranking(report));
  if (report.pastRanking.length > 0) out.push(...pastRanking(report));
  out.push(...referencesSection(report));
  out.push(...topFindings(report, input.top ?? TOP_FINDINGS));
  out.push(...decisions(report));
  if (report.diagnostics.length > 0) {
    out.push('## Files not scanned', '');
    for (const d of report.diagnostics) out.push(`- ${md(d.path)}: ${d.level}, ${md(d.message)}`);
    out.push('');
  }
  return out.join('\n');
}

function about(report: Report): string[] {
  const a = aboutScan(report);
  const lines = [`- Scanned: ${md(a.scanned)}`, `- Inputs: ${md(a.inputs)}`];
  if (a.against) lines.push(`- Compared with: ${md(a.against)}`);
  if (a.references) lines.push(`- References: ${md(a.references)}`);
  lines.push(`- Settings: ${md(a.settings)}`, `- Reviewed: ${md(a.reviewed)}`);
  return lines;
}

function summary(report: Report): string[] {
  const s = report.summary;
  const rows = [
    '| Figure | Value |',
    '|---|---:|',
    `| Reports | ${count(s.documents)} |`,
    `| Characters | ${count(s.chars)} |`,
    `| Text also found in other reports | ${percent(s.templatedShare)} |`,
  ];
  if (s.pastShare !== undefined) rows.push(`| Text found in past reports | ${percent(s.pastShare)} |`);
  if (s.recitedShare !== undefined) rows.push(`| Text reciting a reference | ${percent(s.recitedShare)} |`);
  rows.push(
    `| Text repeated inside its own report | ${percent(s.withinShare)} |`,
    `| Boilerplate | ${percent(s.boilerplateShare)} |`,
    `| Findings | ${count(s.findings)} (${count(s.acrossFindings)} across reports, ${count(s.withinFindings)} inside one; ${count(s.boilerplateFindings)} boilerplate) |`,
    `| Spliced text | ${count(s.splices)} |`,
  );
  if (s.referenceDocuments > 0) rows.push(`| Reference documents | ${count(s.referenceDocuments)} |`);
  return rows;
}

/** "path (12.5%)", or "path (past, 12.5%)" for a report of a past workspace. */
function shared(report: Report, s: { doc: number; path: string; sharedRatio: number }): string {
  return `${md(s.path)} (${report.documents[s.doc].past === undefined ? '' : 'past, '}${percent(s.sharedRatio)})`;
}

function ranking(report: Report): string[] {
  const past = report.summary.pastShare !== undefined;
  const recited = report.summary.recitedShare !== undefined;
  const out = ['## Reports by templated share', ''];
  out.push(
    `| # | Report | Templated |${past ? ' In past reports |' : ''} Within | Boilerplate |${recited ? ' Recited |' : ''} Shares most with |`,
  );
  out.push(`|---:|---|---:|${past ? '---:|' : ''}---:|---:|${recited ? '---:|' : ''}---|`);
  report.ranking.forEach((r, i) => {
    const top = report.documents[r.doc].sharesMost[0];
    const shares = top ? shared(report, top) : '';
    const pastCell = past ? ` ${percent(r.pastRatio ?? 0)} |` : '';
    const recitedCell = recited ? ` ${percent(r.recitedRatio ?? 0)} |` : '';
    out.push(
      `| ${i + 1} | ${md(r.path)} | ${percent(r.templatedRatio)} |${pastCell} ${percent(r.withinRatio)} | ${percent(r.boilerplateRatio)} |${recitedCell} ${shares} |`,
    );
  });
  out.push('');
  return out;
}

function pastRanking(report: Report): string[] {
  const out = [`## Past reports (${md(report.pastRanking[0].past)})`, ''];
  out.push(
    "Compared against, not judged: most shared with a report of this batch first. Their own figures are those of their workspace's scan.",
    '',
  );
  out.push('| # | Past report | Shares most with (this batch) | Templated in its own batch |');
  out.push('|---:|---|---|---:|');
  report.pastRanking.forEach((r, i) => {
    const top = r.sharesMost;
    const shares = top ? `${md(top.path)} (${percent(top.sharedRatio)})` : '';
    out.push(`| ${i + 1} | ${md(r.path)} | ${shares} | ${percent(report.documents[r.doc].templatedRatio)} |`);
  });
  out.push('');
  return out;
}

function topFindings(report: Report, top: number): string[] {
  const ranked = worthReadingFirst(report.findings);
  const shown = ranked.slice(0, top);
  const out = ['## Top findings', ''];
  if (ranked.length === 0) return [...out, 'No findings.', ''];
  const dropped = report.findings.length - ranked.length;
  const falseMatches = dropped > 0 ? ` (${count(dropped)} marked false match left out)` : '';
  if (shown.length < ranked.length) {
    out.push(
      `The ${counted(shown.length, 'finding')} most worth reading, of ${count(ranked.length)}${falseMatches}; \`refrain report --top N\` shows more, the CSV has them all.`,
      '',
    );
  }
  shown.forEach((id, i) => out.push(...finding(report, i + 1, report.findings[id]), ''));
  return out;
}

/** "**copied** by li.ming, 2026-01-02 09:00 UTC: note". */
function decided(d: ReportDecision): string {
  return `**${d.label}**${d.reviewer ? ` by ${md(d.reviewer)}` : ''}, ${when(d.at)}${d.note ? `: ${md(d.note)}` : ''}`;
}

function finding(report: Report, rank: number, f: ReportFinding): string[] {
  const out = [`### ${rank}. Finding ${f.id}: ${findingHeadline(f)}`, ''];
  out.push(`${KIND_WORDS[f.kind]}, similarity ${f.similarity.toFixed(2)}, ${counted(f.chars, 'character')}.`);
  if (f.decision) out.push(`Decision: ${decided(f.decision)}`);
  for (const s of f.splices ?? [])
    out.push(`Spliced in ${md(location(s))}: **${md(s.text)}**; instead: ${instead(report, s)}.`);
  out.push('');
  if (f.template) return [...out, ...templateTable(f, MEMBERS_SHOWN)];
  for (const m of f.members.slice(0, MEMBERS_SHOWN)) {
    const doc = report.documents[m.doc];
    const mark = doc.reference ? ' (reference)' : doc.past === undefined ? '' : ' (past)';
    out.push(`- ${md(location(m))}${mark}: ${md(excerpt(m.text, EXCERPT_CHARS))}`);
  }
  if (f.members.length > MEMBERS_SHOWN) out.push(`- … and ${count(f.members.length - MEMBERS_SHOWN)} more`);
  return out;
}

/** Every decision with its note, the findings outside the top ones included. */
function decisions(report: Report): string[] {
  const out = ['## Decisions', ''];
  if (report.decisions.length === 0) out.push('No finding has been reviewed yet.');
  else {
    out.push('| Finding | Decision | By | When | Note |', '|---:|---|---|---|---|');
    for (const d of report.decisions)
      out.push(`| ${d.finding} | ${d.label} | ${md(d.reviewer ?? '')} | ${when(d.at)} | ${md(d.note)} |`);
  }
  if (report.otherDecisions > 0) {
    out.push(
      '',
      `${counted(report.otherDecisions, 'more decision')} ${report.otherDecisions === 1 ? 'is' : 'are'} on findings not in this scan.`,
    );
  }
  out.push('');
  return out;
}
