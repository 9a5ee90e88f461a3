import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canRead, refrain, ROOT, unprivileged } from '../../support/cli-run.js';

/**
 * Issue 13, items 3 to 7 and 9, and the first-run points of issue 14: every input the user
 * gives is scanned or named on standard error with the reason, as a user runs the command.
 */

const SEED = (n: string) => join(ROOT, 'corpus', n);
const S000 = SEED('000_8507adb33dc1f7a6.txt');
const S002 = SEED('002_a2fffb7c7f62c0d4.txt');
const S003 = SEED('003_b19ea781908929a7.txt');
const made: string[] = [];
afterAll(() => {
  for (const d of made) {
    spawnSync('chmod', ['-R', 'u+rwx', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

/** A fresh folder with a `reports` folder inside, open to every user (the permission cases run as nobody). */
function batch(): { dir: string; reports: string } {
  const dir = mkdtempSync(join(tmpdir(), 'refrain-inputs-'));
  made.push(dir);
  chmodSync(dir, 0o755);
  const reports = join(dir, 'reports');
  mkdirSync(reports, { mode: 0o755 });
  return { dir, reports };
}

const paths = (json: { documents: { path: string }[] } | undefined) => json?.documents.map((d) => d.path);

describe('item 3: a few bad bytes or NULs do not drop a report', () => {
  it('a damaged copy and a NUL-padded copy are read, warned about, and found to be copies', () => {
    const { dir, reports } = batch();
    const seed = readFileSync(S002);
    const at = seed.indexOf(0x0a, seed.length >> 1) + 1;
    copyFileSync(S002, join(reports, 'a.txt'));
    writeFileSync(
      join(reports, 'b-damaged.txt'),
      Buffer.concat([seed.subarray(0, at), Buffer.from([0xff, 0xfe, 0x80, 0x80, 0xc0, 0xc1]), seed.subarray(at)]),
    );
    writeFileSync(join(reports, 'c-padded.txt'), Buffer.concat([seed, Buffer.alloc(5000)]));
    const run = refrain(dir, ['scan', 'reports', '--no-workspace', '--json', '-', '--fail-over', '0.9']);
    expect(paths(run.json)).toEqual(['reports/a.txt', 'reports/b-damaged.txt', 'reports/c-padded.txt']);
    expect(run.json!.diagnostics).toEqual([
      { path: 'reports/b-damaged.txt', level: 'warning', message: '6 bytes not valid UTF-8 replaced with U+FFFD (�)' },
      { path: 'reports/c-padded.txt', level: 'warning', message: '5,000 NUL characters removed' },
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('3 reports are over --fail-over 0.9');
  });
});

describe('item 4: symbolic links are followed, each real file read once', () => {
  it('a copy given as a link is scanned and caught by the gate; other links are named', () => {
    const { dir, reports } = batch();
    mkdirSync(join(dir, 'elsewhere'));
    mkdirSync(join(dir, 'more'));
    copyFileSync(S000, join(reports, 'a.txt'));
    copyFileSync(S000, join(dir, 'elsewhere', 'copy.txt'));
    copyFileSync(S003, join(dir, 'more', 'c.txt'));
    symlinkSync('../elsewhere/copy.txt', join(reports, 'b-link.txt'));
    symlinkSync('a.txt', join(reports, 'same.txt'));
    symlinkSync('../more', join(reports, 'more'));
    symlinkSync('.', join(reports, 'loop'));
    symlinkSync('nowhere.txt', join(reports, 'broken.txt'));
    const run = refrain(dir, ['scan', 'reports', '--no-workspace', '--json', '-', '--fail-over', '0.5']);
    expect(paths(run.json)).toEqual(['reports/a.txt', 'reports/b-link.txt', 'reports/more/c.txt']);
    expect(run.json!.diagnostics).toEqual([
      { path: 'reports/broken.txt', level: 'error', message: 'broken symbolic link (its target is missing), skipped' },
      {
        path: 'reports/loop',
        level: 'warning',
        message: 'symbolic link to a folder already scanned (reports); not scanned again',
      },
      {
        path: 'reports/same.txt',
        level: 'warning',
        message: 'same file as reports/a.txt; read once, as reports/a.txt',
      },
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2 reports are over --fail-over 0.5');
    expect(run.stderr).toMatch(/%\s+reports\/b-link\.txt/);
  });
});

describe('item 5: file names that are not UTF-8', () => {
  const gbk = Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6]); // 年度报告 in GBK
  it('are read as bytes and shown decoded, also with -q, and found again by a rescan', () => {
    const { dir, reports } = batch();
    writeFileSync(Buffer.concat([Buffer.from(`${reports}/`), gbk, Buffer.from('.txt')]), readFileSync(S000));
    writeFileSync(
      Buffer.concat([Buffer.from(`${reports}/`), Buffer.from([0xff, 0xfe]), Buffer.from('-raw.txt')]),
      readFileSync(S000),
    );
    // A folder so named, and a UTF-8 name inside it.
    const folder = Buffer.concat([Buffer.from(`${reports}/`), gbk.subarray(0, 4)]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from('/附件.txt')]), readFileSync(S003));
    const run = refrain(dir, ['scan', 'reports', '--no-workspace', '-q', '--json', '-']);
    expect(run.stderr).toBe('');
    expect(paths(run.json)).toEqual(['reports/\\xFF\\xFE-raw.txt', 'reports/年度/附件.txt', 'reports/年度报告.txt']);
    // Read whole: all of it found in its copy under the other name, as copying or as its stock lines.
    const copy = run.json!.documents[2];
    expect(copy.templatedRatio + copy.boilerplateRatio).toBeGreaterThan(0.99);
    refrain(dir, ['scan', 'reports', '--workspace', 'ws.db', '-q']);
    const again = refrain(dir, ['scan', 'reports', '--workspace', 'ws.db']);
    expect(again.stdout).toContain('3 files given, 0 analysed, 3 unchanged');
  });
});

const nobody = unprivileged();
if (nobody.prefix === null) console.warn(`permission tests skipped: ${nobody.reason}`);

describe.skipIf(nobody.prefix === null)(
  'item 6: an unreadable folder or file is named and the scan goes on (run as an unprivileged user)',
  () => {
    it('lists the locked folder and file on standard error and scans the rest', () => {
      const { dir, reports } = batch();
      copyFileSync(S000, join(reports, 'a.txt'));
      copyFileSync(S002, join(reports, 'b.txt'));
      mkdirSync(join(reports, 'locked'));
      copyFileSync(S003, join(reports, 'locked', 'c.txt'));
      chmodSync(join(reports, 'locked'), 0o000);
      chmodSync(join(reports, 'b.txt'), 0o000);
      const run = refrain(dir, ['scan', 'reports', '--no-workspace', '-q', '--json', '-'], nobody.prefix ?? []);
      expect(run.status).toBe(0);
      expect(paths(run.json)).toEqual(['reports/a.txt']);
      expect(run.stderr).toBe(
        [
          'refrain: 2 files skipped:',
          '  error: reports/b.txt: cannot read file: permission denied (EACCES), skipped',
          '  error: reports/locked: cannot list folder: permission denied (EACCES), skipped',
          '',
        ].join('\n'),
      );
      // As root the same folder is read: the test ran as a user the permissions apply to.
      expect(canRead(join(reports, 'b.txt'))).toBe(process.getuid?.() === 0);
    });
  },
);

describe('item 7: only regular files are read', () => {
  it('a FIFO and a device, named or met in a folder, are diagnostics and nothing hangs', () => {
    const { dir, reports } = batch();
    copyFileSync(S000, join(reports, 'a.txt'));
    if (spawnSync('mkfifo', [join(reports, 'pipe.txt')]).status !== 0) throw new Error('mkfifo failed');
    const run = refrain(dir, [
      'scan',
      'reports',
      'reports/pipe.txt',
      '/dev/zero',
      '--no-workspace',
      '-q',
      '--json',
      '-',
    ]);
    expect(run.status).toBe(0);
    expect(paths(run.json)).toEqual(['reports/a.txt']);
    expect(run.json!.diagnostics).toEqual([
      { path: '/dev/zero', level: 'error', message: 'character device, not a regular file, skipped' },
      { path: 'reports/pipe.txt', level: 'error', message: 'named pipe (FIFO), not a regular file, skipped' },
    ]);
    const only = refrain(dir, ['scan', '/dev/zero', '--no-workspace']);
    expect(only.status).toBe(2);
    expect(only.stderr).toBe(
      'refrain: problems with 1 file (1 skipped):\n  error: /dev/zero: character device, not a regular file, skipped\nrefrain: no readable reports among the inputs\n',
    );
  });
});

describe('item 9: -q never hides a skipped file', () => {
  it('skipped files are on standard error with and without -q; warnings without -q; -q drops the summary only', () => {
    const { dir, reports } = batch();
    copyFileSync(S000, join(reports, 'a.txt'));
    writeFileSync(join(reports, 'b-empty.txt'), '');
    writeFileSync(join(reports, 'c-nul.txt'), Buffer.concat([readFileSync(S002), Buffer.alloc(3)]));
    const quiet = refrain(dir, ['scan', 'reports', '--no-workspace', '-q']);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('refrain: 1 file skipped:\n  error: reports/b-empty.txt: empty file, skipped\n');
    const loud = refrain(dir, ['scan', 'reports', '--no-workspace']);
    expect(loud.stderr).toBe(
      'refrain: problems with 2 files (1 skipped):\n  error: reports/b-empty.txt: empty file, skipped\n  warning: reports/c-nul.txt: 3 NUL characters removed\n',
    );
    expect(loud.stdout).toContain('2 files with problems (1 skipped), listed on standard error.');
  });
});

describe('issue 14: what scanning a folder reads', () => {
  it('never reads the workspace in use or ./refrain.db (nor their -wal and -shm files); names any other workspace', () => {
    const { dir } = batch();
    copyFileSync(S000, join(dir, 'a.txt'));
    copyFileSync(S002, join(dir, 'b.txt'));
    expect(refrain(dir, ['scan', '.', '-q']).status).toBe(0);
    copyFileSync(join(dir, 'refrain.db'), join(dir, 'last-year.db'));
    writeFileSync(join(dir, 'refrain.db-wal'), Buffer.alloc(4096, 7));
    writeFileSync(join(dir, 'refrain.db-shm'), Buffer.alloc(4096, 7));
    const run = refrain(dir, ['scan', '.', '--no-workspace', '--json', '-']);
    expect(paths(run.json)).toEqual(['a.txt', 'b.txt']);
    expect(run.json!.diagnostics).toEqual([
      { path: 'last-year.db', level: 'error', message: 'binary file (a refrain workspace, not a report), skipped' },
    ]);
    rmSync(join(dir, 'refrain.db-wal'));
    rmSync(join(dir, 'refrain.db-shm'));
    const rescan = refrain(dir, ['scan', '.', '--workspace', 'last-year.db']);
    expect(rescan.stderr).toBe('');
    expect(rescan.stdout).toContain('2 files given, 0 analysed, 2 unchanged');
  });

  it('passes over hidden files and folders, node_modules and .git inside folders; a hidden file named is read', () => {
    const { dir, reports } = batch();
    copyFileSync(S000, join(reports, 'a.txt'));
    copyFileSync(S002, join(reports, '.hidden.txt'));
    for (const d of ['.cache', 'node_modules', '.git']) {
      mkdirSync(join(reports, d));
      copyFileSync(S003, join(reports, d, 'x.txt'));
    }
    const run = refrain(dir, ['scan', 'reports', 'reports/.hidden.txt', '--no-workspace', '--json', '-']);
    expect(paths(run.json)).toEqual(['reports/.hidden.txt', 'reports/a.txt']);
    expect(run.json!.diagnostics).toEqual([]);
  });

  it('an old Word .doc is named with how to convert it; a .doc that is text is read', () => {
    const { dir, reports } = batch();
    copyFileSync(S000, join(reports, 'a.txt'));
    copyFileSync(S002, join(reports, 'plain.doc'));
    writeFileSync(
      join(reports, 'old.doc'),
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4088)]),
    );
    const run = refrain(dir, ['scan', 'reports', '--no-workspace', '--json', '-']);
    expect(paths(run.json)).toEqual(['reports/a.txt', 'reports/plain.doc']);
    expect(run.json!.diagnostics).toEqual([
      {
        path: 'reports/old.doc',
        level: 'error',
        message:
          'old Word format (.doc, Word 97-2003): refrain cannot read it; save it as .docx or PDF (in Word: File > Save As) and scan that, skipped',
      },
    ]);
  });
});
