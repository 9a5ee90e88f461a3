import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

// The scan's closing hint names a command that works where the user is.
const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const CORPUS = join(ROOT, 'corpus');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-next-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The "Next:" line of a scan run in `cwd` with `PATH` as given. */
function nextLine(cwd: string, path = process.env.PATH ?? ''): string {
  const r = spawnSync(process.execPath, [MAIN, 'scan', CORPUS, '--workspace', join(dir, 'w.db')], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: path },
  });
  expect(r.status).toBe(0);
  return r.stdout.split('\n').find((l) => l.startsWith('Next: ')) ?? '';
}

const hint = (run: string) =>
  `Next: ${run} review ${join(dir, 'w.db')}  (findings, diffs, decisions)  ·  ${run} report ${join(dir, 'w.db')} --format html -o report.html`;

describe('the Next: hint after a scan', () => {
  it('says npx refrain inside the clone, in any of its folders', () => {
    expect(nextLine(ROOT)).toBe(hint('npx refrain'));
    expect(nextLine(join(ROOT, 'test', 'fixtures'))).toBe(hint('npx refrain'));
  });

  it('says node and the path of the program outside the clone, where npx refrain would fetch another package', () => {
    const elsewhere = join(dir, 'audit');
    mkdirSync(elsewhere);
    expect(nextLine(elsewhere)).toBe(hint(`node ${MAIN}`));
  });

  it('says refrain when that name on the PATH is this program (installed globally, or linked)', () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(MAIN, join(bin, 'refrain'));
    const away = join(dir, 'away');
    mkdirSync(away);
    expect(nextLine(away, `${bin}${delimiter}${process.env.PATH}`)).toBe(hint('refrain'));
  });

  it('does not say refrain when that name on the PATH is another program', () => {
    const other = join(dir, 'other-bin');
    mkdirSync(other);
    writeFileSync(join(other, 'refrain'), '#!/bin/sh\necho another refrain\n', { mode: 0o755 });
    const away = join(dir, 'away2');
    mkdirSync(away);
    expect(nextLine(away, `${other}${delimiter}${process.env.PATH}`)).toBe(hint(`node ${MAIN}`));
  });

  it('says npx refrain in a project that has refrain installed', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{ "name": "audit-2025" }\n');
    symlinkSync(MAIN, join(project, 'node_modules', '.bin', 'refrain'));
    mkdirSync(join(project, 'reports'));
    expect(nextLine(join(project, 'reports'))).toBe(hint('npx refrain'));
  });
});
