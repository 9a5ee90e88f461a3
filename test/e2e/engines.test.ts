import { afterAll, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
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

/** A scan with --exchange: its status, standard error and JSON (empty until it finishes). */
function exchangeScan(paths: string[], folder: string): { status: number | null; stderr: string; json: Buffer } {
  const out = join(dir, `exchange-${readdirSync(dir).length}.json`);
  const args = [MAIN, 'scan', ...paths, '--no-workspace', '-q', '--json', out, '--exchange', folder];
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
  });
  return { status: run.status, stderr: run.stderr, json: existsSync(out) ? readFileSync(out) : Buffer.alloc(0) };
}

/** Rewrites a Parquet file as a folder of two part files in no useful order, as a Spark job leaves it. */
async function asPartFiles(file: string, column: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const parts = `${file}.parts`;
  mkdirSync(parts);
  await connection.run(
    `COPY (SELECT * FROM read_parquet('${file}') WHERE ${column} % 2 = 1 ORDER BY ${column} DESC) TO '${parts}/part-00000.parquet' (FORMAT parquet)`,
  );
  await connection.run(
    `COPY (SELECT * FROM read_parquet('${file}') WHERE ${column} % 2 = 0) TO '${parts}/part-00001.parquet' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  rmSync(file);
  renameSync(parts, file);
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
    const batch = join(dir, 'batch-450');
    generateBatch({ docs: 450, seed: 5, seedDir: join(ROOT, 'corpus'), outDir: batch });
    const scratch = mkdtempSync(join(dir, 'scratch-'));
    const memory = scanJson([batch], 'memory');
    expect(scanJson([batch], 'duckdb', ['--scratch', scratch]).equals(memory)).toBe(true);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('--exchange hands both candidate steps out as Parquet and, given their outputs, writes the same JSON', () => {
    const paths = ['corpus', '--reference', 'reference'];
    const memory = scanJson(paths, 'memory');
    const folder = join(dir, 'exchange');
    const scan = () => exchangeScan(paths, folder);
    let run = scan();
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`candidate step 'offers' runs outside refrain: its tables (units) are in ${folder}`);
    expect(readdirSync(folder).sort()).toEqual(['manifest.json', 'units.parquet']);
    expect(refrain(ROOT, ['candidates', folder]).status).toBe(0);
    run = scan();
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("candidate step 'partners'");
    expect(refrain(ROOT, ['candidates', folder]).status).toBe(0);
    run = scan();
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.json.equals(memory)).toBe(true);
    // Another batch through the same folder: the outputs of the corpus's tables are not taken for its own.
    run = exchangeScan(['corpus/000_8507adb33dc1f7a6.txt', 'corpus/004_8c642f3c1dbf128b.txt'], folder);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("candidate step 'offers'");
    expect(readdirSync(folder).sort()).toEqual(['manifest.json', 'repeats.parquet', 'runs.parquet', 'units.parquet']);
  });

  it('--exchange reads a step output written as a folder of part files, once marked finished', async () => {
    const batch = join(dir, 'batch-450');
    generateBatch({ docs: 450, seed: 5, seedDir: join(ROOT, 'corpus'), outDir: batch });
    const memory = scanJson([batch], 'memory');
    const folder = join(dir, 'exchange-parts');
    for (const step of ['offers', 'partners']) {
      expect(exchangeScan([batch], folder).status).toBe(3);
      expect(refrain(ROOT, ['candidates', folder]).status).toBe(0);
      await asPartFiles(join(folder, `${step}.parquet`), step === 'offers' ? 'u' : 'p');
      // Spark writes _SUCCESS last: before it, the output may be half written and is not read.
      const unfinished = exchangeScan([batch], folder);
      expect([unfinished.status, unfinished.stderr]).toEqual([3, expect.stringContaining(`step '${step}'`)]);
      writeFileSync(join(folder, `${step}.parquet`, '_SUCCESS'), '');
    }
    const run = exchangeScan([batch], folder);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.json.equals(memory)).toBe(true);
  });

  it('says so when DuckDB runs out of the memory it was given, and how to give it more', () => {
    const r = refrain(ROOT, [
      'scan',
      'corpus',
      '--no-workspace',
      '-q',
      '--engine',
      'duckdb',
      '--engine-memory',
      '100KB',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^refrain: the duckdb engine stopped: .*(could not|failed to) allocate.*; give it more memory than 100KB \(--engine-memory\)/,
    );
  });

  it('candidates refuses a folder that is not an exchange, or has no step waiting', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    const cases: Array<[string[], string]> = [
      [[], 'candidates takes one exchange folder, got 0'],
      [[join(dir, 'missing')], `${join(dir, 'missing')} is not a folder`],
      [[empty], `${empty} has no candidate step waiting: run 'refrain scan --exchange ${empty}' first`],
    ];
    for (const [args, message] of cases) {
      const r = refrain(ROOT, ['candidates', ...args]);
      expect([r.status, r.stderr]).toEqual([2, expect.stringContaining(message)]);
    }
  });

  it('--exchange refuses a foreign manifest and a step output without the step columns', async () => {
    const foreign = mkdtempSync(join(dir, 'foreign-'));
    writeFileSync(join(foreign, 'manifest.json'), '{"format": "something else"}');
    for (const run of [exchangeScan(['corpus'], foreign), refrain(ROOT, ['candidates', foreign])])
      expect([run.status, run.stderr]).toEqual([
        2,
        `refrain: ${join(foreign, 'manifest.json')} is not a refrain candidate exchange\n`,
      ]);
    const folder = mkdtempSync(join(dir, 'misshapen-'));
    expect(exchangeScan(['corpus'], folder).status).toBe(3);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 1 AS x) TO '${join(folder, 'offers.parquet')}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const run = exchangeScan(['corpus'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^refrain: \S+offers\.parquet does not hold the step's columns \(u, para, votes, arrival\): /,
    );
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
      [['--engine-memory', '1GB'], 'refrain: --engine-memory goes with --engine duckdb'],
      [
        ['--engine', 'duckdb', '--engine-memory', 'lots'],
        "--engine-memory takes a size such as 512MB or 4GB, got 'lots'",
      ],
      [['--exchange', dir, '--engine', 'duckdb'], '--exchange cannot go with --engine or --scratch'],
    ];
    for (const [args, message] of cases) {
      const r = refrain(ROOT, ['scan', 'corpus', '--no-workspace', ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
