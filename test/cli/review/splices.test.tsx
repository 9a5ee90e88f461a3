import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import chalk from 'chalk';
import stringWidth from 'string-width';
import { highlightParts, spliceRanges } from '../../../cli/review/splices.js';
import { resultParagraphs } from '../../../cli/review/paragraphs.js';
import type { ResultCluster } from '../../../src/types.js';
import { showReview } from '../../support/review-screen.js';
import { recitedResult, SPAM } from '../../support/template-fixture.js';

afterEach(() => {
  cleanup();
  chalk.level = 0;
});

/** The screen line holding `needle`. */
const lineWith = (screen: string, needle: string) => screen.split('\n').find((l) => l.includes(needle)) ?? '';

describe('a spliced finding in the list', () => {
  it('at 80 columns is flagged, named spliced, shows what was spliced in for what, and is counted in the header', async () => {
    const ui = showReview(80, 12, { result: recitedResult() });
    const screen = await ui.until((f) => f.includes('› #0') || f.includes('›!#0'));
    for (const l of screen.split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    expect(screen.split('\n')[0]).toMatch(/^refrain review · 2 findings, 1 spliced · 0 decided/);
    const row = lineWith(screen, '#0 ');
    expect(row).toMatch(/^›!#0 k-spli spliced across ref:依法\S*… \+1 +90% +关于→三升体育平台$/);
    // The recited finding below it is no splice: no flag.
    expect(lineWith(screen, '#1 ')).toMatch(/^ {2}#1 /);
  });

  it('is drawn in red when the cursor is elsewhere, and stays flagged', async () => {
    chalk.level = 1;
    const ui = showReview(80, 12, { result: recitedResult(), color: true });
    await ui.until((f) => f.includes('#0'));
    const screen = await ui.press('j', (f) => lineWith(f, '#1 ').includes('›'));
    const row = lineWith(screen, '#0 ');
    expect(row).toContain('\u001b[31m');
    expect(row).toContain('!#0');
  });
});

describe('a spliced finding opened', () => {
  it('names the spliced text beside the canonical one, in its member, above the diff', async () => {
    const ui = showReview(80, 24, { result: recitedResult() });
    await ui.until((f) => f.includes('#0'));
    const screen = await ui.press('\r', (f) => f.includes('Finding 0 ·'));
    const lines = screen.split('\n');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    expect(lines[1]).toBe('Finding 0 · spliced · across · 1 report + 1 reference · 90% · 23 chars');
    expect(lines[2]).toBe(`SPLICED ${SPAM} where the others say 关于 · in 那吾镇 line 3`);
    // The member's text around it, the spliced text in place, cut to the screen.
    expect(lines[3]).toMatch(new RegExp(`^ {2}深入贯彻《中共中央${SPAM}全面推进依法治国若干重大问题的决定》\\S+…$`));
    // The spliced member on the right, the reference it departs from on the left.
    expect(screen).toContain('- L reference: reference/依法治国决定.txt:1');
    expect(screen).toContain('+ R reports/那吾镇.txt:3');
    expect(lineWith(screen, '{+')).toContain(`{+${SPAM}+}`);
  });

  it('highlights the spliced text, in the context line and in the diff', async () => {
    chalk.level = 1;
    const ui = showReview(120, 24, { result: recitedResult(), color: true });
    await ui.until((f) => f.includes('#0'));
    const screen = await ui.press('\r', (f) => f.includes('Finding 0 ·'));
    // Inverse video (ESC [7m) opens right before the spliced text, in both places.
    const highlighted = screen.split('\n').filter((l) => /\u001b\[7m(\u001b\[\d+m)*三升体育平台/.test(l));
    expect(highlighted).toHaveLength(2);
    expect(highlighted[1]).toContain(' │ ');
  });
});

describe('recitation', () => {
  it('labels the reference among the members and the finding as recited', async () => {
    const ui = showReview(100, 24, { result: recitedResult() });
    await ui.until((f) => f.includes('#1'));
    await ui.press('j', (f) => lineWith(f, '#1 ').startsWith('›'));
    const screen = await ui.press('\r', (f) => f.includes('Finding 1 ·'));
    expect(screen).toContain(
      'Finding 1 · exact · across · recited (boilerplate) · 1 report + 1 reference · 100% · 23 chars',
    );
    expect(screen).toContain('  L 1. reference: reference/依法治国决定.txt:1');
    expect(screen).toContain('  R 2. reports/广海镇.txt:1');
  });

  it("shows a report's recited share beside its other ratios, and a reference as no report", async () => {
    const ui = showReview(100, 24, { result: recitedResult() });
    await ui.until((f) => f.includes('#1'));
    await ui.press('j', (f) => lineWith(f, '#1 ').startsWith('›'));
    await ui.press('\r', (f) => f.includes('Finding 1 ·'));
    const report = await ui.press('r', (f) => f.includes('reports/广海镇.txt ·'));
    expect(report).toContain('templated 20% · within 0% · boilerplate 5% · recited 42%');
    await ui.press('\x1b', (f) => f.includes(' sim decided '));
    // From the list, r opens the finding's first member's document: here the reference.
    const reference = await ui.press('r', (f) => f.includes('reference: '));
    expect(lineWith(reference, 'reference: ')).toMatch(/^reference: reference\/依法治国决定\.txt · passage/);
    expect(reference).toContain('a reference document the reports recite, not a report: no ratios');
    expect(reference).not.toContain('templated');
  });

  it('names a reference as such in the report filter', async () => {
    const ui = showReview(100, 12, { result: recitedResult() });
    await ui.until((f) => f.includes('#0'));
    const screen = await ui.press('o', (f) => f.includes('filter:'));
    expect(screen.split('\n')[0]).toContain('filter: reference 依法治国决定');
  });
});

describe('highlightParts', () => {
  const parts = [
    { op: 'same' as const, text: '中共中央' },
    { op: 'del' as const, text: '关于' },
    { op: 'add' as const, text: '三升体育平台' },
    { op: 'same' as const, text: '全面推进' },
  ];

  it('cuts the ranges of each side out of its runs as highlighted runs', () => {
    const out = highlightParts(parts, [], [[6, 8]]);
    expect(out).toEqual([
      { op: 'same', text: '中共中央' },
      { op: 'del', text: '关于' },
      { op: 'add', text: '三升' },
      { op: 'add', text: '体育', highlight: true },
      { op: 'add', text: '平台' },
      { op: 'same', text: '全面推进' },
    ]);
    // The old side's offsets skip what only the new side has, and the other way round.
    expect(highlightParts(parts, [[4, 6]], []).find((p) => p.highlight)).toEqual({
      op: 'del',
      text: '关于',
      highlight: true,
    });
    expect(highlightParts(parts, [], [[10, 12]]).find((p) => p.highlight)).toEqual({
      op: 'same',
      text: '全面',
      highlight: true,
    });
  });

  it('leaves the diff as it was when there is nothing to highlight', () => {
    expect(highlightParts(parts, [], [])).toEqual(parts);
  });
});

describe('spliceRanges', () => {
  it("gives a splice's place in the member's text: in its span, or in its run of paragraphs", () => {
    const result = recitedResult();
    const text = resultParagraphs(result);
    const spliced = result.clusters[0];
    const start = result.documents[1].paragraphs[1].text.indexOf(SPAM);
    expect(spliceRanges(spliced, 1, text)).toEqual([[start - 5, start - 5 + SPAM.length]]);
    expect(spliceRanges(spliced, 0, text)).toEqual([]);
    const run: ResultCluster = {
      ...spliced,
      members: [spliced.members[0], { doc: 1, paragraph: 0, lastParagraph: 1 }],
    };
    // Paragraph 0 ('市委、市政府:', 7 characters) and its line break come first.
    expect(spliceRanges(run, 1, text)).toEqual([[8 + start, 8 + start + SPAM.length]]);
  });
});
