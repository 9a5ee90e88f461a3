import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanIntoWorkspace } from '../../src/scan/index.js';

/**
 * The problems met while listing the inputs (links, FIFOs, folders) are saved with the scan like
 * those of reading, stand once per rescan, and go when the problem does.
 */

const CORPUS = join(import.meta.dirname, '../..', 'corpus');
let dir: string;
let batch: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-wdiag-'));
  batch = join(dir, 'batch');
  mkdirSync(batch);
  copyFileSync(join(CORPUS, '000_8507adb33dc1f7a6.txt'), join(batch, 'a.txt'));
  copyFileSync(join(CORPUS, '002_a2fffb7c7f62c0d4.txt'), join(batch, 'b.txt'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('diagnostics of the listing in a workspace', () => {
  it('one per problem on every rescan, gone once the problem is fixed', async () => {
    const ws = join(dir, 'w.db');
    spawnSync('mkfifo', [join(batch, 'pipe.txt')]);
    symlinkSync('gone.txt', join(batch, 'broken.txt'));
    const expected = [
      {
        path: join(batch, 'broken.txt'),
        level: 'error',
        message: 'broken symbolic link (its target is missing), skipped',
      },
      { path: join(batch, 'pipe.txt'), level: 'error', message: 'named pipe (FIFO), not a regular file, skipped' },
    ];
    expect((await scanIntoWorkspace([batch], { workspace: ws })).result.diagnostics).toEqual(expected);
    expect((await scanIntoWorkspace([batch], { workspace: ws })).result.diagnostics).toEqual(expected);
    rmSync(join(batch, 'pipe.txt'));
    copyFileSync(join(batch, 'a.txt'), join(batch, 'gone.txt'));
    const fixed = await scanIntoWorkspace([batch], { workspace: ws });
    expect(fixed.result.diagnostics).toEqual([
      {
        path: join(batch, 'broken.txt'),
        level: 'warning',
        message: `same file as ${join(batch, 'gone.txt')}; read once, as ${join(batch, 'gone.txt')}`,
      },
    ]);
    expect(fixed.result.documents.map((d) => d.path)).toEqual(
      ['a.txt', 'b.txt', 'gone.txt'].map((n) => join(batch, n)),
    );
  });
});
