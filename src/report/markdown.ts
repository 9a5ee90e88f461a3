import { buildReport } from './build.js';
import { escapeMarkdown as md } from './escape.js';
import { excerpt, location, percent } from './format.js';
import type { Report, ReportFinding, ReportInput } from './types.js';
import { findingHeadline, KIND_WORDS } from './words.js';

/** Longest excerpt of a member shown, in characters. */
export const EXCERPT_CHARS = 160;
/** Members listed per finding; the CSV has them all. */
export const MEMBERS_SHOWN = 10;

/** For pasting into an audit memo: summary table, reports ranked, top findings with excerpts. */
export function markdownReport(input: ReportInput): string {
  const report = buildReport(input);
  const out: string[] = ['# refrain report', ''];
  out.push(...summary(report), '');
  out.push('## Reports by templated share', '');
  out.push('| # | Report | Templated | Within | Boilerplate | Shares most with |');
  out.push('|---:|---|---:|---:|---:|---|');
  report.ranking.forEach((r, i) => {
    const top = report.documents[r.doc].sharesMost[0];
    const shares = top ? `${md(top.path)} (${percent(top.sharedRatio)})` : '';
    out.push(`| ${i + 1} | ${md(r.path)} | ${percent(r.templatedRatio)} | ${percent(r.withinRatio)} | ${percent(r.boilerplateRatio)} | ${shares} |`);
  });
  out.push('');
  out.push('## Top findings', '');
  if (report.topFindings.length === 0) out.push('No findings.', '');
  report.topFindings.forEach((id, i) => out.push(...finding(i + 1, report.findings[id]), ''));
  if (report.diagnostics.length > 0) {
    out.push('## Files not scanned', '');
    for (const d of report.diagnostics) out.push(`- ${md(d.path)}: ${d.level}, ${md(d.message)}`);
    out.push('');
  }
  return out.join('\n');
}

function summary(report: Report): string[] {
  const s = report.summary;
  return [
    '| Figure | Value |',
    '|---|---:|',
    `| Reports | ${s.documents} |`,
    `| Characters | ${s.chars} |`,
    `| Text also found in other reports | ${percent(s.templatedShare)} |`,
    `| Text repeated inside its own report | ${percent(s.withinShare)} |`,
    `| Boilerplate | ${percent(s.boilerplateShare)} |`,
    `| Findings | ${s.findings} (${s.acrossFindings} across reports, ${s.withinFindings} inside one; ${s.boilerplateFindings} boilerplate) |`,
    `| Reviewed | ${s.decided} of ${s.findings} |`,
    `| Similarity threshold | ${report.settings.threshold} |`,
  ];
}

function finding(rank: number, f: ReportFinding): string[] {
  const out = [`### ${rank}. Finding ${f.id}: ${findingHeadline(f)}`, ''];
  out.push(`${KIND_WORDS[f.kind]}, similarity ${f.similarity.toFixed(2)}, ${f.chars} characters.`);
  if (f.decision) {
    const note = f.decision.note ? `: ${md(f.decision.note)}` : '';
    out.push(`Decision: **${f.decision.label}**${note}`);
  }
  out.push('');
  for (const m of f.members.slice(0, MEMBERS_SHOWN)) out.push(`- ${md(location(m))}: ${md(excerpt(m.text, EXCERPT_CHARS))}`);
  if (f.members.length > MEMBERS_SHOWN) out.push(`- … and ${f.members.length - MEMBERS_SHOWN} more`);
  return out;
}
