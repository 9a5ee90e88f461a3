import { findingTone } from '../../src/report/finding.js';
import type { Paragraph } from '../../src/types.js';
import { textWidth, truncate, wrapStyled } from '../text/width.js';
import type { Line, Style } from './lines.js';
import { CHROME_ROWS } from './navigation.js';
import type { ReviewState, Spot } from './types.js';

const GUTTER = 6;
/** Lines of the report shown above the passage under the cursor, so its context shows. */
const CONTEXT = 2;

/**
 * The report view: a title, then the report's paragraphs with their found passages highlighted
 * (copying strong, boilerplate or passages the reviewer called boilerplate muted, the passage
 * under the cursor stronger still), scrolled to the passage under the cursor. Only the paragraphs
 * on screen are laid out, so a key costs the same in a report of ten paragraphs or ten thousand.
 */
export function reportLines(state: ReviewState): Line[] {
  const title = titleLines(state);
  const rows = Math.max(1, state.height - CHROME_ROWS - title.length);
  return [...title, ...reportWindow(state, rows)];
}

/**
 * The report's path, where the cursor is, and its ratios: on one line when it fits, else the
 * ratios on a line of their own, so a narrow screen still shows them. A reference document is no
 * report: it is named as one, with no ratios.
 */
function titleLines(state: ReviewState): Line[] {
  const doc = state.result.documents[state.reportDoc];
  const bold = (text: string): Line => [{ text: truncate(text, state.width), style: 'bold' }];
  if (!doc) return [bold(`report #${state.reportDoc} is not in this scan`)];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const spot = state.reportSpots[state.reportCursor];
  const where = spot
    ? `passage ${state.reportCursor + 1}/${state.reportSpots.length} → finding #${state.result.clusters[spot.finding].id} (Enter opens)`
    : 'no found passages';
  const head = `${doc.reference ? 'reference: ' : ''}${doc.path} · ${where}`;
  const ratios = [
    `templated ${pct(doc.templatedRatio)}`,
    `within ${pct(doc.withinRatio)}`,
    `boilerplate ${pct(doc.boilerplateRatio)}`,
    ...(doc.recitedRatio === undefined ? [] : [`recited ${pct(doc.recitedRatio)}`]),
  ].join(' · ');
  const about = doc.reference ? 'a reference document the reports recite, not a report: no ratios' : ratios;
  const whole = `${head} · ${about}`;
  return textWidth(whole) <= state.width ? [bold(whole)] : [bold(head), bold(about)];
}

/**
 * `rows` lines of the report: from CONTEXT lines above the line where the cursor's passage starts,
 * or fewer where the report starts, or more where it ends too soon to fill the screen.
 */
function reportWindow(state: ReviewState, rows: number): Line[] {
  const paragraphs = state.text.paragraphs(state.reportDoc);
  if (paragraphs.length === 0) return [];
  const spot = state.reportSpots[state.reportCursor];
  const at = spot ? Math.min(spot.paragraph, paragraphs.length - 1) : 0;
  const anchor = layoutParagraph(state, paragraphs, at);
  const startLine = spot ? lineOf(anchor, spot.start) : 0;
  const above: Line[] = anchor.lines.slice(0, startLine);
  const below: Line[] = anchor.lines.slice(startLine);
  for (let p = at + 1; p < paragraphs.length && below.length < rows; p++)
    below.push(...layoutParagraph(state, paragraphs, p).lines);
  let before = at - 1;
  const wanted = () => Math.max(CONTEXT, rows - below.length);
  while (above.length < wanted() && before >= 0) above.unshift(...layoutParagraph(state, paragraphs, before--).lines);
  const shownAbove = above.slice(Math.max(0, above.length - wanted()));
  return [...shownAbove, ...below].slice(0, rows);
}

interface ParagraphLayout {
  lines: Line[];
  /** Offset (UTF-16, into the paragraph's text) where each line starts. */
  starts: number[];
}

/** One paragraph wrapped to the screen, its line number in the gutter of its first line. */
function layoutParagraph(state: ReviewState, paragraphs: readonly Paragraph[], index: number): ParagraphLayout {
  const p = paragraphs[index];
  const spots = spotsOf(state.reportSpots, p.index);
  const width = Math.max(4, state.width - GUTTER);
  const wrapped = wrapStyled(p.text, width, (offset) => styleAt(state, spots, offset));
  const starts: number[] = [];
  let offset = 0;
  for (const l of wrapped) {
    starts.push(offset);
    for (const s of l) offset += s.text.length;
  }
  const lines = wrapped.map((l, k): Line => {
    const gutter = k === 0 ? `${p.line}`.padStart(GUTTER - 2) + '  ' : ' '.repeat(GUTTER);
    return [{ text: gutter, style: 'dim' }, ...l];
  });
  return { lines, starts };
}

/** The line of a laid-out paragraph that holds `offset`. */
function lineOf(layout: ParagraphLayout, offset: number): number {
  let k = 0;
  while (k + 1 < layout.starts.length && layout.starts[k + 1] <= offset) k++;
  return k;
}

/** Indexes into `spots` (sorted by paragraph) of the spots in paragraph `paragraph`. */
function spotsOf(spots: readonly Spot[], paragraph: number): number[] {
  let lo = 0;
  let hi = spots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spots[mid].paragraph < paragraph) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < spots.length && spots[i].paragraph === paragraph; i++) out.push(i);
  return out;
}

function styleAt(state: ReviewState, spots: number[], offset: number): Style {
  let style: Style = 'plain';
  for (const i of spots) {
    const s = state.reportSpots[i];
    if (offset < s.start || offset >= s.end) continue;
    if (i === state.reportCursor) return 'spot';
    const c = state.result.clusters[s.finding];
    const tone = findingTone({ boilerplate: c.boilerplate, decision: state.decisions.get(c.key) });
    if (tone === 'copy') style = 'copy';
    else if (tone === 'boilerplate' && style === 'plain') style = 'boilerplate';
  }
  return style;
}
