import { fit, wrapStyled, type Line, type Style } from './lines.js';
import { CHROME_ROWS, type ReviewResult, type ReviewState, type Spot } from './state.js';

const GUTTER = 6;

/** A report laid out for a width: every line, and where each found passage starts. */
export interface ReportLayout {
  lines: Line[];
  /** For spot i of the state's `reportSpots`: the line its passage starts on. */
  spotLine: number[];
}

/**
 * One report's paragraphs with its found passages highlighted: copying strong, boilerplate
 * (or passages the reviewer called boilerplate) muted, the passage under the cursor stronger still.
 */
export function layoutReport(state: ReviewState): ReportLayout {
  const { result, reportDoc, reportSpots, reportCursor } = state;
  const width = Math.max(4, state.width - GUTTER);
  const byParagraph = new Map<number, number[]>();
  reportSpots.forEach((s, i) => {
    const list = byParagraph.get(s.paragraph) ?? [];
    list.push(i);
    byParagraph.set(s.paragraph, list);
  });
  const lines: Line[] = [];
  const spotLine: number[] = new Array(reportSpots.length).fill(0);
  for (const p of state.text.paragraphs(reportDoc)) {
    const spots = byParagraph.get(p.index) ?? [];
    const styleAt = (offset: number): Style => styleFor(result, state, reportSpots, spots, reportCursor, offset);
    const wrapped = wrapStyled(p.text, width, styleAt);
    const first = lines.length;
    // Where in the wrapped lines each spot starts: count UTF-16 units line by line.
    let offset = 0;
    const lineStarts = wrapped.map((l) => {
      const at = offset;
      for (const s of l) offset += s.text.length;
      return at;
    });
    for (const i of spots) {
      let k = 0;
      while (k + 1 < lineStarts.length && lineStarts[k + 1] <= reportSpots[i].start) k++;
      spotLine[i] = first + k;
    }
    wrapped.forEach((l, k) => {
      const gutter = k === 0 ? `${p.line}`.padStart(GUTTER - 2) + '  ' : ' '.repeat(GUTTER);
      lines.push([{ text: gutter, style: 'dim' }, ...l]);
    });
  }
  return { lines, spotLine };
}

export function reportLines(state: ReviewState, layout: ReportLayout): Line[] {
  const doc = state.result.documents[state.reportDoc];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const spot = state.reportSpots[state.reportCursor];
  const where = spot
    ? ` · passage ${state.reportCursor + 1}/${state.reportSpots.length} → finding ${state.result.clusters[spot.finding].id} (Enter opens)`
    : ' · no found passages';
  const title = doc
    ? `${doc.path} · templated ${pct(doc.templatedRatio)} · within ${pct(doc.withinRatio)} · boilerplate ${pct(doc.boilerplateRatio)}${where}`
    : `report #${state.reportDoc} is not in this scan`;
  const rows = Math.max(1, state.height - CHROME_ROWS - 1);
  // Keep the passage under the cursor a few lines below the top, so its context shows.
  const target = spot ? layout.spotLine[state.reportCursor] - 2 : 0;
  const top = Math.max(0, Math.min(target, layout.lines.length - rows));
  return [[{ text: fit(title, state.width), style: 'bold' }], ...layout.lines.slice(top, top + rows)];
}

function styleFor(
  result: ReviewResult,
  state: ReviewState,
  all: Spot[],
  spots: number[],
  cursor: number,
  offset: number,
): Style {
  let style: Style = 'plain';
  for (const i of spots) {
    const s = all[i];
    if (offset < s.start || offset >= s.end) continue;
    if (i === cursor) return 'spot';
    const c = result.clusters[s.finding];
    const label = state.decisions.get(c.key)?.label;
    if (label === 'false-match') continue;
    const boilerplate = label ? label === 'boilerplate' : c.boilerplate;
    if (!boilerplate) style = 'copy';
    else if (style === 'plain') style = 'boilerplate';
  }
  return style;
}
