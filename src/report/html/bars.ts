import { escapeHtml } from '../escape.js';
import { percent } from '../format.js';
import type { Report } from '../types.js';

/**
 * (The label is right-to-left so a long path loses its start, not its file name; the <bdi> keeps
 * the path itself left-to-right.)
 *
 * Reports ranked by templated ratio as CSS bars (plain HTML: works without script and stays
 * light at 1,000 rows). Bars are scaled to the largest ratio rounded up to 10%, so a batch where
 * the worst report is 13% templated still shows differences.
 */
export function barsHtml(report: Report): string {
  const top = report.ranking[0]?.templatedRatio ?? 0;
  const scale = Math.min(1, Math.max(0.1, Math.ceil(top * 10) / 10));
  const width = (r: number) => `${((Math.min(r, scale) / scale) * 100).toFixed(2)}%`;
  const rows = report.ranking.map((r) => {
    const past = r.pastRatio === undefined ? '' : `; ${percent(r.pastRatio)} found in past reports`;
    const recited = r.recitedRatio === undefined ? '' : `; ${percent(r.recitedRatio)} recites a reference`;
    const title = `${r.path}: ${percent(r.templatedRatio)} found in other reports, of which ${percent(r.boilerplateRatio)} boilerplate; ${percent(r.withinRatio)} repeated inside${past}${recited}`;
    return (
      `<li class="bar-row" title="${escapeHtml(title)}">` +
      `<a class="bar-label" href="#doc-${r.doc}"><bdi dir="ltr">${escapeHtml(r.path)}</bdi></a>` +
      `<span class="bar"><span class="fill" style="width:${width(r.templatedRatio)}">` +
      `<span class="fill-bp" style="width:${r.templatedRatio > 0 ? ((Math.min(r.boilerplateRatio, r.templatedRatio) / r.templatedRatio) * 100).toFixed(2) : 0}%"></span></span></span>` +
      `<span class="bar-value">${percent(r.templatedRatio)}</span></li>`
    );
  });
  return `<p class="legend">Share of each report's text also found in other reports (scale 0–${percent(scale)}); the muted part is boilerplate.</p><ol class="bars">${rows.join('')}</ol>`;
}
