import type { ScanResult } from '../../src/types.js';
import { forTerminal, oneLine, pad, truncate } from './width.js';
import { memberTextOf } from '../../src/report/member.js';
import { stockWords } from '../../src/report/words.js';

export interface SummaryOptions {
  /** Terminal width in columns. */
  width: number;
  /** Findings to list. */
  top: number;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * The terminal summary of a scan: reports ranked by templated share, then the top findings. The
 * files with problems are counted here and listed by formatDiagnostics (on standard error).
 */
export function formatSummary(result: ScanResult, options: SummaryOptions): string {
  const width = Math.max(60, options.width);
  const lines: string[] = [];
  const docs = result.documents;
  const totalChars = docs.reduce((s, d) => s + d.chars, 0);
  lines.push(`Scanned ${docs.length} report${docs.length === 1 ? '' : 's'} (${totalChars.toLocaleString('en-US')} characters).`);
  const errors = result.diagnostics.filter((d) => d.level === 'error').length;
  const files = new Set(result.diagnostics.map((d) => d.path)).size;
  if (files > 0) lines.push(`${files} file${files === 1 ? '' : 's'} with problems (${errors} skipped), listed on standard error.`);
  lines.push('');
  if (docs.length > 0) {
    lines.push('Reports, most templated first (share of text also found in other reports; repeated inside; boilerplate)');
    lines.push(`  ${pad('across', 8, 'right')} ${pad('within', 8, 'right')} ${pad('boiler', 8, 'right')}  report`);
    const ranked = [...docs].sort((a, b) => b.templatedRatio - a.templatedRatio || b.withinRatio - a.withinRatio || a.id - b.id);
    for (const d of ranked) {
      lines.push(`  ${pad(pct(d.templatedRatio), 8, 'right')} ${pad(pct(d.withinRatio), 8, 'right')} ${pad(pct(d.boilerplateRatio), 8, 'right')}  ${truncate(d.path, width - 31)}`);
    }
    lines.push('');
  }
  const clusters = result.clusters;
  const within = clusters.filter((c) => c.scope === 'within').length;
  const boiler = clusters.filter((c) => c.boilerplate).length;
  lines.push(
    `Findings: ${clusters.length - boiler} to read, ${boiler} kept apart as boilerplate (${clusters.length - within} across reports, ${within} within one report)`,
  );
  for (const c of clusters.slice(0, options.top)) {
    const kept = c.boilerplate ? ` · boilerplate: ${stockWords(c.stock)}` : '';
    const head = `  #${c.id} ${c.scope} ${c.kind} · ${c.docCount} report${c.docCount === 1 ? '' : 's'} · ${c.chars} chars, ${Math.round(c.content ?? 0)} rare · similarity ${c.similarity.toFixed(2)}${kept}`;
    lines.push(truncate(head, width));
    const first = c.members[0];
    const passage = memberTextOf(first, (p) => docs[first.doc].paragraphs[p].text);
    lines.push(`     “${truncate(oneLine(passage), width - 8)}”`);
    const lineOf = (doc: number, p: number) => docs[doc].paragraphs[p].line;
    const places = c.members.map((m) => `${docs[m.doc].path}:${lineOf(m.doc, m.paragraph)}${m.lastParagraph === undefined ? '' : `–${lineOf(m.doc, m.lastParagraph)}`}`);
    const shown = places.slice(0, 4).join('  ');
    lines.push(`     ${truncate(shown + (places.length > 4 ? `  +${places.length - 4} more` : ''), width - 5)}`);
  }
  if (clusters.length > options.top) lines.push(`  … ${clusters.length - options.top} more (use --top N, --json FILE, or 'refrain review')`);
  return forTerminal(lines.join('\n')) + '\n';
}
