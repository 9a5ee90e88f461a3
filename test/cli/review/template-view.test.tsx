import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { fitWidths } from '../../../cli/review/template-view.js';
import { showReview } from '../../support/review-screen.js';
import { LONG_PHRASE, manySlotsResult, TOWNS, townValues, townsResult } from '../../support/template-fixture.js';

afterEach(() => cleanup());

/** Display column where `needle` starts in `line` (a CJK character takes two), -1 when absent. */
function columnOf(line: string, needle: string): number {
  const at = line.indexOf(needle);
  return at < 0 ? -1 : stringWidth(line.slice(0, at));
}

/** The text of a screen line between two display columns. */
function columnsOf(line: string, from: number, to: number): string {
  let col = 0;
  let out = '';
  for (const ch of line) {
    if (col >= from && col < to) out += ch;
    col += stringWidth(ch);
  }
  return out;
}

/** Opens finding 0 and switches it to the template view. */
async function openTemplate(width: number, height: number, result = townsResult()) {
  const ui = showReview(width, height, { result });
  await ui.until((f) => f.includes('› #0'));
  await ui.press('\r', (f) => f.includes('Finding 0 ·'));
  const screen = await ui.press('v', (f) => f.includes('Template:'));
  return { ui, screen, lines: screen.split('\n') };
}

describe('the template view', () => {
  it('at 80×24 shows the skeleton with its slot markers and a readable table of 10 reports × 5 slots', async () => {
    const { lines } = await openTemplate(80, 24);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    expect(lines[2]).toMatch(/^Template: 10 members fill 5 slots/);
    // The skeleton: the shared text, wrapped, a marker where each slot stands.
    const heading = lines.findIndex((l) => l.startsWith('  report'));
    const skeleton = lines
      .slice(3, heading)
      .map((l) => l.trim())
      .join('');
    expect(skeleton).toBe(
      '2024年，[1]共开展法治宣传活动[2]场次，发放宣传资料[3]余份，[4]，推动普法宣传教育向村屯延伸，调处化解矛盾纠纷[5]件。',
    );
    // Each slot's heading names its kind; the distance shows where it tells a small change from new text.
    const head = lines[heading];
    const kinds = ['[1] name', '[2] number', '[3] number', '[4] text', '[5] number'];
    const starts = kinds.map((k) => columnOf(head, k));
    expect(starts.every((s) => s > 0)).toBe(true);
    const distances = lines[heading + 1];
    expect(distances.trim()).toBe('d 0.75');
    expect(columnOf(distances, 'd 0.75')).toBe(starts[3]);
    // One row per town, every value under its slot's heading at its display width.
    const rows = lines.slice(heading + 2, heading + 12);
    expect(rows.map((r) => r.trim().split(/\s+/)[0])).toEqual(TOWNS);
    rows.forEach((row, i) => {
      const cells = starts.map((s, j) => columnsOf(row, s, starts[j + 1] ?? 80).trim());
      const want = townValues(i);
      expect([cells[0], cells[1], cells[2], cells[4]]).toEqual([want[0], want[1], want[2], want[4]]);
      // The long phrase is cut with an ellipsis to leave room for the other columns.
      if (want[3] === LONG_PHRASE) expect(cells[3]).toMatch(/^依托农村集市、\S+…$/);
      else expect(cells[3]).toBe(want[3]);
    });
    // Counts line up on their last digit.
    const ends = rows.map((r) => columnOf(r, townValues(rows.indexOf(r))[2]) + 4);
    expect(new Set(ends).size).toBe(1);
    expect(lines.at(-1)).toContain('v diff');
  });

  it('switches back to the aligned diff with v, and the key shows in the hints', async () => {
    const ui = showReview(80, 24, { result: townsResult() });
    await ui.until((f) => f.includes('› #0'));
    const diff = await ui.press('\r', (f) => f.includes('Finding 0 ·'));
    expect(diff).toContain('- L reports/那吾镇.txt:3');
    expect(diff.split('\n').at(-1)).toMatch(/^↑↓ scroll · v template · /);
    await ui.press('v', (f) => f.includes('Template:'));
    const back = await ui.press('v', (f) => !f.includes('Template:'));
    expect(back).toContain('- L reports/那吾镇.txt:3');
  });

  it('stays chosen for the next finding with a template, and a finding without one says so', async () => {
    const { ui } = await openTemplate(80, 24);
    await ui.press('\x1b', (f) => f.includes('› #0'));
    await ui.press('j', (f) => f.includes('› #1'));
    const opened = await ui.press('\r', (f) => f.includes('Finding 1 ·'));
    expect(opened).toContain('finding 1 has no template: its members share under two thirds of their text');
    expect(opened).toContain('- L reports/那吾镇.txt:5');
    const pressed = await ui.press('v', (f) => f.includes('has no template'));
    expect(pressed).not.toContain('Template:');
    await ui.press('\x1b', (f) => f.includes('› #1'));
    await ui.press('k', (f) => f.includes('› #0'));
    await ui.press('\r', (f) => f.includes('Template: 10 members'));
  });

  it('splits a table too wide for the screen into bands of slots, one under the other', async () => {
    const { lines } = await openTemplate(60, 40, manySlotsResult(12));
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(60);
    const headings = lines.filter((l) => l.startsWith('  report'));
    expect(headings.length).toBeGreaterThan(1);
    // Every slot is in one band, in order; every report has a row in each band.
    const shown = headings.flatMap((h) => [...h.matchAll(/\[(\d+)\] number/g)].map((m) => Number(m[1])));
    expect(shown).toEqual(Array.from({ length: 12 }, (_, j) => j + 1));
    for (const name of ['甲县', '乙县', '丙县'])
      expect(lines.filter((l) => l.startsWith(`  ${name}`))).toHaveLength(headings.length);
    // Values stay whole: no column is cut below the width of its heading.
    expect(lines.join('\n')).toContain('3011');
    expect(lines.join('\n')).not.toMatch(/\d…/);
  });

  it('says when rows are below the screen, and scrolls to them', async () => {
    const { ui, lines } = await openTemplate(80, 14);
    expect(lines.at(-2)).toMatch(/^ {2}… \d+ more lines \(↓ scrolls\)$/);
    const end = await ui.press('G', (f) => f.includes('大坪镇'));
    expect(end).not.toContain('more lines');
  });
});

describe('the template view on a tiny terminal', () => {
  it('still fits 30 × 8', async () => {
    const { lines } = await openTemplate(30, 8);
    expect(lines.length).toBeLessThanOrEqual(7);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(30);
  });
});

describe('fitWidths', () => {
  it("keeps columns that fit, cuts the widest alike down to each one's minimum, and gives up when the minimums do not fit", () => {
    expect(fitWidths([8, 10, 30], [8, 10, 8], 60)).toEqual([8, 10, 30]);
    expect(fitWidths([8, 40, 30], [8, 8, 8], 60)).toEqual([8, 23, 23]);
    // A column's minimum (its heading) holds while the others are cut.
    expect(fitWidths([8, 40, 30], [8, 8, 26], 60)).toEqual([8, 20, 26]);
    expect(fitWidths([10, 10, 10, 10, 10, 10], [8, 8, 8, 8, 8, 8], 50)).toBeNull();
  });
});
