import { escapeHtml } from '../escape.js';
import { percent } from '../format.js';
import type { Report } from '../types.js';

/**
 * Up to this many reports the heatmap is an SVG with one titled cell per pair (hover shows the
 * pair and figure without any script). Past it, n² elements would make the file heavy and the
 * page slow, so the page's script draws it on a canvas instead, with a hover readout.
 */
export const SVG_HEATMAP_MAX = 150;
/** Row labels only while they stay legible. */
const LABELS_MAX = 40;

/** Cell colour: white (nothing shared) to deep red (the batch's most-sharing pair). */
export function heatColour(ratio: number, max: number): string {
  const t = max > 0 ? Math.min(1, ratio / max) : 0;
  return `hsl(8,78%,${(97 - 57 * t).toFixed(1)}%)`;
}

export function heatmapHtml(report: Report): string {
  const n = report.order.length;
  const max = report.pairs.reduce((m, p) => Math.max(m, p.sharedRatio), 0);
  const past = report.pastRanking.length > 0 ? ' Past reports are labelled in grey italics.' : '';
  const legend = `<p class="legend">Each cell: the text two reports share, as a share of the smaller one. Reports that share much sit together. Darkest: ${escapeHtml(percent(max))}.${past}</p>`;
  if (n > SVG_HEATMAP_MAX) {
    return `${legend}<div id="heatmap" class="heatmap-canvas" data-max="${max}"><canvas></canvas><div class="readout" aria-live="polite"></div></div>`;
  }
  return `${legend}<div id="heatmap">${svg(report, max)}</div>`;
}

function svg(report: Report, max: number): string {
  const n = report.order.length;
  const cell = Math.max(4, Math.min(36, Math.floor(600 / Math.max(1, n))));
  const labelled = n <= LABELS_MAX;
  const docs = report.documents;
  const left = labelled ? 260 : 0;
  // Column labels stand upright above their column: as tall as the longest short name.
  const top = labelled ? 10 + Math.max(0, ...report.order.map((d) => labelWidth(docs[d].label))) : 0;
  const shared = new Map<number, number>();
  for (const p of report.pairs) {
    shared.set(p.a * n + p.b, p.sharedRatio);
    shared.set(p.b * n + p.a, p.sharedRatio);
  }
  const parts: string[] = [];
  const width = left + n * cell;
  const height = top + n * cell;
  parts.push(
    `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="heatmap of text shared between reports">`,
  );
  report.order.forEach((row, i) => {
    if (labelled) {
      const doc = docs[row];
      const name = doc.past === undefined ? doc.path : `${doc.path} (past: ${doc.past})`;
      const past = doc.past === undefined ? '' : ' hm-past';
      parts.push(
        `<text x="${left - 6}" y="${top + i * cell + cell / 2}" class="hm-row${past}" text-anchor="end" dominant-baseline="middle">${escapeHtml(shorten(doc.path, 32))}<title>${escapeHtml(name)}</title></text>`,
      );
      const x = left + i * cell + cell / 2;
      parts.push(
        `<text x="${x}" y="${top - 6}" class="hm-col${past}" transform="rotate(-90 ${x} ${top - 6})" dominant-baseline="middle">${escapeHtml(doc.label)}<title>${escapeHtml(name)}</title></text>`,
      );
    }
    report.order.forEach((col, j) => {
      const x = left + j * cell;
      const y = top + i * cell;
      if (row === col) {
        parts.push(
          `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" class="hm-self"><title>${escapeHtml(docs[row].path)} (itself)</title></rect>`,
        );
        return;
      }
      const ratio = shared.get(row * n + col) ?? 0;
      const title = `${docs[row].path} ↔ ${docs[col].path}: ${percent(ratio)} shared`;
      parts.push(
        `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${heatColour(ratio, max)}" data-a="${row}" data-b="${col}"><title>${escapeHtml(title)}</title></rect>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Roughly how wide a label is drawn at the heatmap's 12px: CJK characters are full width. */
function labelWidth(label: string): number {
  let width = 0;
  for (const c of label)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\u{20000}-\u{3fffd}]/u.test(c) ? 12 : 8;
  return width;
}

/** Keeps the end of a long path (the file name is what tells reports apart). */
function shorten(path: string, max: number): string {
  const chars = Array.from(path);
  return chars.length <= max ? path : `…${chars.slice(chars.length - max + 1).join('')}`;
}
