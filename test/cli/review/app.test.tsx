import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import chalk from 'chalk';
import stringWidth from 'string-width';
import { App } from '../../../cli/review/app.js';
import { KEY_HELP } from '../../../cli/review/keys.js';
import type { DecisionStore } from '../../../cli/review/state.js';
import { fixtureResult } from '../../support/review-fixture.js';
import { showReview } from '../../support/review-screen.js';

const AT = '2026-01-01T00:00:00.000Z';
const GUTTER = ' │ ';

afterEach(() => {
  cleanup();
  chalk.level = 0;
});

const show = showReview;

/** A cell with every marked change blanked to its width: what must be equal on both sides. */
function blankChanges(cell: string): string {
  return cell.replace(/\[-.*?-\]|\{\+.*?\+\}/gu, (m) => ' '.repeat(stringWidth(m))).trimEnd();
}

/** Opens the near-copy finding (second in the list) and returns the screen. */
async function openNearCopy(ui: ReturnType<typeof show>): Promise<string> {
  await ui.until((f) => f.includes('› #0'));
  await ui.press('j', (f) => f.includes('› #1'));
  return ui.press('\r', (f) => f.includes('Finding 1 ·'));
}

describe('finding view, side by side at 120 columns', () => {
  it('starts the right column at the same display column on every diff row, changes marked on both sides', async () => {
    const ui = show(120, 40);
    const screen = await openNearCopy(ui);
    const lines = screen.split('\n');
    const titles = lines.findIndex((l) => l.startsWith('L corpus/004.txt:3'));
    expect(titles).toBeGreaterThan(0);
    const rows = lines.slice(titles).filter((l) => l.includes(GUTTER));
    expect(rows.length).toBeGreaterThan(4);
    const column = Math.floor((120 - GUTTER.length) / 2);
    for (const row of rows) {
      const cut = row.indexOf(GUTTER);
      expect(stringWidth(row.slice(0, cut))).toBe(column);
      expect(stringWidth(row)).toBeLessThanOrEqual(120);
    }
    const diffRows = rows.slice(1).map((row) => {
      const cut = row.indexOf(GUTTER);
      return { left: row.slice(0, cut), right: row.slice(cut + GUTTER.length) };
    });
    // Shared text sits at the same columns on both sides once the changes are blanked out.
    for (const { left, right } of diffRows) expect(blankChanges(left)).toBe(blankChanges(right));
    // Each change is marked, with its counterpart on the same row.
    const sameRow = (del: string, add: string) => diffRows.some((r) => r.left.includes(del) && r.right.includes(add));
    expect(sameRow('[-镇-]', '{+乡+}')).toBe(true);
    expect(sameRow('[-2-]', '{+5+}')).toBe(true);
    expect(sameRow('[-9-]', '{+8+}')).toBe(true);
    expect(diffRows[0].left.startsWith('[-4.-]')).toBe(true);
    expect(diffRows[0].right.startsWith('      聚焦基层治理痛点')).toBe(true);
  });
});

describe('finding view, stacked at 80 columns', () => {
  it('puts each changed line of the old passage above the new one, in step', async () => {
    const ui = show(80, 40);
    const screen = await openNearCopy(ui);
    const lines = screen.split('\n');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    expect(lines.some((l) => l.includes(GUTTER))).toBe(false);
    // Under the two column titles, one per side, come the diff's lines.
    const titles = lines.findIndex((l) => l.startsWith('- L corpus/004.txt:3'));
    expect(lines[titles + 1]).toMatch(/^\+ R corpus\/001\.txt:1$/);
    const diff = lines.slice(titles + 2);
    const pairs: { old: string; new: string }[] = [];
    diff.forEach((l, i) => {
      if (l.startsWith('- ') && diff[i + 1]?.startsWith('+ '))
        pairs.push({ old: l.slice(2), new: diff[i + 1].slice(2) });
    });
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    for (const p of pairs) expect(blankChanges(p.old)).toBe(blankChanges(p.new));
    const marked = (del: string, add: string) => pairs.some((p) => p.old.includes(del) && p.new.includes(add));
    expect(marked('[-镇-]', '{+乡+}')).toBe(true);
    expect(marked('[-2-]', '{+5+}')).toBe(true);
    expect(marked('[-9-]', '{+8+}')).toBe(true);
    // Rows with no change are shown once, indented like the others.
    expect(diff.some((l) => l.startsWith('  ') && l.includes('纠纷'))).toBe(true);
  });
});

describe('colour', () => {
  it('colours changes when allowed, and keeps the markers without colour (NO_COLOR)', async () => {
    chalk.level = 1;
    const coloured = show(120, 30, { color: true });
    const withColour = await openNearCopy(coloured);
    expect(withColour).toContain('\u001b[31m');
    expect(withColour).toContain('\u001b[32m');
    cleanup();
    const plain = show(120, 30, { color: false });
    const without = await openNearCopy(plain);

    expect(without).not.toMatch(/\u001b\[3[0-7]m/);
    expect(without).toContain('[-镇-]');
    expect(without).toContain('{+乡+}');
  });
});

/** The text of a screen line between two display columns (a CJK character takes two). */
function columnsOf(line: string, from: number, to: number): string {
  let col = 0;
  let out = '';
  for (const ch of line) {
    if (col >= from && col < to) out += ch;
    col += stringWidth(ch);
  }
  return out;
}

/** The list's rows: the lines under the column headings, down to the status line. */
const listRows = (screen: string) =>
  screen
    .split('\n')
    .slice(2, -1)
    .filter((l) => l.trim() !== '');

describe('findings list', () => {
  for (const width of [80, 120]) {
    it(`at ${width} columns: headings over number, key, kind, scope, reports, similarity, decision and passage, in id order`, async () => {
      const ui = show(width, 12, { decisions: [{ key: 'k-near', label: 'copied', note: '', at: AT }] });
      const screen = await ui.until((f) => f.includes('› #0'));
      const lines = screen.split('\n');
      expect(lines).toHaveLength(11);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(width);
      expect(lines[0]).toMatch(/^refrain review · 4 findings · 1 decided · fixture\.db/);
      const headings = lines[1];
      expect(headings).toMatch(/^ {2}# +key +kind +scope +reports +sim decided +passage$/);
      const rows = listRows(screen);
      expect(rows.map((r) => r.slice(0, 4))).toEqual(['› #0', '  #1', '  #2', '  #3']);
      expect(rows[0]).toMatch(/^› #0 k-with exact +within 004 +100% +4\.聚焦基层治理痛点/);
      expect(rows[1]).toMatch(/^ {2}#1 k-near near +across 004, 001 +96% copied +4\.聚焦基层治理痛点/);
      expect(rows[2]).toMatch(/^ {2}#2 k-part partial across 001, 002 +80% +深入学习领会习近平法$/);
      expect(rows[3]).toMatch(/^ {2}#3 k-slog exact +across 004, 001, 002 +100% +扫一扫在手机打开当前/);
      // Every cell starts under its heading.
      for (const [heading, cell] of [
        ['key', 'k-with'],
        ['kind', 'exact'],
        ['scope', 'within'],
        ['reports', '004'],
        ['decided', ''],
      ] as const) {
        if (cell) expect(rows[0].indexOf(cell), heading).toBe(headings.indexOf(heading));
      }
      expect(rows[1].indexOf('copied')).toBe(headings.indexOf('decided'));
      expect(rows[0].indexOf('4.聚焦')).toBe(headings.indexOf('passage'));
      // The boilerplate finding is muted, not labelled.
      expect(screen).not.toContain('boilerpl');
    });
  }

  it('shows more of the passage on a wider screen', async () => {
    const narrow = listRows(await show(80, 12).until((f) => f.includes('› #0')))[0];
    cleanup();
    const wide = listRows(await show(120, 12).until((f) => f.includes('› #0')))[0];
    const passage = (row: string) => row.slice(row.indexOf('4.聚焦')).replace(/…$/, '');
    expect(passage(wide).length).toBeGreaterThan(passage(narrow).length + 10);
    expect(passage(wide).startsWith(passage(narrow))).toBe(true);
  });

  it('mutes boilerplate rows (the scan said so, or the reviewer), and false matches', async () => {
    chalk.level = 1;
    const ui = show(120, 12, {
      color: true,
      decisions: [{ key: 'k-partial', label: 'false-match', note: '', at: AT }],
    });
    const screen = await ui.until((f) => f.includes('#3'));
    const rows = screen.split('\n').filter((l) => /#\d/.test(l));
    const dim = (row: string) => row.includes('\u001b[2m');
    expect(rows.map(dim)).toEqual([false, false, true, true]);
  });

  it('shortens long report names to fit, never splitting a character, and counts the reports left out', async () => {
    const result = fixtureResult();
    result.documents[0].path = 'reports/2021/黑溪镇人民政府2021年度法治政府建设情况报告.txt';
    result.documents[1].path = 'reports/2021/广海镇2021年度法治政府建设工作情况报告.pdf';
    result.documents[2].path = 'reports/2022/那吾镇2021年度法治政府建设工作报告.docx';
    for (const width of [80, 120]) {
      const ui = show(width, 12, { result });
      const rows = listRows(await ui.until((f) => f.includes('› #0')));
      const headings = ui.frame().split('\n')[1];
      const cell = (row: string) => columnsOf(row, headings.indexOf('reports'), headings.indexOf(' sim')).trim();
      for (const r of rows) expect(stringWidth(r)).toBeLessThanOrEqual(width);
      // Names lose their folders and extensions, then as much of their end as the column needs.
      expect(cell(rows[0])).toMatch(/^黑溪镇人民\S*…$/);
      // Fewer names rather than names cut to nothing: one at 80 columns, two at 120.
      expect(cell(rows[3])).toMatch(width === 80 ? /^黑溪镇\S*… \+2$/ : /^黑溪镇\S*…, 广海镇\S*… \+1$/);
      cleanup();
    }
  });

  it('at 80 columns the header shows every filter in full', async () => {
    const ui = show(80, 12, { source: '/home/auditor/projects/county-reports-2021/refrain.db' });
    await ui.until((f) => f.includes('› #0'));
    const screen = await ui.press('sstxh', (f) => f.includes('undecided'));
    const header = screen.split('\n')[0];
    expect(header).toContain('1 of 4 findings · 0 decided · filter: within, exact, no boilerplate, undecided');
    expect(stringWidth(header)).toBeLessThanOrEqual(80);
  });

  it('searches with / and shows how many match', async () => {
    const ui = show(100, 20);
    await ui.until((f) => f.includes('› #0'));
    await ui.press('/', (f) => f.includes('/▏'));
    await ui.press('大事不出乡', (f) => f.includes('/大事不出乡▏'));
    const screen = await ui.press('\r', (f) => f.includes('1 of 4 findings'));
    expect(screen).toContain('› #1 k-near near');
    expect(screen).toContain('1 findings match');
  });

  it('shows every key under ?', async () => {
    const ui = show(120, 40);
    await ui.until((f) => f.includes('› #0'));
    const screen = await ui.press('?', (f) => f.includes('Keys'));
    for (const k of KEY_HELP) expect(screen).toContain(k.keys);
  });
});

describe('decisions from the keyboard', () => {
  it('writes a decision to the store before saying saved, and undo clears it', async () => {
    const ui = show(100, 20);
    await ui.until((f) => f.includes('› #0'));
    const screen = await ui.press('c', (f) => f.includes('saved'));
    expect(screen).toContain('finding 0: copied · saved');
    expect(screen).toContain('1 decided');
    expect(ui.calls).toEqual([['decide', 'k-within', 'copied', '', AT]]);
    await ui.press('u', (f) => f.includes('undone'));
    expect(ui.calls[1]).toEqual(['clear', 'k-within', AT]);
  });
});

describe('a tiny terminal', () => {
  it('still draws every view within 30 × 8', async () => {
    const ui = show(30, 8);
    await ui.until((f) => f.includes('› #0'));
    const views = [ui.frame()];
    views.push(await ui.press('\r', (f) => f.includes('Finding 0')));
    views.push(await ui.press('r', (f) => f.includes('corpus/004.txt ·')));
    views.push(await ui.press('?', (f) => f.includes('Keys')));
    for (const v of views) {
      const lines = v.split('\n');
      expect(lines.length).toBeLessThanOrEqual(7);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(30);
    }
  });
});

describe('a store that fails', () => {
  it('says the decision is not saved and shows what is stored', async () => {
    const failing: DecisionStore = {
      decide: () => {
        throw new Error('database is locked');
      },
      clearDecision: () => undefined,
      decisions: () => [],
    };
    const element = (
      <App
        input={{ result: fixtureResult(), decisions: [] }}
        store={failing}
        width={100}
        height={20}
        color={false}
        source="fixture.db"
        now={() => AT}
      />
    );
    const r = render(element);
    r.stdin.write('c');
    for (let i = 0; i < 400 && !(r.lastFrame() ?? '').includes('not saved'); i++)
      await new Promise((res) => setTimeout(res, 5));
    const screen = r.lastFrame() ?? '';
    expect(screen).toContain('not saved: database is locked');
    expect(screen).toContain('0 decided');
    expect(screen).not.toContain('copied');
  });
});

describe('report view', () => {
  it("shows the report's templated ratio and the passage under the cursor, and opens its finding", async () => {
    const ui = show(100, 30);
    await ui.until((f) => f.includes('› #0'));
    const screen = await ui.press('r', (f) => f.includes('templated'));
    // Too long for 100 columns on one line: the ratios go on a line of their own, whole.
    const [, head, ratios] = screen.split('\n');
    expect(head).toBe('corpus/004.txt · passage 2/4 → finding #0 (Enter opens)');
    expect(ratios).toBe('templated 10% · within 30% · boilerplate 2%');
    const opened = await ui.press('\r', (f) => f.includes('Finding 0 ·'));
    expect(opened).toContain('L 1. corpus/004.txt:3');
  });
});
