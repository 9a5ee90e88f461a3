import type { ResultDocument, ScanResult } from '../../src/types.js';
import { forTerminal, oneLine, pad, truncate } from './width.js';
import { memberText, stockWords } from '../../src/report/finding.js';

export interface SummaryOptions {
  /** Terminal width in columns. */
  width: number;
  /** Findings to list. */
  top: number;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const plural = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The terminal summary of a scan: the batch's reports ranked by templated share, the reports of a
 * past workspace (scan --against) apart, then the top findings. The files with problems are
 * counted here and listed by formatDiagnostics (on standard error).
 */
export function formatSummary(result: ScanResult, options: SummaryOptions): string {
  const width = Math.max(60, options.width);
  const docs = result.documents;
  const batch = docs.filter((d) => d.past === undefined && !d.reference);
  const references = docs.filter((d) => d.reference);
  const past = docs.filter((d) => d.past !== undefined);
  const totalChars = batch.reduce((s, d) => s + d.chars, 0);
  const against =
    (past.length > 0 ? `, compared with ${plural(past.length, 'report')} of ${past[0].past}` : '') +
    (references.length > 0 ? `, against ${plural(references.length, 'reference document')}` : '');
  const lines: string[] = [
    `Scanned ${plural(batch.length, 'report')} (${totalChars.toLocaleString('en-US')} characters)${against}.`,
  ];
  const errors = result.diagnostics.filter((d) => d.level === 'error').length;
  const files = new Set(result.diagnostics.map((d) => d.path)).size;
  if (files > 0) lines.push(`${plural(files, 'file')} with problems (${errors} skipped), listed on standard error.`);
  lines.push('');
  if (batch.length > 0) lines.push(...ranking(batch, past.length > 0, references.length > 0, width), '');
  if (past.length > 0) lines.push(...pastRanking(result, past, width), '');
  lines.push(...findings(result, options.top, width));
  return forTerminal(lines.join('\n')) + '\n';
}

function ranking(batch: ResultDocument[], withPast: boolean, withReferences: boolean, width: number): string[] {
  const shares = [
    withPast
      ? 'share of text also found in other reports of this batch; in past reports'
      : 'share of text also found in other reports',
    'repeated inside',
    'boilerplate',
    ...(withReferences ? ['reciting a reference'] : []),
  ];
  const lines = [`Reports, most templated first (${shares.join('; ')})`];
  const cell = (label: string) => pad(label, 8, 'right');
  const recitedHead = withReferences ? ` ${cell('recited')}` : '';
  lines.push(
    `  ${cell('across')} ${withPast ? `${cell('past')} ` : ''}${cell('within')} ${cell('boiler')}${recitedHead}  report`,
  );
  const ranked = [...batch].sort(
    (a, b) => b.templatedRatio - a.templatedRatio || b.withinRatio - a.withinRatio || a.id - b.id,
  );
  const used = 31 + (withPast ? 9 : 0) + (withReferences ? 9 : 0);
  for (const d of ranked) {
    const pastCell = withPast ? `${cell(pct(d.pastRatio ?? 0))} ` : '';
    const recited = withReferences ? ` ${cell(pct(d.recitedRatio ?? 0))}` : '';
    lines.push(
      `  ${cell(pct(d.templatedRatio))} ${pastCell}${cell(pct(d.withinRatio))} ${cell(pct(d.boilerplateRatio))}${recited}  ${truncate(d.path, width - used)}`,
    );
  }
  return lines;
}

/** Past reports, most shared with a report of this batch first, with that report. */
function pastRanking(result: ScanResult, past: ResultDocument[], width: number): string[] {
  const best = new Map<number, { other: number; ratio: number }>();
  const offer = (doc: number, other: number, ratio: number) => {
    const seen = best.get(doc);
    if (!seen || ratio > seen.ratio || (ratio === seen.ratio && other < seen.other)) best.set(doc, { other, ratio });
  };
  for (const p of result.documentPairs) {
    const [a, b] = [result.documents[p.a], result.documents[p.b]];
    if (a.past !== undefined && b.past === undefined) offer(p.a, p.b, p.sharedRatio);
    if (b.past !== undefined && a.past === undefined) offer(p.b, p.a, p.sharedRatio);
  }
  const ranked = [...past].sort((a, b) => (best.get(b.id)?.ratio ?? 0) - (best.get(a.id)?.ratio ?? 0) || a.id - b.id);
  const lines = [
    `Past reports (${past[0].past}), compared against, not judged: most shared with a report of this batch first`,
  ];
  lines.push(`  ${pad('shared', 8, 'right')}  past report  ↔  report of this batch`);
  for (const d of ranked) {
    const top = best.get(d.id);
    const pair = top ? `${d.path}  ↔  ${result.documents[top.other].path}` : d.path;
    lines.push(`  ${pad(top ? pct(top.ratio) : '-', 8, 'right')}  ${truncate(pair, width - 12)}`);
  }
  return lines;
}

function findings(result: ScanResult, top: number, width: number): string[] {
  const docs = result.documents;
  const clusters = result.clusters;
  const within = clusters.filter((c) => c.scope === 'within').length;
  const boiler = clusters.filter((c) => c.boilerplate).length;
  const lines = [
    `Findings: ${clusters.length - boiler} to read, ${boiler} kept apart as boilerplate (${clusters.length - within} across reports, ${within} within one report)`,
  ];
  for (const c of clusters.slice(0, top)) {
    const pastDocs = new Set(c.members.filter((m) => docs[m.doc].past !== undefined).map((m) => m.doc)).size;
    const refs = new Set(c.members.filter((m) => docs[m.doc].reference).map((m) => m.doc)).size;
    const also = [pastDocs > 0 ? `${pastDocs} past` : '', refs > 0 ? `+ ${plural(refs, 'reference')}` : ''];
    const reports = `${plural(c.docCount - refs, 'report')}${pastDocs > 0 ? ` (${also[0]})` : ''}${refs > 0 ? ` ${also[1]}` : ''}`;
    const kept = c.boilerplate ? ` · boilerplate: ${stockWords(c.stock)}` : '';
    const size = `${c.chars.toLocaleString('en-US')} chars, ${Math.round(c.content ?? 0).toLocaleString('en-US')} rare`;
    lines.push(
      truncate(
        `  #${c.id} ${c.scope} ${c.kind} · ${reports} · ${size} · similarity ${c.similarity.toFixed(2)}${kept}`,
        width,
      ),
    );
    // A splice is shown where it stands: what was spliced in, and what the others say there.
    const splice = c.splices?.[0];
    const first = splice ? c.members[splice.member] : c.members[0];
    const passage = memberText(first, (p) => docs[first.doc].paragraphs[p].text);
    if (splice) {
      const instead = splice.canonical === '' ? 'inserted' : `where the others say “${splice.canonical}”`;
      lines.push(`     spliced: “${truncate(oneLine(splice.text), width / 3)}” ${truncate(instead, width / 2)}`);
    }
    lines.push(`     “${truncate(oneLine(passage), width - 8)}”`);
    const lineOf = (doc: number, p: number) => docs[doc].paragraphs[p].line;
    const places = c.members.map((m) => {
      const lines = `${lineOf(m.doc, m.paragraph)}${m.lastParagraph === undefined ? '' : `–${lineOf(m.doc, m.lastParagraph)}`}`;
      const role = docs[m.doc].past !== undefined ? ' (past)' : docs[m.doc].reference ? ' (reference)' : '';
      return `${docs[m.doc].path}:${lines}${role}`;
    });
    const shown = places.slice(0, 4).join('  ');
    lines.push(`     ${truncate(shown + (places.length > 4 ? `  +${places.length - 4} more` : ''), width - 5)}`);
  }
  if (clusters.length > top)
    lines.push(`  … ${clusters.length - top} more (use --top N, --json FILE, or 'refrain review')`);
  return lines;
}
