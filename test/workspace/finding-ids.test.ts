import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  nextFindingIds,
  openWorkspace,
  resolveFinding,
  staleIdProblem,
  type FindingIds,
} from '../../src/workspace/index.js';
import { scanIntoWorkspace } from '../../src/scan/index.js';
import type { ResultCluster } from '../../src/types.js';

// Finding ids renumber at every scan; a decision given by id must land on the finding the
// reviewer read, or be refused.

const MAIN = join(import.meta.dirname, '../..', 'dist', 'cli', 'main.js');
const CORPUS = join(import.meta.dirname, '../..', 'corpus');

describe('numbering finding ids per scan', () => {
  const first = nextFindingIds({ scan: 0, since: [] }, [], ['a', 'b', 'c']);
  const second = nextFindingIds(first, ['a', 'b', 'c'], ['a', 'c', 'b', 'd']);
  const third = nextFindingIds(second, ['a', 'c', 'b', 'd'], ['a', 'c', 'x']);

  it('the first scan of a workspace renumbers nothing; later ones mark the ids that changed', () => {
    expect(first).toEqual({ scan: 1, since: [0, 0, 0] });
    expect(second).toEqual({ scan: 2, since: [0, 2, 2, 2] });
    expect(third).toEqual({ scan: 3, since: [0, 2, 3] });
  });

  const cases: Array<[string, FindingIds, number, number | undefined, string | null]> = [
    ['an id kept since the first scan, alone', third, 0, undefined, null],
    ['an id renumbered two scans ago, alone', third, 1, undefined, null],
    [
      'an id renumbered by the last scan, alone',
      third,
      2,
      undefined,
      'finding ids changed with the last scan (scan 3), and id 2 now names another finding than before',
    ],
    ['an id renumbered by the last scan, as that scan numbered it', third, 2, 3, null],
    ['an id as an earlier scan numbered it, unchanged since', third, 1, 2, null],
    [
      'an id as a scan before its renumbering numbered it',
      third,
      1,
      1,
      'id 1 has named another finding since scan 2 (the stored scan is scan 3)',
    ],
    ['a scan that does not exist', third, 0, 4, 'there is no scan 4 (the stored scan is scan 3)'],
    ['a workspace saved before numbering, alone', { scan: 0, since: [] }, 5, undefined, null],
  ];
  for (const [title, ids, id, seen, problem] of cases)
    it(title, () => expect(staleIdProblem(ids, id, seen)).toBe(problem));
});

describe('resolveFinding tells keys from ids', () => {
  const clusters = [
    { id: 0, key: '0412aa0000000000' },
    { id: 1, key: '7f00000000000000' },
  ] as ResultCluster[];
  const ids: FindingIds = { scan: 2, since: [0, 2] };
  it('digits alone are an id, key: marks a key prefix of digits', () => {
    expect(resolveFinding('0', clusters, [], ids)).toBe('0412aa0000000000');
    expect(resolveFinding('key:0412', clusters, [], ids)).toBe('0412aa0000000000');
    expect(resolveFinding('7f00', clusters, [], ids)).toBe('7f00000000000000');
  });
  it('an all-digit prefix given as an id is refused with the way to give it', () => {
    expect(() => resolveFinding('0412', clusters, [], ids)).toThrow(
      'no finding 412 in the stored scan (findings are 0..1); for the key starting 0412, write key:0412',
    );
  });
  it('an id renumbered by the last scan is refused, naming the finding it names now', () => {
    expect(() => resolveFinding('1', clusters, [], ids)).toThrow(
      "finding 1 refused: finding ids changed with the last scan (scan 2), and id 1 now names another finding than before. Name the finding by its key instead (finding 1 is now key 7f00000000000000), or, if you read it in scan 2's listing, as 1@2",
    );
    expect(resolveFinding('1@2', clusters, [], ids)).toBe('7f00000000000000');
  });
});

describe('refrain decide after a rescan renumbered the findings', () => {
  let dir: string;
  let ws: string;
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'refrain-wids-'));
    mkdirSync(join(dir, 'batch'));
    for (const name of readdirSync(CORPUS)) copyFileSync(join(CORPUS, name), join(dir, 'batch', name));
    ws = join(dir, 'w.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an id read before the rescan is refused, id@scan and keys land on the finding meant', async () => {
    const files = readdirSync(join(dir, 'batch'))
      .sort()
      .map((n) => join(dir, 'batch', n));
    const before = (await scanIntoWorkspace(files.slice(0, 3), { workspace: ws })).result.clusters;
    // The rescan, as the command line shows it: the number of the scan whose ids it lists.
    const rescan = run('scan', 'batch', '--workspace', ws, '--top', '3');
    expect(rescan.code).toBe(0);
    expect(rescan.out).toMatch(/^workspace .*w\.db, scan 2: 5 files given, 2 analysed, 3 unchanged \(skipped\)$/m);
    expect(rescan.out).toMatch(
      /^Finding ids above are scan 2's: give one to 'refrain decide' as 0@2, or give the key\.$/m,
    );
    const after = openWorkspace(ws, { readonly: true });
    const now = after.loadSummary()!.clusters;
    after.close();
    // The reviewer read finding `id` in the first listing; since the rescan it names another.
    const nowKeys = new Set(now.map((c) => c.key));
    const id = before.findIndex((c, i) => now[i] !== undefined && now[i].key !== c.key && nowKeys.has(c.key));
    expect(id).toBeGreaterThanOrEqual(0);

    const refused = run('decide', '--workspace', ws, String(id), 'copied');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`refrain: finding ${id} refused: finding ids changed with the last scan (scan 2)`);
    expect(refused.err).toMatch(/\n {2}now: “.+”\n {2}.*batch\/.*\.txt:\d+/);
    expect(run('decide', '--workspace', ws, `${id}@1`, 'copied').code).toBe(2);

    const byKey = run('decide', '--workspace', ws, `key:${before[id].key.slice(0, 8)}`, 'copied', '--note', 'as read');
    expect(byKey.code).toBe(0);
    const byNewId = run('decide', '--workspace', ws, `${id}@2`, 'boilerplate');
    expect(byNewId.code).toBe(0);
    expect(byNewId.out).toMatch(new RegExp(`^finding ${id} of scan 2 \\(key ${now[id].key}\\): boilerplate, saved `));
    expect(byNewId.out).toMatch(/\n {2}text: “.+”\n/);
    const w = openWorkspace(ws, { readonly: true });
    expect(w.decisions().map((d) => [d.key, d.label, d.note])).toEqual(
      [
        [before[id].key, 'copied', 'as read'],
        [now[id].key, 'boilerplate', ''],
      ].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
    w.close();
  });
});
