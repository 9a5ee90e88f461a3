import { escapeMarkdown as md } from './escape.js';
import { count, excerpt, location } from './format.js';
import { insteadSources } from './splices.js';
import { shortPieces, skeletonText, slotHeading } from './templates.js';
import type { Report, ReportFinding, ReportSplice } from './types.js';

/**
 * The Markdown sections that say where reused text comes from: the spliced texts (first in the
 * memo), the reference documents the reports recite, and a template finding's slot table.
 */

/** Longest slot value shown in a table cell, in characters. */
const SLOT_CHARS = 40;
/** Longest piece of a skeleton shown whole; longer ones keep their start and end. */
const PIECE_CHARS = 60;
/** Reports named per reference; the rest are counted. */
const RECITERS_SHOWN = 5;

export const SPLICES_LEGEND =
  'Text one report alone has where the other reports or the reference agree, foreign to the batch: spam spliced into a copied page. Listed first, whatever the decisions.';

export const REFERENCES_LEGEND =
  "Upstream documents given with `--reference`. What a report quotes from them is recitation: shown with what it quotes, counted in the report's recited share and kept out of the copying queue. They are no reports: no ratios, no findings of their own.";

/** Every splice: where, the spliced text in its sentence, what the others say instead, the finding. */
export function splicesSection(report: Report): string[] {
  if (report.splices.length === 0) return [];
  const out = ['## Spliced text', '', SPLICES_LEGEND, ''];
  out.push('| # | Report | Spliced in | Instead | Finding |', '|---:|---|---|---|---|');
  report.splices.forEach((s, i) => {
    const spliced = `${md(s.before)}**${md(s.text)}**${md(s.after)}`;
    const decided = s.decision ? ` (${s.decision.label})` : '';
    out.push(`| ${i + 1} | ${md(location(s))} | ${spliced} | ${instead(report, s)} | ${s.finding}${decided} |`);
  });
  out.push('');
  return out;
}

/** What the others say in a splice's place, and who: "**关于**, in the reference a.txt". */
export function instead(report: Report, s: ReportSplice): string {
  const said = s.canonical === '' ? 'nothing (inserted)' : `**${md(s.canonical)}**`;
  return `${said}, in ${md(insteadSources(s, (d) => report.documents[d].path))}`;
}

/** The reference documents with the reports that recite them. */
export function referencesSection(report: Report): string[] {
  if (report.references.length === 0) return [];
  const out = ['## References', '', REFERENCES_LEGEND, ''];
  out.push('| Reference | Recited by | Findings |', '|---|---|---|');
  for (const r of report.references) {
    const names = r.recitedBy.slice(0, RECITERS_SHOWN).map((d) => md(report.documents[d].path));
    const more = r.recitedBy.length - names.length;
    const by = names.length === 0 ? 'no report' : names.join(', ') + (more > 0 ? `, and ${count(more)} more` : '');
    out.push(`| ${md(r.path)} | ${by} | ${r.findings.join(', ')} |`);
  }
  out.push('');
  return out;
}

/**
 * A template finding's skeleton (its slots numbered in bold) and one table row per member, up to
 * `rows`: where it stands and what it put in each slot.
 */
export function templateTable(f: ReportFinding, rows: number): string[] {
  const t = f.template!;
  const skeleton = skeletonText(shortPieces(t.pieces, PIECE_CHARS).map(md), (i) => `**(${i})**`);
  const out = ['Template (the text every member shares, its slots numbered):', '', `> ${skeleton}`, ''];
  out.push(`| Member | ${t.slots.map((s, k) => md(slotHeading(s, k))).join(' | ')} |`);
  out.push(`|---|${t.slots.map(() => '---|').join('')}`);
  f.members.slice(0, rows).forEach((m, i) => {
    const where = `${md(location(m))}${m.reference ? ' (reference)' : ''}`;
    const values = t.slots.map((s) => (s.texts[i] === '' ? '—' : md(excerpt(s.texts[i], SLOT_CHARS))));
    out.push(`| ${where} | ${values.join(' | ')} |`);
  });
  if (f.members.length > rows)
    out.push(`| … and ${count(f.members.length - rows)} more |${t.slots.map(() => ' |').join('')}`);
  return out;
}
