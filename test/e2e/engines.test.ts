import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateBatch } from '../../bench/generate.js';
import { MAIN, ROOT, refrain } from '../support/cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'refrain-engines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The JSON of a scan with `engine`, its scan time fixed so two scans can be compared byte for byte. */
function scanJson(paths: string[], engine: string, extra: string[] = []): Buffer {
  const out = join(dir, `${engine}-${readdirSync(dir).length}.json`);
  const args = [MAIN, 'scan', ...paths, '--no-workspace', '-q', '--json', out, '--engine', engine, ...extra];
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return readFileSync(out);
}

describe('scan --engine', () => {
  it('duckdb writes the same JSON as memory on corpus/ with its reference', () => {
    const paths = ['corpus', '--reference', 'reference'];
    const memory = scanJson(paths, 'memory');
    expect(scanJson(paths, 'duckdb').equals(memory)).toBe(true);
    // Not an empty agreement: the corpus has its findings.
    expect((JSON.parse(memory.toString()) as { clusters: unknown[] }).clusters.length).toBeGreaterThan(10);
  });

  it('duckdb writes the same JSON as memory on a generated batch large enough for the worker pool', () => {
    const batch = join(dir, 'batch');
    generateBatch({ docs: 450, seed: 5, seedDir: join(ROOT, 'corpus'), outDir: batch });
    const scratch = mkdtempSync(join(dir, 'scratch-'));
    const memory = scanJson([batch], 'memory');
    expect(scanJson([batch], 'duckdb', ['--scratch', scratch]).equals(memory)).toBe(true);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('refuses an unknown engine, --scratch without duckdb, and a scratch folder that is not one', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const cases: Array<[string[], string]> = [
      [['--engine', 'spark'], "refrain: --engine takes memory or duckdb, got 'spark'"],
      [['--scratch', dir], 'refrain: --scratch goes with --engine duckdb'],
      [
        ['--engine', 'duckdb', '--scratch', join(dir, 'missing')],
        `cannot use ${join(dir, 'missing')} as --scratch: no such folder`,
      ],
      [['--engine', 'duckdb', '--scratch', file], `cannot use ${file} as --scratch: not a folder`],
    ];
    for (const [args, message] of cases) {
      const r = refrain(ROOT, ['scan', 'corpus', '--no-workspace', ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
