import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanPaths } from '../../src/scan/scan.js';
import { describeCounts, openWorkspace } from '../../src/workspace/index.js';
import { planScan, scanIntoWorkspace, type WorkspaceScanCounts } from '../../src/scan/index.js';
import type { ScanResult } from '../../src/types.js';
import { findingsOf } from '../support/scan-record.js';

const CORPUS = join(import.meta.dirname, '../..', 'corpus');
const NAMES = readdirSync(CORPUS)
  .filter((n) => n.endsWith('.txt'))
  .sort();

let dir: string;
let batch: string;
/** Temp copies of the corpus reports (writable, so a test can change one). */
let files: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-wscan-'));
  batch = join(dir, 'batch');
  mkdirSync(batch);
  files = NAMES.map((n) => {
    copyFileSync(join(CORPUS, n), join(batch, n));
    return join(batch, n);
  });
  writeFileSync(join(batch, 'zz-empty.txt'), '  \n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const counts = (c: Partial<WorkspaceScanCounts>): WorkspaceScanCounts => ({
  files: 0,
  analysed: 0,
  skipped: 0,
  failed: 0,
  kept: 0,
  dropped: 0,
  past: 0,
  moved: 0,
  missing: 0,
  ...c,
});

describe('planScan', () => {
  const cases: Array<[string, boolean | undefined, boolean, { read: string[]; keep: string[]; drop: string[] }]> = [
    ['adds: stored files not given are kept', undefined, true, { read: ['b', 'c'], keep: ['a'], drop: [] }],
    ['prune: stored files not given are dropped', true, true, { read: ['b', 'c'], keep: [], drop: ['a'] }],
    [
      'other settings: stored files not given are read again',
      undefined,
      false,
      { read: ['a', 'b', 'c'], keep: [], drop: [] },
    ],
  ];
  for (const [title, prune, reusable, plan] of cases) {
    it(title, () => expect(planScan(['c', 'b'], ['a', 'b'], { prune, reusable })).toEqual(plan));
  }
});

describe('scanning into a workspace', () => {
  it('scanning in two batches gives the same result as one full scan', async () => {
    const full = await scanPaths([batch]);
    const ws = join(dir, 'w.db');
    const first = await scanIntoWorkspace(files.slice(0, 2), { workspace: ws });
    expect(first.counts).toEqual(counts({ files: 2, analysed: 2 }));
    const second = await scanIntoWorkspace([...files.slice(2), join(batch, 'zz-empty.txt')], { workspace: ws });
    expect(second.counts).toEqual(counts({ files: 4, analysed: 3, failed: 1, kept: 2 }));
    expect(findingsOf(second.result)).toEqual(findingsOf(full.result));
    expect(full.result.clusters.some((c) => c.scope === 'across')).toBe(true);
    expect(full.result.diagnostics.map((d) => [d.path, d.level])).toEqual([[join(batch, 'zz-empty.txt'), 'error']]);
    // The scan record says what this scan was given, and what the workspace kept from before.
    expect(second.result.scan).toEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      inputs: [...files.slice(2), join(batch, 'zz-empty.txt')].map((path) => ({ path, files: 1 })),
      workspace: ws,
      kept: 2,
    });
    expect(full.result.scan!.inputs).toEqual([{ path: batch, files: 6 }]);
    const reopened = openWorkspace(ws, { readonly: true });
    expect(reopened.loadResult()).toEqual(second.result);
    reopened.close();
  });

  it('skips unchanged files, and a changed file replaces its old version', async () => {
    const ws = join(dir, 'w.db');
    const before = await scanIntoWorkspace([batch], { workspace: ws });
    expect(before.counts).toEqual(counts({ files: 6, analysed: 5, failed: 1 }));
    const again = await scanIntoWorkspace([batch], { workspace: ws });
    expect(again.counts).toEqual(counts({ files: 6, skipped: 5, failed: 1 }));
    expect(findingsOf(again.result)).toEqual(findingsOf(before.result));

    appendFileSync(files[1], '\n我们将继续深入学习贯彻习近平法治思想，扎实推进法治政府建设各项工作。\n');
    const changed = await scanIntoWorkspace([batch], { workspace: ws });
    expect(changed.counts).toEqual(counts({ files: 6, analysed: 1, skipped: 4, failed: 1 }));
    const full = await scanPaths([batch]);
    expect(findingsOf(changed.result)).toEqual(findingsOf(full.result));
    expect(changed.result.documents[1].hash).not.toBe(before.result.documents[1].hash);
  });

  it('a file given under another spelling of its path is the same document, not a second copy', async () => {
    const ws = join(dir, 'w.db');
    await scanIntoWorkspace([batch], { workspace: ws });
    const respelt = `${batch}/./${NAMES[0]}`;
    const again = await scanIntoWorkspace([respelt], { workspace: ws });
    expect(again.counts).toEqual(counts({ files: 1, skipped: 1, kept: 4 }));
    expect(again.result.documents.map((d) => d.path)).toEqual([respelt, ...files.slice(1)]);
    expect(findingsOf(again.result)).toEqual(
      findingsOf((await scanPaths([respelt, ...files.slice(1), join(batch, 'zz-empty.txt')])).result),
    );
  });

  it('an ingest warning is reported as without a workspace, and stays when the file is skipped as unchanged', async () => {
    const page = join(batch, 'page.html');
    writeFileSync(
      page,
      `<html><head><meta charset="x-bogus"></head><body><p>${readFileSync(files[0], 'utf8')}</p></body></html>`,
    );
    const ws = join(dir, 'w.db');
    const plain = (await scanPaths([batch])).result;
    const warning = plain.diagnostics.filter((d) => d.level === 'warning');
    expect(warning.map((d) => d.path)).toEqual([page]);
    const first = await scanIntoWorkspace([batch], { workspace: ws });
    expect(findingsOf(first.result)).toEqual(findingsOf(plain));
    const again = await scanIntoWorkspace([batch], { workspace: ws });
    expect(again.counts).toEqual(counts({ files: 7, skipped: 6, failed: 1 }));
    expect(findingsOf(again.result)).toEqual(findingsOf(plain));
    // Given under another spelling, it is still the same unchanged file, with its warning.
    const respelt = `${batch}/./page.html`;
    const only = await scanIntoWorkspace([respelt], { workspace: ws, prune: true });
    expect(only.result.diagnostics).toEqual(warning.map((d) => ({ ...d, path: respelt })));
  });

  it('other band settings make stored analyses unusable: everything is read again', async () => {
    const ws = join(dir, 'w.db');
    await scanIntoWorkspace(files.slice(0, 3), { workspace: ws });
    const other = await scanIntoWorkspace(files.slice(3), { workspace: ws, settings: { numHashes: 40, bands: 20 } });
    expect(other.counts).toEqual(counts({ files: 2, analysed: 2, kept: 3 }));
    expect(findingsOf(other.result)).toEqual(
      findingsOf((await scanPaths(files, { settings: { numHashes: 40, bands: 20 } })).result),
    );
  });

  it('prune drops stored documents that were not given', async () => {
    const ws = join(dir, 'w.db');
    await scanIntoWorkspace([batch], { workspace: ws });
    const pruned = await scanIntoWorkspace(files.slice(0, 2), { workspace: ws, prune: true });
    expect(pruned.counts).toEqual(counts({ files: 2, skipped: 2, dropped: 3 }));
    expect(findingsOf(pruned.result)).toEqual(findingsOf((await scanPaths(files.slice(0, 2))).result));
  });

  it('decisions survive a rescan that changes the findings', async () => {
    const ws = join(dir, 'w.db');
    const { result } = await scanIntoWorkspace(files.slice(0, 3), { workspace: ws });
    const w = openWorkspace(ws);
    const decided = result.clusters.map((c, i) =>
      w.decide(c.key, i % 2 ? 'copied' : 'boilerplate', `note ${i}`, `2025-06-0${(i % 9) + 1}`),
    );
    w.close();
    expect(decided.length).toBeGreaterThan(0);
    const rescan = await scanIntoWorkspace(files, { workspace: ws });
    expect(rescan.result.clusters.length).not.toBe(result.clusters.length);
    const after = openWorkspace(ws, { readonly: true });
    // Every decision is kept; one whose finding is now named by another key is that key's too.
    const now = after.decisions();
    expect(now).toEqual(expect.arrayContaining(decided));
    const keys = new Set(rescan.result.clusters.map((c) => c.key));
    for (const d of now.filter((x) => !decided.some((y) => y.key === x.key))) {
      expect(keys.has(d.key)).toBe(true);
      expect(decided.some((y) => y.label === d.label && y.note === d.note && y.at === d.at)).toBe(true);
    }
    // The findings among the first three reports are found again under the same keys.
    expect(decided.filter((d) => keys.has(d.key)).length).toBeGreaterThan(0);
    after.close();
  });
});

describe('scan --against a past workspace', () => {
  it('compares the new batch with the past one, keeps only findings that involve the new batch, carries decisions', async () => {
    const pastDb = join(dir, 'past.db');
    const past = await scanIntoWorkspace(files.slice(0, 3), { workspace: pastDb });
    const w = openWorkspace(pastDb);
    for (const c of past.result.clusters)
      w.decide(c.key, 'boilerplate', 'accepted last year', '2025-12-01T00:00:00.000Z');
    w.close();
    const pastBytes = readFileSync(pastDb);

    // This year: two reports copied word for word from last year's, and one new one.
    const year = join(dir, 'year2');
    mkdirSync(year);
    copyFileSync(files[0], join(year, 'a.txt'));
    copyFileSync(files[1], join(year, 'b.txt'));
    copyFileSync(files[4], join(year, 'c.txt'));
    const nowDb = join(dir, 'now.db');
    const { result, counts: c } = await scanIntoWorkspace([year], { workspace: nowDb, against: pastDb });
    expect(c).toEqual(counts({ files: 3, analysed: 3, past: 3 }));
    expect(readFileSync(pastDb).equals(pastBytes)).toBe(true);

    expect(result.documents.map((d) => [d.path.slice(dir.length + 1), d.past ?? null])).toEqual([
      ['year2/a.txt', null],
      ['year2/b.txt', null],
      ['year2/c.txt', null],
      ...files.slice(0, 3).map((f) => [f.slice(dir.length + 1), pastDb]),
    ]);
    expect(result.clusters.length).toBeGreaterThan(0);
    expect(result.clusters.map((x) => x.id)).toEqual(result.clusters.map((_, i) => i));
    for (const cluster of result.clusters) expect(cluster.members.some((m) => m.doc < 3)).toBe(true);
    for (const pair of result.documentPairs) expect(pair.a < 3 || pair.b < 3).toBe(true);
    // a.txt is last year's first report, copied whole: they share most of their text.
    expect(result.documentPairs.find((p) => p.a === 0 && p.b === 3)?.sharedRatio).toBeGreaterThan(0.9);

    // This year's figures are this year's batch's, as a scan without --against gives them; the
    // share found in last year's reports stands beside them. Last year's reports keep last year's.
    const alone = (await scanPaths([year])).result;
    const figures = (d: ScanResult['documents'][number]) => [
      d.path,
      d.templatedRatio,
      d.withinRatio,
      d.boilerplateRatio,
    ];
    expect(result.documents.slice(0, 3).map(figures)).toEqual(alone.documents.map(figures));
    expect(result.documentPairs.filter((p) => p.b < 3)).toEqual(alone.documentPairs);
    expect(result.documents.slice(0, 2).map((d) => d.pastRatio)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(Math.min(result.documents[0].pastRatio!, result.documents[1].pastRatio!)).toBeGreaterThan(0.95);
    expect(result.documents[2].pastRatio!).toBeLessThan(0.5);
    expect(result.documents.slice(3).map(figures)).toEqual(past.result.documents.map(figures));
    expect(result.documents.slice(3).every((d) => d.pastRatio === undefined)).toBe(true);
    expect(result.scan).toMatchObject({
      workspace: nowDb,
      inputs: [{ path: year, files: 3 }],
      against: { path: pastDb, reports: 3, at: past.result.scan!.at },
    });

    const now = openWorkspace(nowDb, { readonly: true });
    expect(now.loadResult()).toEqual(result);
    const keys = new Set(result.clusters.map((x) => x.key));
    const carried = now.decisions();
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.every((d) => keys.has(d.key) && d.label === 'boilerplate' && d.note === 'accepted last year')).toBe(
      true,
    );
    const pastW = openWorkspace(pastDb, { readonly: true });
    expect(carried).toEqual(pastW.decisions().filter((d) => keys.has(d.key)));
    pastW.close();
    // Only this batch's documents are kept for the next incremental scan.
    expect([...now.storedAnalyses().keys()].map((p) => p.slice(dir.length + 1))).toEqual([
      'year2/a.txt',
      'year2/b.txt',
      'year2/c.txt',
    ]);
    now.close();
  });

  it('refuses a workspace file that is not SQLite before reading any report, leaving it unchanged', async () => {
    const ws = join(dir, 'notes.txt');
    writeFileSync(ws, '会议记录\n');
    await expect(scanIntoWorkspace(files, { workspace: ws })).rejects.toThrow(`${ws} is not a SQLite file`);
    await expect(scanIntoWorkspace(files, { workspace: join(dir, 'w.db'), against: ws })).rejects.toThrow(
      `${ws} is not a SQLite file`,
    );
    expect(readFileSync(ws, 'utf8')).toBe('会议记录\n');
    expect(existsSync(join(dir, 'w.db'))).toBe(false);
  });

  it('refuses the workspace itself, and a past workspace with no scan', async () => {
    const ws = join(dir, 'w.db');
    await scanIntoWorkspace(files.slice(0, 1), { workspace: ws });
    await expect(scanIntoWorkspace(files, { workspace: ws, against: ws })).rejects.toThrow('is the workspace itself');
    openWorkspace(join(dir, 'empty.db'), { create: true }).close();
    await expect(
      scanIntoWorkspace(files, { workspace: join(dir, 'x.db'), against: join(dir, 'empty.db') }),
    ).rejects.toThrow('holds no scan');
    await expect(
      scanIntoWorkspace(files, { workspace: join(dir, 'x.db'), against: join(dir, 'none.db') }),
    ).rejects.toThrow(/no workspace at/);
    const other = join(dir, 'other.db');
    await scanIntoWorkspace(files.slice(0, 1), { workspace: other, settings: { numHashes: 40, bands: 20 } });
    await expect(scanIntoWorkspace(files, { workspace: join(dir, 'x.db'), against: other })).rejects.toThrow(
      `past workspace ${other} was scanned with other band settings or another refrain version`,
    );
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
  });
});

describe('describeCounts', () => {
  const cases: Array<[Partial<WorkspaceScanCounts>, string | undefined, string]> = [
    [{ files: 1, analysed: 1 }, undefined, 'workspace w.db: 1 file given, 1 analysed, 0 unchanged (skipped)\n'],
    [
      { files: 6, analysed: 1, skipped: 4, failed: 1, kept: 3, dropped: 2, past: 7 },
      'past.db',
      'workspace w.db: 6 files given, 1 analysed, 4 unchanged (skipped), 1 unreadable; 3 kept from earlier scans; 2 dropped; compared with 7 reports of past.db\n',
    ],
  ];
  for (const [c, against, line] of cases)
    it(line.trim(), () => expect(describeCounts(counts(c), 'w.db', against)).toBe(line));
});
