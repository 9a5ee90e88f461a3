import { describe, expect, it } from 'vitest';
import { reportLines } from '../../../cli/review/report-view.js';
import type { Line, Style } from '../../../cli/review/lines.js';
import { wrapStyled } from '../../../cli/text/width.js';
import { CHROME_ROWS, initialState, reduce, type ReviewState } from '../../../cli/review/state.js';
import type { Paragraph, ResultCluster, ScanResult } from '../../../src/types.js';
import { fixtureResult } from '../../support/review-fixture.js';

const PARAGRAPHS = 200;
const GUTTER = 6;

/** A report of 200 paragraphs of varied length, a passage found in every 9th, a copy of each in a second report. */
function longResult(): ScanResult {
  const result = fixtureResult();
  const paragraphs: Paragraph[] = Array.from({ length: PARAGRAPHS }, (_, index) => ({
    index,
    line: index + 1,
    text: `第${index}段：` + '推进法治政府建设，'.repeat(1 + ((index * 7) % 13)),
  }));
  result.documents[0].paragraphs = paragraphs;
  const clusters: ResultCluster[] = [];
  for (let p = 4; p < PARAGRAPHS; p += 9) {
    clusters.push({
      id: clusters.length,
      scope: 'across',
      kind: 'near',
      boilerplate: p % 2 === 0,
      docCount: 2,
      similarity: 0.9,
      chars: 12,
      content: 12,
      key: `k${p}`,
      members: [
        { doc: 0, paragraph: p, start: 8, end: 20 },
        { doc: 1, paragraph: 0 },
      ],
    });
  }
  result.clusters = clusters;
  return result;
}

/** The report view as it was drawn before: every paragraph laid out, then the screen's slice taken. */
function wholeReportReference(state: ReviewState): Line[] {
  const width = Math.max(4, state.width - GUTTER);
  const lines: Line[] = [];
  let spotLine = 0;
  for (const p of state.text.paragraphs(state.reportDoc)) {
    const spots = state.reportSpots.map((s, i) => ({ s, i })).filter(({ s }) => s.paragraph === p.index);
    const styleAt = (offset: number): Style => {
      let style: Style = 'plain';
      for (const { s, i } of spots) {
        if (offset < s.start || offset >= s.end) continue;
        if (i === state.reportCursor) return 'spot';
        const c = state.result.clusters[s.finding];
        const label = state.decisions.get(c.key)?.label;
        if (label === 'false-match') continue;
        if (!(label ? label === 'boilerplate' : c.boilerplate)) style = 'copy';
        else if (style === 'plain') style = 'boilerplate';
      }
      return style;
    };
    const wrapped = wrapStyled(p.text, width, styleAt);
    let offset = 0;
    wrapped.forEach((l, k) => {
      const cursor = state.reportSpots[state.reportCursor];
      if (cursor && cursor.paragraph === p.index && offset <= cursor.start) spotLine = lines.length;
      for (const s of l) offset += s.text.length;
      lines.push([
        { text: k === 0 ? `${p.line}`.padStart(GUTTER - 2) + '  ' : ' '.repeat(GUTTER), style: 'dim' },
        ...l,
      ]);
    });
  }
  const rows = Math.max(1, state.height - CHROME_ROWS - titleRows(state));
  const top = Math.max(0, Math.min(spotLine - 2, lines.length - rows));
  return lines.slice(top, top + rows);
}

/** The report view's title lines: the ratios go on a second line when they do not fit beside the path. */
function titleRows(state: ReviewState): number {
  return reportLines(state)[1]?.[0].text.startsWith('templated ') ? 2 : 1;
}

function reportOf(result: ScanResult, width: number, height: number): ReviewState {
  return reduce(initialState({ result, decisions: [] }, width, height), { type: 'showReport' });
}

describe('report view', () => {
  for (const [width, height] of [
    [80, 24],
    [120, 40],
    [30, 8],
  ]) {
    it(`at ${width}×${height} shows what laying out the whole report showed, for every passage`, () => {
      let state = reportOf(longResult(), width, height);
      expect(state.reportDoc).toBe(0);
      const spots = state.reportSpots.length;
      expect(spots).toBe(Math.ceil((PARAGRAPHS - 4) / 9));
      for (let i = 0; i < spots; i++) {
        expect(state.reportCursor).toBe(i);
        expect(reportLines(state).slice(titleRows(state)), `passage ${i}`).toEqual(wholeReportReference(state));
        state = reduce(state, { type: 'move', to: 'down' });
      }
    });
  }

  it('reads the text of the paragraphs on screen only', () => {
    const result = longResult();
    let reads = 0;
    result.documents[0].paragraphs = result.documents[0].paragraphs.map((p) => ({
      index: p.index,
      line: p.line,
      get text() {
        reads++;
        return p.text;
      },
    }));
    let state = reportOf(result, 100, 30);
    state = reduce(state, { type: 'move', to: 'end' });
    reads = 0;
    const lines = reportLines(state);
    expect(lines.length).toBe(30 - CHROME_ROWS);
    // A paragraph here wraps to one to three lines: a screen of 26 lines holds at most 26 paragraphs.
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(26);
  });
});
