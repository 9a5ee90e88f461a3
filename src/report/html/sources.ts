import { escapeHtml } from '../escape.js';
import { findingTone } from '../finding.js';
import { count, counted, location } from '../format.js';
import { SPLICES_LEGEND } from '../markdown-sources.js';
import { insteadSources } from '../splices.js';
import { reportsUsing, shortPieces, skeletonText, slotKinds } from '../templates.js';
import type { Report, ReportFinding, ReportSplice } from '../types.js';

/**
 * The page's sections on where reused text comes from, written as plain HTML so that they show
 * without script and no filter of the page can hide them: the spliced texts (at the top), the
 * batch's template families, and the reference documents the reports recite.
 */

/** Longest piece of a skeleton shown whole in the templates list. */
const PIECE_CHARS = 24;
/** Reports named per reference; the rest are counted. */
const RECITERS_SHOWN = 8;

const REFERENCES_LEGEND =
  "Upstream documents given with --reference. What a report quotes from them is recitation: shown with the reference it quotes, counted in the report's recited share and kept out of the copying queue. They are no reports: no ratios, no findings of their own. Open one to read it with the recited passages highlighted.";

const TEMPLATES_LEGEND =
  'Findings whose members fill in one text: the skeleton they share, with numbered slots where each says something of its own. Most reports first; open a finding for its table, one row per report with its value in each slot.';

export function splicesHtml(report: Report): string {
  if (report.splices.length === 0) return '';
  const rows = report.splices.map((s, i) => {
    const where = `<a href="#doc-${s.doc}"><bdi>${escapeHtml(location(s))}</bdi></a>`;
    const spliced = `${escapeHtml(s.before)}<mark class="splice">${escapeHtml(s.text)}</mark>${escapeHtml(s.after)}`;
    const label = s.decision ? escapeHtml(s.decision.label) : '';
    const decided = s.decision ? ` <span class="badge ${label}">${label}</span>` : '';
    return (
      `<tr><td>${i + 1}</td><td>${where}</td><td class="ctx">${spliced}</td><td class="ctx">${insteadHtml(report, s)}</td>` +
      `<td><a href="#finding-${s.finding}">#${s.finding}</a>${decided}</td></tr>`
    );
  });
  return (
    `<section id="splices"><h2>Spliced text: ${counted(report.splices.length, 'passage')}</h2><p class="legend">${escapeHtml(SPLICES_LEGEND)}</p>` +
    '<table class="splices"><thead><tr><th>#</th><th>Report</th><th>Spliced in</th><th>Instead</th><th>Finding</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}

/** What the others say in the splice's place, in the same sentence, and who says it. */
function insteadHtml(report: Report, s: ReportSplice): string {
  const said =
    s.canonical === ''
      ? `${escapeHtml(s.before)}<span class="none">(nothing)</span>${escapeHtml(s.after)}`
      : `${escapeHtml(s.before)}<ins>${escapeHtml(s.canonical)}</ins>${escapeHtml(s.after)}`;
  const who = insteadSources(s, (d) => report.documents[d].path);
  return `${said}<br><span class="meta">in ${escapeHtml(who)}</span>`;
}

export function templatesHtml(report: Report): string {
  const head = `<section id="templates"><h2>Templates</h2><p class="legend">${escapeHtml(TEMPLATES_LEGEND)}</p>`;
  const families = report.templates.map((id) => report.findings[id]);
  if (families.length === 0) return `${head}<p>No finding of this batch is a template filled in.</p></section>`;
  const read = families.filter((f) => findingTone(f) === 'copy');
  const apart = families.filter((f) => findingTone(f) !== 'copy');
  const list = (fs: ReportFinding[]) => `<ol class="templates">${fs.map(familyHtml).join('')}</ol>`;
  const kept =
    apart.length === 0
      ? ''
      : `<details class="kept"><summary>${counted(apart.length, 'more template')}, in findings kept apart as boilerplate or marked a false match</summary>${list(apart)}</details>`;
  return `${head}${read.length > 0 ? list(read) : '<p>None in the findings to read.</p>'}${kept}</section>`;
}

function familyHtml(f: ReportFinding): string {
  const t = f.template!;
  const used =
    f.scope === 'within' ? `inside one report, ${count(f.members.length)} times` : counted(reportsUsing(f), 'report');
  const refs = f.references > 0 ? ` and ${counted(f.references, 'reference')}` : '';
  const slots = `${counted(t.slots.length, 'slot')}${t.slots.length > 0 ? `: ${slotKinds(t.slots)}` : ''}`;
  const skeleton = skeletonText(
    shortPieces(t.pieces, PIECE_CHARS).map(escapeHtml),
    (i) => `<span class="slot">${i}</span>`,
  );
  return `<li><a href="#finding-${f.id}">Finding #${f.id}</a> · ${escapeHtml(used + refs)} · ${escapeHtml(slots)}<div class="skeleton">${skeleton}</div></li>`;
}

export function referencesHtml(report: Report): string {
  if (report.references.length === 0) return '';
  const rows = report.references.map((r) => {
    const named = r.recitedBy
      .slice(0, RECITERS_SHOWN)
      .map((d) => `<a href="#doc-${d}"><bdi>${escapeHtml(report.documents[d].label)}</bdi></a>`);
    const more = r.recitedBy.length - named.length;
    const by =
      r.recitedBy.length === 0
        ? 'recited by no report'
        : `recited by ${counted(r.recitedBy.length, 'report')}: ${named.join(', ')}${more > 0 ? `, and ${count(more)} more` : ''}`;
    const findings = r.findings.map((f) => `<a href="#finding-${f}">#${f}</a>`).join(' ');
    return `<li><span class="badge ref">reference</span> <a href="#doc-${r.doc}"><bdi>${escapeHtml(r.path)}</bdi></a> · ${by}${findings ? ` · findings ${findings}` : ''}</li>`;
  });
  return `<section id="references"><h2>References</h2><p class="legend">${escapeHtml(REFERENCES_LEGEND)}</p><ol class="refs">${rows.join('')}</ol></section>`;
}
