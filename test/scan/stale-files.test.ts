import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanPaths } from '../../src/scan/scan.js';
import { findingsOf } from '../support/scan-record.js';
import { MISSING_MESSAGE, scanIntoWorkspace, type WorkspaceScanCounts } from '../../src/scan/index.js';

// Files of earlier scans that moved or vanished: a renamed report is one document, not a copy of
// itself; a vanished one is left out of the comparison, with a warning; the --fail-over gate
// judges only the reports given on the command line.

const MAIN = join(import.meta.dirname, '../..', 'dist', 'cli', 'main.js');
const CORPUS = join(import.meta.dirname, '../..', 'corpus');
const NAMES = readdirSync(CORPUS).sort();

let dir: string;
let batch: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-wstale-'));
  batch = join(dir, 'batch');
  mkdirSync(batch);
  for (const n of NAMES) copyFileSync(join(CORPUS, n), join(batch, n));
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

function refrain(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('a report renamed since the last scan', () => {
  it('is one document under its new name, its analysis reused: the same result as a fresh scan', async () => {
    const ws = join(dir, 'w.db');
    await scanIntoWorkspace([batch], { workspace: ws });
    renameSync(join(batch, NAMES[0]), join(batch, 'renamed.txt'));
    const again = await scanIntoWorkspace([batch], { workspace: ws });
    expect(again.counts).toEqual(counts({ files: 5, skipped: 5, moved: 1 }));
    expect(findingsOf(again.result)).toEqual(findingsOf((await scanPaths([batch])).result));
    expect(again.result.documents.map((d) => d.path)).toContain(join(batch, 'renamed.txt'));
    expect(again.result.diagnostics).toEqual([]);
  });

  it('is one document when moved out of the folder given before and given alone, and when the analyses cannot be reused', async () => {
    const ws = join(dir, 'w.db');
    await scanIntoWorkspace([batch], { workspace: ws });
    mkdirSync(join(dir, 'moved'));
    const moved = join(dir, 'moved', 'r.txt');
    renameSync(join(batch, NAMES[1]), moved);
    const other = { numHashes: 40, bands: 20 };
    const again = await scanIntoWorkspace([moved], { workspace: ws, settings: other });
    expect(again.counts).toEqual(counts({ files: 1, analysed: 1, kept: 4, moved: 1 }));
    const rest = NAMES.filter((_, i) => i !== 1).map((n) => join(batch, n));
    expect(findingsOf(again.result)).toEqual(
      findingsOf((await scanPaths([...rest, moved], { settings: other })).result),
    );
  });
});

describe('a report gone from disk', () => {
  it('is left out of the comparison and the ratios, with a warning that stays until it is scanned again or pruned', async () => {
    const ws = join(dir, 'w.db');
    await scanIntoWorkspace([batch], { workspace: ws });
    const gone = join(batch, NAMES[2]);
    rmSync(gone);
    const rest = NAMES.filter((_, i) => i !== 2).map((n) => join(batch, n));
    const warning = { path: gone, level: 'warning', message: MISSING_MESSAGE };

    const once = await scanIntoWorkspace(rest.slice(0, 1), { workspace: ws });
    expect(once.counts).toEqual(counts({ files: 1, skipped: 1, kept: 3, missing: 1 }));
    const fresh = findingsOf((await scanPaths(rest)).result);
    expect(findingsOf(once.result)).toEqual({ ...fresh, diagnostics: [warning] });

    const twice = await scanIntoWorkspace(rest.slice(0, 1), { workspace: ws });
    expect(twice.result.diagnostics).toEqual([warning]);
    expect(twice.counts.missing).toBe(0);

    copyFileSync(join(CORPUS, NAMES[2]), gone);
    const back = await scanIntoWorkspace([gone], { workspace: ws });
    expect(back.result.diagnostics).toEqual([]);
    expect(back.result.documents.map((d) => d.path)).toContain(gone);

    rmSync(gone);
    await scanIntoWorkspace(rest.slice(0, 1), { workspace: ws });
    const pruned = await scanIntoWorkspace(rest, { workspace: ws, prune: true });
    expect(findingsOf(pruned.result)).toEqual(fresh);
  });

  it('is listed among the files with problems by the scan command', () => {
    expect(refrain('scan', '-q', 'batch').code).toBe(0);
    rmSync(join(batch, NAMES[2]));
    const r = refrain('scan', `batch/${NAMES[0]}`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Scanned 4 reports /);
    // Files with problems are listed on standard error (the summary only counts them).
    expect(r.err).toContain(`  warning: batch/${NAMES[2]}: ${MISSING_MESSAGE}\n`);
    expect(r.out).toMatch(
      /^workspace refrain\.db, scan 2: 1 file given, 0 analysed, 1 unchanged \(skipped\); 3 kept from earlier scans; 1 missing from disk \(left out, listed with the problems\)$/m,
    );
  });
});

describe('the --fail-over gate in the default workspace', () => {
  it('does not fail on a renamed report, nor on reports kept from earlier scans', () => {
    expect(refrain('scan', '-q', 'batch').code).toBe(0);
    renameSync(join(batch, NAMES[0]), join(batch, 'renamed.txt'));
    const renamed = refrain('scan', '-q', '--fail-over', '0.5', 'batch');
    expect(renamed.err).toBe('');
    expect(renamed.code).toBe(0);
    // 000, 002 and 004 are over 0.1 (see the README); 001 and 003 are not. Only these are given.
    const all = refrain('scan', '-q', '--fail-over', '0.1', 'batch');
    expect(all.code).toBe(1);
    const given = refrain('scan', '-q', '--fail-over', '0.1', `batch/${NAMES[1]}`, `batch/${NAMES[3]}`);
    expect(given.err).toBe('');
    expect(given.code).toBe(0);
  });
});
