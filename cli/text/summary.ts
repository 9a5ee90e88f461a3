import type { ScanResult } from '../../src/types.js';
import { forTerminal, oneLine, pad, truncate } from './width.js';

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
  lines.push(`Findings: ${clusters.length} (${clusters.length - within} across reports, ${within} within one report; ${boiler} boilerplate)`);
  for (const c of clusters.slice(0, options.top)) {
    const head = `  #${c.id} ${c.scope} ${c.kind}${c.boilerplate ? ' boilerplate' : ''} · ${c.docCount} report${c.docCount === 1 ? '' : 's'} · similarity ${c.similarity.toFixed(2)} · ${c.chars} chars`;
    lines.push(truncate(head, width));
    const first = c.members[0];
    const text = docs[first.doc].paragraphs[first.paragraph].text;
    const passage = first.start === undefined ? text : text.slice(first.start, first.end);
    lines.push(`     “${truncate(oneLine(passage), width - 8)}”`);
    const places = c.members.map((m) => `${docs[m.doc].path}:${docs[m.doc].paragraphs[m.paragraph].line}`);
    const shown = places.slice(0, 4).join('  ');
    lines.push(`     ${truncate(shown + (places.length > 4 ? `  +${places.length - 4} more` : ''), width - 5)}`);
  }
  if (clusters.length > options.top) lines.push(`  … ${clusters.length - options.top} more (use --top N, --json FILE, or 'refrain review')`);
  return forTerminal(lines.join('\n')) + '\n';
}
