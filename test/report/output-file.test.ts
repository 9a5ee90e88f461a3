import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  cpSync,
  openSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { outputProblem, writeOutputFile, writeOutputText } from '../../src/report/output-file.js';
import { scanIntoWorkspace } from '../../src/scan/index.js';
import {
  announceSkip,
  fillDisk,
  fullDiskReason,
  MAIN,
  mountSmallDisk,
  refrainAs,
  sharedTempDir,
  unmountSmallDisk,
  unprivileged,
} from '../support/faults.js';

// Every output file is written beside its target and renamed over it once whole: whatever goes
// wrong midway (a full disk above all), an earlier file at that path is left as it was.

const CORPUS = join(import.meta.dirname, '../..', 'corpus');

announceSkip('read-only folder output test', unprivileged.reason);
announceSkip('full-disk output tests', fullDiskReason);

let dir: string;
beforeEach(() => {
  dir = sharedTempDir('refrain-out-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutputFile', () => {
  it('replaces an existing file whole, keeps its permissions, and leaves nothing else', async () => {
    const path = join(dir, 'report.md');
    writeFileSync(path, 'old report\n');
    chmodSync(path, 0o640);
    await writeOutputText(path, '# new report\n');
    expect(readFileSync(path, 'utf8')).toBe('# new report\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('a write that fails midway leaves the earlier file as it was, and no temporary file', async () => {
    const path = join(dir, 'r.json');
    writeFileSync(path, '{"earlier": true}\n');
    const failing = writeOutputFile(path, async (file) => {
      await file.write('{"half": ');
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    await expect(failing).rejects.toThrow('no space left on device');
    expect(readFileSync(path, 'utf8')).toBe('{"earlier": true}\n');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('writes through a symbolic link to its file, keeping the link', async () => {
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'r.csv'), 'old\n');
    symlinkSync(join(dir, 'real', 'r.csv'), join(dir, 'link.csv'));
    await writeOutputText(join(dir, 'link.csv'), 'new\n');
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.csv'))).toBe(join(dir, 'real', 'r.csv'));
    expect(readFileSync(join(dir, 'real', 'r.csv'), 'utf8')).toBe('new\n');
  });

  it('writes into a pipe in place: it is not replaced by a file', async () => {
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (chunk) => (got += chunk));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    await writeOutputText(fifo, 'through the pipe\n');
    await closed;
    expect(got).toBe('through the pipe\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('writes /dev/stdout in place: a file the shell opened to append to keeps what it held', async () => {
    const ws = join(dir, 'w.db');
    await scanIntoWorkspace([CORPUS], { workspace: ws });
    const log = join(dir, 'log.md');
    writeFileSync(log, 'earlier\n');
    const fd = openSync(log, 'a');
    const r = spawnSync(process.execPath, [MAIN, 'report', ws, '-o', '/dev/stdout'], { stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(r.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/^earlier\n# refrain report\n/);
  });

  it('says before any work why a path cannot be written', () => {
    writeFileSync(join(dir, 'file'), '');
    mkdirSync(join(dir, 'folder.html'));
    expect(outputProblem(join(dir, 'none', 'r.html'))).toBe('its folder does not exist');
    expect(outputProblem(join(dir, 'file', 'r.html'))).toMatch(/is not a folder$/);
    expect(outputProblem(join(dir, 'folder.html'))).toBe('it is a folder');
    expect(outputProblem(join(dir, 'r.html'))).toBeNull();
  });
});

describe.skipIf(unprivileged.reason !== null)(
  `an output file in a read-only folder${unprivileged.reason ? ` (skipped: ${unprivileged.reason})` : ''}`,
  () => {
    it('is refused before the workspace is read, and before a scan', async () => {
      const ws = join(dir, 'w.db');
      await scanIntoWorkspace([CORPUS], { workspace: ws });
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      const report = refrainAs(true, dir, ['report', ws, '--format', 'html', '-o', join(locked, 'r.html')]);
      expect(report.code).toBe(2);
      expect(report.err).toBe(
        `refrain: cannot write ${join(locked, 'r.html')}: its folder is read-only for this user\n`,
      );
      const scan = refrainAs(true, dir, ['scan', CORPUS, '--no-workspace', '--json', join(locked, 'r.json')], {
        REFRAIN_STATS: '1',
      });
      expect(scan.code).toBe(2);
      expect(scan.err).toBe(`refrain: cannot write ${join(locked, 'r.json')}: its folder is read-only for this user\n`);
      expect(readdirSync(locked)).toEqual([]);
    });
  },
);

describe.skipIf(fullDiskReason !== null)(
  `output files on a full disk${fullDiskReason ? ` (skipped: ${fullDiskReason})` : ''}`,
  () => {
    let disk: string;
    let ws: string;
    let home: string;
    beforeAll(async () => {
      home = sharedTempDir('refrain-outdisk-');
      ws = join(home, 'w.db');
      cpSync(CORPUS, join(home, 'corpus'), { recursive: true });
      await scanIntoWorkspace([join(home, 'corpus')], { workspace: ws });
      disk = mountSmallDisk(home, 2048);
    });
    afterAll(() => {
      unmountSmallDisk(disk);
      rmSync(home, { recursive: true, force: true });
    });

    it('report -o, scan --json and decisions export -o fail with exit 2 and leave the earlier files whole', () => {
      const corpus = readdirSync(CORPUS).map((n) => join(CORPUS, n));
      const outputs = (scanned: string[]): Array<[string, string[]]> => [
        ['report.html', ['report', ws, '--format', 'html', '-o', join(disk, 'report.html')]],
        ['r.csv', ['report', ws, '--format', 'csv', '-o', join(disk, 'r.csv')]],
        ['r.json', ['scan', '-q', ...scanned, '--no-workspace', '--json', join(disk, 'r.json')]],
        ['d.json', ['decisions', 'export', ws, '-o', join(disk, 'd.json')]],
      ];
      // Earlier outputs, written while there was room.
      for (const [, args] of outputs(corpus.slice(0, 2))) expect(refrainAs(false, dir, args).code).toBe(0);
      const before = new Map(outputs([]).map(([name]) => [name, readFileSync(join(disk, name))]));
      for (const [name] of outputs([])) expect(before.get(name)!.length).toBeGreaterThan(100);
      fillDisk(disk);
      // The new outputs are larger than the earlier ones: written in place, they would be cut off.
      const note = '审核意见：'.repeat(2000);
      for (const id of ['0', '1', '2'])
        expect(refrainAs(false, dir, ['decide', '--workspace', ws, id, 'copied', '--note', note]).code).toBe(0);
      for (const [name, args] of outputs(corpus)) {
        const r = refrainAs(false, dir, args);
        expect(r.code).toBe(2);
        expect(r.err).toBe(
          `refrain: cannot write ${join(disk, name)}: the disk is full (any earlier file there was left as it was)\n`,
        );
        expect(readFileSync(join(disk, name)).equals(before.get(name)!)).toBe(true);
      }
      expect(readdirSync(disk).sort()).toEqual(['d.json', 'fill', 'r.csv', 'r.json', 'report.html']);
      expect(before.get('d.json')!.toString()).toMatch(/"decisions": \[\]/);
    });
  },
);
