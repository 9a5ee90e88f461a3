import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../../src/workspace/index.js';
import { scanIntoWorkspace } from '../../src/scan/index.js';
import type { Decision, ScanResult } from '../../src/types.js';

// The commands run from the build (dist/), as a user runs them; `npm test` builds first.
const MAIN = join(import.meta.dirname, '../..', 'dist', 'cli', 'main.js');
const CORPUS = join(import.meta.dirname, '../..', 'corpus');

let dir: string;
let ws: string;
let result: ScanResult;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-wcli-'));
  ws = join(dir, 'w.db');
  result = (await scanIntoWorkspace([CORPUS], { workspace: ws })).result;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refrain(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('refrain decide', () => {
  it('records a decision by finding id, then by key prefix, then clears it', () => {
    const key = result.clusters[2].key;
    const set = refrain('decide', '--workspace', ws, '2', 'boilerplate', '--note', '页眉页脚');
    expect(set.err).toBe('');
    expect(set.code).toBe(0);
    expect(set.out).toMatch(
      new RegExp(`^finding 2 of scan 1 \\(key ${key}\\): boilerplate \\(页眉页脚\\), saved \\d{4}-\\d\\d-\\d\\dT`),
    );
    // A new label without --note keeps the note; --note '' removes it.
    const again = refrain('decide', '--workspace', ws, key.slice(0, 10), 'copied');
    expect(again.code).toBe(0);
    expect(again.out.split('\n')[0]).toMatch(/: copied \(页眉页脚\), saved /);
    const w = openWorkspace(ws, { readonly: true });
    expect(w.decisions().map((d) => [d.key, d.label, d.note])).toEqual([[key, 'copied', '页眉页脚']]);
    w.close();
    expect(refrain('decide', '--workspace', ws, key, 'copied', '--note', '').code).toBe(0);
    const w1 = openWorkspace(ws, { readonly: true });
    expect(w1.decisions().map((d) => [d.key, d.label, d.note])).toEqual([[key, 'copied', '']]);
    w1.close();
    const clear = refrain('decide', '--workspace', ws, '2', 'clear');
    expect(clear.out.split('\n')[0]).toBe(`finding 2 of scan 1 (key ${key}): decision cleared`);
    const w2 = openWorkspace(ws, { readonly: true });
    expect(w2.decisions()).toEqual([]);
    w2.close();
  });

  it('records who decided: --reviewer, or the login name', () => {
    const key = result.clusters[3].key;
    const named = refrain('decide', '--workspace', ws, '3', 'copied', '--reviewer', '审计员甲', '--note', '同一段');
    expect(named.code).toBe(0);
    expect(named.out).toMatch(
      new RegExp(`^finding 3 of scan 1 \\(key ${key}\\): copied \\(同一段\\), saved \\S+ by 审计员甲\n`),
    );
    const plain = refrain('decide', '--workspace', ws, '3', 'boilerplate');
    expect(plain.out.split('\n')[0].endsWith(` by ${userInfo().username}`)).toBe(true);
    const cleared = refrain('decide', '--workspace', ws, '3', 'clear', '--reviewer', 'li.ming');
    expect(cleared.code).toBe(0);
    const w = openWorkspace(ws, { readonly: true });
    expect(
      w
        .decisionLog()
        .filter((e) => e.key === key)
        .map((e) => [e.label, e.reviewer]),
    ).toEqual([
      ['copied', '审计员甲'],
      ['boilerplate', userInfo().username],
      [null, 'li.ming'],
    ]);
    w.close();
    const empty = refrain('decide', '--workspace', ws, '3', 'copied', '--reviewer', ' ');
    expect(empty.code).toBe(2);
    expect(empty.err).toBe('refrain: --reviewer needs a name, e.g. --reviewer "Li Ming"\n');
  });

  const refusals: Array<[string, string[], string]> = [
    [
      'an unknown label',
      ['0', 'maybe'],
      "refrain: unknown label 'maybe'; use one of: copied, boilerplate, false-match, clear\n",
    ],
    ['a finding id out of range', ['9999', 'copied'], 'refrain: no finding 9999 in the stored scan'],
    ['a missing label', ['0'], 'refrain: decide takes a finding and a label'],
  ];
  for (const [title, args, message] of refusals) {
    it(`refuses ${title} with exit 2`, () => {
      const r = refrain('decide', '--workspace', ws, ...args);
      expect(r.code).toBe(2);
      expect(r.err.startsWith(message)).toBe(true);
    });
  }

  it('refuses a workspace that is not SQLite, leaving it unchanged', () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'meeting notes\n');
    const r = refrain('decide', '--workspace', path, '0', 'copied');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`refrain: ${path} is not a SQLite file, so not a refrain workspace; it was left unchanged\n`);
    expect(readFileSync(path, 'utf8')).toBe('meeting notes\n');
  });
});

describe('refrain report', () => {
  it('--format json is the stored scan plus the decisions', () => {
    expect(refrain('decide', '--workspace', ws, '1', 'false-match', '--note', 'topic words').code).toBe(0);
    const r = refrain('report', ws, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as ScanResult & { decisions: unknown[] };
    const { decisions, ...scan } = json;
    expect(scan).toEqual(result);
    // Other tests of this file decided other findings in the same workspace.
    const mine = (decisions as Decision[]).filter((d) => d.key === result.clusters[1].key);
    expect(mine.map(({ at: _at, ...d }) => d)).toEqual([
      { key: result.clusters[1].key, label: 'false-match', note: 'topic words', reviewer: userInfo().username },
    ]);
    expect(mine[0].at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('writes to a file with -o, and reads ./refrain.db by default', () => {
    const out = join(dir, 'r.md');
    expect(refrain('report', ws, '--format', 'md', '-o', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# refrain report\n/);
    const none = refrain('report');
    expect(none.code).toBe(2);
    expect(none.err).toBe("refrain: no workspace at refrain.db (run 'refrain scan' to make one)\n");
    expect(existsSync(join(dir, 'refrain.db'))).toBe(false);
  });

  it('--top N lists N findings in the Markdown report; other formats and bad counts are refused', () => {
    const md = refrain('report', ws, '--top', '2');
    expect(md.code).toBe(0);
    expect(md.out.match(/^### \d+\. Finding/gm)).toHaveLength(2);
    // Finding 1 was marked a false match above: it is left out of the ranking.
    expect(md.out).toContain(
      `The 2 findings most worth reading, of ${result.clusters.length - 1} (1 marked false match left out); \`refrain report --top N\` shows more`,
    );
    const csv = refrain('report', ws, '--format', 'csv', '--top', '2');
    expect([csv.code, csv.err]).toEqual([2, "refrain: --top goes with --format md only, not 'csv'\n"]);
    const bad = refrain('report', ws, '--top', 'ten');
    expect([bad.code, bad.err]).toEqual([2, "refrain: --top takes a whole number of findings, 0 or more, got 'ten'\n"]);
  });

  it('refuses an unknown format and a workspace with no scan, with exit 2', () => {
    const format = refrain('report', ws, '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/^refrain: unknown report format 'xml'; valid formats: json, md, csv/);
    const empty = join(dir, 'empty.db');
    openWorkspace(empty, { create: true }).close();
    const r = refrain('report', empty);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `refrain: workspace ${empty} holds no scan yet; run 'refrain scan PATH... --workspace ${empty}' first\n`,
    );
  });
});

describe('a workspace that cannot be used', () => {
  // Every command that meets one says why and exits 2: a bad workspace is an input, not a bug.
  const notes = () => join(dir, 'not-a-workspace.db');
  const commands: Array<[string, () => string[]]> = [
    ['scan', () => ['scan', CORPUS, '--workspace', notes(), '-q']],
    ['scan --against', () => ['scan', CORPUS, '--against', notes(), '--no-workspace', '-q']],
    [
      'scan --workspace --against',
      () => ['scan', CORPUS, '--workspace', join(dir, 'fresh.db'), '--against', notes(), '-q'],
    ],
    ['decide', () => ['decide', '--workspace', notes(), '0', 'copied']],
    ['report', () => ['report', notes()]],
    ['decisions export', () => ['decisions', 'export', notes()]],
    ['decisions import', () => ['decisions', 'import', join(dir, 'decisions.json'), '--workspace', notes()]],
  ];
  for (const [name, args] of commands) {
    it(`is refused by ${name} with exit 2 and the reason, left unchanged`, () => {
      writeFileSync(notes(), 'meeting notes\n');
      writeFileSync(
        join(dir, 'decisions.json'),
        JSON.stringify({
          format: 'refrain-decisions',
          version: 1,
          workspace: 'a.db',
          exportedAt: 't',
          decisions: [],
          log: [],
        }),
      );
      const r = refrain(...args());
      expect(r.err).toBe(
        `refrain: ${notes()} is not a SQLite file, so not a refrain workspace; it was left unchanged\n`,
      );
      expect(r.code).toBe(2);
      expect(readFileSync(notes(), 'utf8')).toBe('meeting notes\n');
    });
  }
});
