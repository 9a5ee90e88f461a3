import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace, type DecisionsFile } from '../../src/workspace/index.js';
import { scanIntoWorkspace } from '../../src/scan/index.js';
import { generateBatch } from '../../bench/generate.js';
import {
  announceSkip,
  fillDisk,
  fullDiskReason,
  mountSmallDisk,
  refrainAs,
  sharedTempDir,
  unmountSmallDisk,
  unprivileged,
  type Run,
} from '../support/faults.js';

// Workspaces a user may read but not write: a read-only file, a read-only folder, a full disk.
// Reading them (report, scan --against, decisions export) works and leaves nothing beside them;
// writing them (scan, decide) is refused before any work, with exit 2 and a message saying why.

const CORPUS = join(import.meta.dirname, '../..', 'corpus');

announceSkip('read-only workspace tests', unprivileged.reason);
announceSkip('full-disk workspace tests', fullDiskReason);

let dir: string;
let pristine: string;
/** `report --format json` of the pristine workspace: what every reader must see. */
let expected: string;

beforeAll(async () => {
  dir = sharedTempDir('refrain-wro-');
  cpSync(CORPUS, join(dir, 'corpus'), { recursive: true });
  pristine = join(dir, 'pristine.db');
  await scanIntoWorkspace([join(dir, 'corpus')], { workspace: pristine });
  const ws = openWorkspace(pristine);
  ws.decide(ws.loadSummary()!.clusters[0].key, 'boilerplate', 'page chrome', '2026-01-01T00:00:00.000Z');
  ws.close();
  expected = refrainAs(false, dir, ['report', pristine, '--format', 'json']).out;
  expect(expected).toMatch(/"page chrome"/);
});
afterAll(() => {
  chmodRecursive(dir);
  rmSync(dir, { recursive: true, force: true });
});

function chmodRecursive(path: string): void {
  spawnSync('chmod', ['-R', 'u+rwx', path]);
}

/** A copy of the pristine workspace as w.db in a new folder `name` (mode 0777 until a case changes it). */
function place(name: string): { folder: string; ws: string } {
  const folder = join(dir, name);
  mkdirSync(folder);
  chmodSync(folder, 0o777);
  const ws = join(folder, 'w.db');
  copyFileSync(pristine, ws);
  return { folder, ws };
}

/** A folder the unprivileged user may write, for the workspace of a scan --against. */
function writableFolder(name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  chmodSync(folder, 0o777);
  return folder;
}

const nobodyIds = (): [number, number] => {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return [id('-u'), id('-g')];
};

function expectReadsWithoutWriting(folder: string, ws: string, user: boolean): void {
  const before = readdirSync(folder).sort();
  const bytes = readFileSync(ws);
  const report = refrainAs(user, dir, ['report', ws, '--format', 'json']);
  expect(report.err).toBe('');
  expect(report.code).toBe(0);
  expect(report.out.replaceAll(ws, pristine)).toBe(expected);
  const exported = refrainAs(user, dir, ['decisions', 'export', ws]);
  expect(exported.code).toBe(0);
  expect((JSON.parse(exported.out) as DecisionsFile).decisions.map((d) => d.note)).toEqual(['page chrome']);
  const against = join(writableFolder(`against-${folder.split('/').pop()}`), 'now.db');
  const scan = refrainAs(user, dir, [
    'scan',
    '-q',
    join(dir, 'corpus', readdirSync(join(dir, 'corpus'))[0]),
    '--against',
    ws,
    '--workspace',
    against,
  ]);
  expect(scan.err).toBe('');
  expect(scan.code).toBe(0);
  expect(
    openWorkspace(against, { readonly: true })
      .loadResult()!
      .documents.filter((d) => d.past === ws),
  ).toHaveLength(5);
  // Nothing was written beside the workspace, not even SQLite's -wal and -shm.
  expect(readdirSync(folder).sort()).toEqual(before);
  expect(readFileSync(ws).equals(bytes)).toBe(true);
}

function expectWritesRefused(folder: string, ws: string, user: boolean, why: string): void {
  const before = readdirSync(folder).sort();
  const bytes = readFileSync(ws);
  // REFRAIN_STATS prints each stage's time as it ends: none is printed, as none ran.
  const scan = refrainAs(user, dir, ['scan', '-q', 'corpus', '--workspace', ws], { REFRAIN_STATS: '1' });
  expect(scan.code).toBe(2);
  expect(scan.err).toBe(
    `refrain: workspace ${ws} cannot be written: ${why}; give --workspace a writable place, or --no-workspace\n`,
  );
  const decide = refrainAs(user, dir, ['decide', '--workspace', ws, '0', 'copied']);
  expect(decide.code).toBe(2);
  expect(decide.err).toBe(
    `refrain: workspace ${ws} cannot be written: ${why}. Nothing was changed; 'refrain report ${ws}' can still read it\n`,
  );
  expect(readdirSync(folder).sort()).toEqual(before);
  expect(readFileSync(ws).equals(bytes)).toBe(true);
}

describe.skipIf(unprivileged.reason !== null)(
  `a workspace the user may not write${unprivileged.reason ? ` (skipped: ${unprivileged.reason})` : ''}`,
  () => {
    it('a read-only file in a writable folder: read as it is, writes refused before any work', () => {
      const { folder, ws } = place('ro-file');
      chmodSync(ws, 0o444);
      expectReadsWithoutWriting(folder, ws, true);
      expectWritesRefused(folder, ws, true, 'the file is read-only for this user');
    });

    it('a writable file in a read-only folder: read as it is, writes refused before any work', () => {
      const { folder, ws } = place('ro-folder');
      if (process.getuid?.() === 0) chownSync(ws, ...nobodyIds());
      chmodSync(folder, 0o555);
      expectReadsWithoutWriting(folder, ws, true);
      expectWritesRefused(
        folder,
        ws,
        true,
        `its folder ${folder} is read-only for this user (SQLite keeps w.db-wal and -shm beside the workspace)`,
      );
      const create = refrainAs(true, dir, ['scan', '-q', 'corpus', '--workspace', join(folder, 'new.db')]);
      expect(create.code).toBe(2);
      expect(create.err).toMatch(
        /^refrain: cannot create workspace .*new\.db: its folder .* is read-only for this user/,
      );
    });

    it('reads the commits still in the -wal of a read-only folder through the -shm a writer left', () => {
      const { folder, ws } = place('wal-live');
      const writer = new Database(ws);
      try {
        writer.pragma('wal_autocheckpoint = 0');
        writer
          .prepare(
            `INSERT INTO decisions (key, label, note, at) VALUES ('ffff000011112222', 'copied', 'only in the wal', 't')`,
          )
          .run();
        chmodSync(folder, 0o555);
        const report = refrainAs(true, dir, ['report', ws, '--format', 'json']);
        expect(report.code).toBe(0);
        expect(report.out).toMatch(/"only in the wal"/);
      } finally {
        writer.close();
        chmodSync(folder, 0o777);
      }
    });

    it('refuses, saying why and what to do, a -wal with commits and no -shm in a read-only folder', () => {
      const { folder, ws } = place('wal-orphan');
      const copy = writableFolder('wal-orphan-copy');
      const writer = new Database(ws);
      writer.pragma('wal_autocheckpoint = 0');
      writer
        .prepare(
          `INSERT INTO decisions (key, label, note, at) VALUES ('ffff000011112222', 'copied', 'only in the wal', 't')`,
        )
        .run();
      // What a writer killed mid-session leaves, once its -shm is gone.
      copyFileSync(ws, join(copy, 'w.db'));
      copyFileSync(`${ws}-wal`, join(copy, 'w.db-wal'));
      writer.close();
      rmSync(folder, { recursive: true });
      chmodSync(copy, 0o555);
      const r = refrainAs(true, dir, ['report', join(copy, 'w.db')]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /its latest changes are still in .*w\.db-wal, which SQLite reads only with .*w\.db-shm beside it, and that cannot be made here/,
      );
      expect(readdirSync(copy).sort()).toEqual(['w.db', 'w.db-wal']);
    });
  },
);

describe.skipIf(fullDiskReason !== null)(
  `a workspace on a full disk${fullDiskReason ? ` (skipped: ${fullDiskReason})` : ''}`,
  () => {
    let disk: string | undefined;
    afterAll(() => {
      if (disk) unmountSmallDisk(disk);
    });

    it('is read without writing anything beside it, and writes are refused before any work', () => {
      disk = mountSmallDisk(dir, 1024);
      const ws = join(disk, 'w.db');
      copyFileSync(pristine, ws);
      fillDisk(disk);
      expectReadsWithoutWriting(disk, ws, false);
      expectWritesRefused(disk, ws, false, 'the disk holding it is full (0 KiB free)');
      unmountSmallDisk(disk);
      disk = undefined;
    });

    it('a disk that fills up during the save: exit 2, the scan not saved, the workspace as it was', () => {
      const batch = join(dir, 'batch-150');
      generateBatch({ docs: 150, seed: 1, seedDir: CORPUS, outDir: batch });
      disk = mountSmallDisk(dir, 3072);
      const ws = join(disk, 'w.db');
      copyFileSync(pristine, ws);
      // Room to open (over the 1 MiB asked for), not for the 3 MB this batch's scan saves.
      fillDisk(disk, 1200);
      const scan: Run = refrainAs(false, dir, ['scan', '-q', batch, '--workspace', ws]);
      expect(scan.code).toBe(2);
      expect(scan.err).toBe(
        `refrain: the disk holding workspace ${ws} is full: the scan was not saved; the workspace holds what it held before. Free some space and try again\n`,
      );
      rmSync(join(disk, 'fill'));
      const report = refrainAs(false, dir, ['report', ws, '--format', 'json']);
      expect(report.out.replaceAll(ws, pristine)).toBe(expected);
    });
  },
);
