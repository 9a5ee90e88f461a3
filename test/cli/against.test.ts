import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanResult } from '../../src/types.js';

// The commands run from the build (dist/), as a user runs them; `npm test` builds first.
const MAIN = join(import.meta.dirname, '../..', 'dist', 'cli', 'main.js');
const CORPUS = join(import.meta.dirname, '../..', 'corpus');
const [R000, R001, R002, R003, R004] = [
  '000_8507adb33dc1f7a6',
  '001_efdfc4879b8da8ba',
  '002_a2fffb7c7f62c0d4',
  '003_b19ea781908929a7',
  '004_8c642f3c1dbf128b',
];

let dir: string;
function refrain(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, COLUMNS: '200' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as ScanResult;

/**
 * Last year: three reports in 2024/, scanned into past.db. This year, in 2025/: 000 and 002 handed
 * in again unchanged, and two new ones.
 */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-against-'));
  mkdirSync(join(dir, '2024'));
  mkdirSync(join(dir, '2025'));
  for (const r of [R000, R001, R002]) copyFileSync(join(CORPUS, `${r}.txt`), join(dir, '2024', `${r}.txt`));
  for (const r of [R000, R002, R003, R004]) copyFileSync(join(CORPUS, `${r}.txt`), join(dir, '2025', `${r}.txt`));
  const past = refrain('scan', '2024', '--workspace', 'past.db', '-q');
  if (past.code !== 0) throw new Error(`scan of last year failed: ${past.err}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('refrain scan --against, with --no-workspace', () => {
  it("keeps this year's figures this year's, shows the share found last year beside them, and lists last year's reports apart", () => {
    const alone = refrain('scan', '2025', '--no-workspace', '--json', 'alone.json', '-q');
    expect(alone.code).toBe(0);
    const r = refrain('scan', '2025', '--no-workspace', '--against', 'past.db', '--json', 'against.json', '--top', '3');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Scanned 4 reports \([\d,]+ characters\), compared with 3 reports of past\.db\.\n/);
    const lines = r.out.split('\n');
    const batchHead = lines.findIndex((l) =>
      l.startsWith(
        'Reports, most templated first (share of text also found in other reports of this batch; in past reports',
      ),
    );
    const pastHead = lines.findIndex((l) => l.startsWith('Past reports (past.db), compared against, not judged'));
    expect(batchHead).toBeGreaterThanOrEqual(0);
    expect(pastHead).toBeGreaterThan(batchHead);
    // This year's reports, each once, before last year's; then last year's, each once.
    const batchRows = lines.slice(batchHead + 2, pastHead - 1);
    expect(batchRows).toHaveLength(4);
    expect(batchRows.every((l) => l.includes('2025/'))).toBe(true);
    const pastRows = lines.slice(pastHead + 2, pastHead + 5);
    expect(pastRows.map((l) => l.trim().split(/\s+/)[1])).toEqual([
      `2024/${R002}.txt`,
      `2024/${R000}.txt`,
      `2024/${R001}.txt`,
    ]);
    expect(pastRows[0]).toMatch(new RegExp(`^\\s+\\d+\\.\\d%  2024/${R002}\\.txt  ↔  2025/${R002}\\.txt$`));
    // A report handed in again is one finding with last year's copy, marked past.
    expect(r.out).toMatch(/2024\/\S+:[\d–]+ \(past\) {2}2025\/\S+:[\d–]+/);
    expect(r.out).toMatch(/· 2 reports \(1 past\) ·/);

    const without = json('alone.json');
    const result = json('against.json');
    const figures = (d: ScanResult['documents'][number]) => [
      d.path,
      d.templatedRatio,
      d.withinRatio,
      d.boilerplateRatio,
    ];
    expect(result.documents.slice(0, 4).map(figures)).toEqual(without.documents.map(figures));
    // 000 and 002 were handed in again: nearly all of their text was found last year.
    const pastRatio = Object.fromEntries(result.documents.slice(0, 4).map((d) => [d.path, d.pastRatio]));
    expect(pastRatio[`2025/${R000}.txt`]).toBeGreaterThan(0.95);
    expect(pastRatio[`2025/${R002}.txt`]).toBeGreaterThan(0.95);
    expect(pastRatio[`2025/${R003}.txt`]).toBeLessThan(0.5);
    expect(result.documents.slice(4).map((d) => [d.path, d.past])).toEqual(
      [R000, R001, R002].map((n) => [`2024/${n}.txt`, 'past.db']),
    );
    const anyTime: unknown = expect.any(String);
    expect(result.scan).toEqual({
      at: anyTime,
      inputs: [{ path: '2025', files: 4 }],
      against: { path: 'past.db', reports: 3, at: anyTime },
    });
  });

  it('refuses --no-workspace with --workspace or --prune, still', () => {
    const r = refrain('scan', '2025', '--no-workspace', '--prune');
    expect(r.code).toBe(2);
    expect(r.err).toBe('refrain: --no-workspace cannot go with --workspace or --prune\n');
  });

  it('names a past workspace that is not there, and writes nothing', () => {
    const r = refrain('scan', '2025', '--no-workspace', '--against', 'none.db');
    expect(r.code).toBe(2);
    expect(r.err).toBe("refrain: no workspace at none.db (run 'refrain scan' to make one)\n");
  });
});

describe('reports of a scan against a past workspace', () => {
  beforeAll(() => {
    const r = refrain('scan', '2025', '--workspace', 'now.db', '--against', 'past.db', '-q');
    if (r.code !== 0) throw new Error(`scan --against failed: ${r.err}`);
  });

  it("markdown: a column for the share found last year, last year's reports in their own section, past members marked", () => {
    const md = refrain('report', 'now.db', '--format', 'md').out;
    expect(md).toContain('- Compared with: past.db: 3 reports, scanned ');
    expect(md).toContain('| Text found in past reports |');
    expect(md).toContain('| # | Report | Templated | In past reports | Within | Boilerplate | Shares most with |');
    const ranking = md.slice(md.indexOf('## Reports by templated share'), md.indexOf('## Past reports (past.db)'));
    expect(ranking.match(/^\| \d+ \| 2025\//gm)).toHaveLength(4);
    expect(ranking).not.toMatch(/^\| \d+ \| 2024\//m);
    expect(ranking).toContain(`2024/${R002}.txt (past, `);
    const past = md.slice(md.indexOf('## Past reports (past.db)'), md.indexOf('## Top findings'));
    expect(past.match(/^\| \d+ \| 2024\/\S+ \| 2025\/\S+ \(\d+\.\d%\) \| \d+\.\d% \|$/gm)).toHaveLength(3);
    expect(md).toMatch(/^- 2024\/\S+:\d+ \(past\): /m);
    expect(md).toMatch(/^### \d+\. Finding \d+: copying across 2 reports \(1 past\)$/m);
  });

  it("csv: the past workspace named on its reports and their members, the share found last year on this year's", () => {
    const docs = refrain('report', 'now.db', '--format', 'csv', '--per', 'document').out.slice(1).split('\r\n');
    const header = docs[0].split(',');
    const at = (row: string, column: string) => row.split(',')[header.indexOf(column)];
    expect(
      docs
        .slice(1, 5)
        .map((row) => [at(row, 'path').slice(0, 5), at(row, 'past'), /^\d\.\d{4}$/.test(at(row, 'past_ratio'))]),
    ).toEqual(Array(4).fill(['2025/', '', true]));
    expect(
      docs.slice(5, 8).map((row) => [at(row, 'path').slice(0, 5), at(row, 'past'), at(row, 'past_ratio')]),
    ).toEqual(Array(3).fill(['2024/', 'past.db', '']));
    const findings = refrain('report', 'now.db', '--format', 'csv').out.slice(1).split('\r\n');
    const columns = findings[0].split(',');
    expect(columns.slice(columns.indexOf('path'), columns.indexOf('path') + 2)).toEqual(['path', 'past']);
    expect(findings.some((row) => /,2024\/[^,]+\.txt,past\.db,/.test(row))).toBe(true);
    expect(findings.some((row) => /,2025\/[^,]+\.txt,,/.test(row))).toBe(true);
  });
});
