import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace } from '../../src/workspace/index.js';
import { makeScan, KILL_SIZE } from '../support/workspace-data.mjs';

const CHILD = join(import.meta.dirname, '../support/workspace-child.mjs');
const BUILT = join(import.meta.dirname, '../..', 'dist', 'src', 'workspace', 'index.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-wkill-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the child writing to `path` and SIGKILLs it as soon as it prints `line`; resolves to every
 * line it printed. The kill is sent from the output handler, so it lands while the child is in the
 * next step (for "begin N": inside the transaction that saves scan N, or just after it).
 */
function killAt(path: string, mode: 'save' | 'decide', line: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, path, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const l of parts) {
        lines.push(l);
        if (l === line) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`child exited with ${code} before being killed: ${stderr}`));
    });
  });
}

function integrity(path: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

const scanOf = (mark: number) => makeScan(mark, KILL_SIZE.docs, KILL_SIZE.paras).result;

describe('a workspace survives kill -9', () => {
  it('needs the built library (npm run build)', () => {
    expect(existsSync(BUILT)).toBe(true);
  });

  it('killed during the first save: opens, passes integrity_check, holds no scan or the whole first one', async () => {
    const path = join(dir, 'w.db');
    const lines = await killAt(path, 'save', 'begin 1');
    expect(lines[0]).toBe('begin 1');
    const ws = openWorkspace(path);
    expect(integrity(path)).toBe('ok');
    const loaded = ws.loadResult();
    if (loaded !== null) expect(loaded).toEqual(scanOf(1));
    ws.close();
  });

  it('killed while saving scan 3: opens, passes integrity_check, holds scan 2 or 3, whole', async () => {
    const path = join(dir, 'w.db');
    const lines = await killAt(path, 'save', 'begin 3');
    expect(lines.slice(0, 5)).toEqual(['begin 1', 'saved 1', 'begin 2', 'saved 2', 'begin 3']);
    const ws = openWorkspace(path);
    expect(integrity(path)).toBe('ok');
    const loaded = ws.loadResult()!;
    const mark = Number(loaded.diagnostics[0].path.match(/^bad-(\d+)\.bin$/)![1]);
    // Whole scans only: at least the last one reported saved, at most the last one begun.
    const last = (word: string) =>
      Math.max(...lines.filter((l) => l.startsWith(word)).map((l) => Number(l.split(' ')[1])));
    if (process.env.REFRAIN_DEBUG) console.log(`kill test: ${lines.join(', ')}; holds scan ${mark}`);
    expect(mark).toBeGreaterThanOrEqual(last('saved'));
    expect(mark).toBeLessThanOrEqual(last('begin'));
    expect(loaded).toEqual(scanOf(mark));
    expect([...ws.storedAnalyses().keys()]).toHaveLength(KILL_SIZE.docs);
    ws.close();
  });

  it('a decision reported as made is there after the kill', async () => {
    const path = join(dir, 'w.db');
    const lines = await killAt(path, 'decide', 'decided 20');
    const ws = openWorkspace(path);
    expect(integrity(path)).toBe('ok');
    const keys = new Set(ws.decisions().map((d) => d.key));
    for (let i = 1; i <= 20; i++) expect(keys.has(`d${i}`)).toBe(true);
    expect(ws.decisions().find((d) => d.key === 'd20')).toEqual({
      key: 'd20',
      label: 'copied',
      note: 'note 20',
      at: 't20',
    });
    expect(lines).toContain('decided 20');
    ws.close();
  });
});
