import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const DOC = join(ROOT, 'docs', 'json.md');

let dir: string;
function refrain(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`refrain ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Every field path of a JSON value: `documents`, `documents[].paragraphs[].page`, … */
function fieldPaths(value: unknown, at = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) fieldPaths(item, `${at}[]`, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const path = at === '' ? key : `${at}.${key}`;
      out.add(path);
      fieldPaths(v, path, out);
    }
  }
  return out;
}

/** The fields docs/json.md names: the first cell of its tables' rows. */
function documentedPaths(): Set<string> {
  return new Set([...readFileSync(DOC, 'utf8').matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));
}

/**
 * Real results, as a user makes them: the corpus (and a PDF, for pages, and a binary file, for a
 * diagnostic) scanned into a workspace against last year's, a decision made, the report written.
 */
let outputs: { name: string; json: unknown }[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-json-docs-'));
  const corpus = join(ROOT, 'corpus');
  const names = readdirSync(corpus).filter((n) => n.endsWith('.txt'));
  mkdirSync(join(dir, 'last'));
  mkdirSync(join(dir, 'reports'));
  for (const n of names.slice(0, 2)) copyFileSync(join(corpus, n), join(dir, 'last', n));
  for (const n of names) copyFileSync(join(corpus, n), join(dir, 'reports', n));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'formats', '000-report.pdf'), join(dir, 'reports', 'report.pdf'));
  writeFileSync(join(dir, 'reports', 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0xff]));
  // A mirrored page: one of 001's paragraphs with a gambling site's name spliced in, for `splices`.
  const own = readFileSync(join(corpus, names[1]), 'utf8')
    .split('\n')
    .find((l) => l.includes('牢固树立法律权威至上'))!;
  writeFileSync(
    join(dir, 'reports', 'mirror.txt'),
    own.replace('在发展经济社会事务', '在澳门皇冠官方网站发展经济社会事务'),
  );
  refrain('scan', 'last', '--workspace', 'last.db', '-q');
  refrain('scan', 'reports', '--no-workspace', '--json', 'plain.json', '-q');
  refrain('scan', 'reports', '--workspace', 'now.db', '--against', 'last.db', '--json', 'against.json', '-q');
  refrain('decide', '--workspace', 'now.db', '0', 'copied', '--note', 'handed in again', '--reviewer', 'li.ming');
  refrain('report', 'now.db', '--format', 'json', '-o', 'report.json');
  refrain('scan', 'reports', '--no-workspace', '--reference', join(ROOT, 'reference'), '--json', 'recited.json', '-q');
  outputs = ['plain.json', 'against.json', 'report.json', 'recited.json'].map((name) => ({
    name,
    json: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown,
  }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/json.md', () => {
  it('names every field a real result has, and no field that none has', () => {
    const seen = new Set<string>();
    for (const o of outputs) for (const path of fieldPaths(o.json)) seen.add(path);
    const documented = documentedPaths();
    expect([...seen].filter((p) => !documented.has(p)).sort()).toEqual([]);
    expect([...documented].filter((p) => !seen.has(p)).sort()).toEqual([]);
  });

  it('is right that SOURCE_DATE_EPOCH makes two scans byte-identical, with that time in scan.at', () => {
    const run = (out: string) =>
      spawnSync(process.execPath, [MAIN, 'scan', 'reports', '--no-workspace', '-q', '--json', out], {
        cwd: dir,
        env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
      });
    expect([run('a.json').status, run('b.json').status]).toEqual([0, 0]);
    const [a, b] = ['a.json', 'b.json'].map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(a).toBe(b);
    expect((JSON.parse(a) as { scan: { at: string } }).scan.at).toBe('2026-01-01T00:00:00.000Z');
  });

  it('lists the result fields in the order refrain writes them', () => {
    const order = [...documentedPaths()].filter((p) => !p.includes('.') && p !== 'decisions');
    expect(Object.keys(outputs[1].json as object)).toEqual(order);
  });
});
