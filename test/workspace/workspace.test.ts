import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace, resolveFinding, SCHEMA_VERSION, WorkspaceError } from '../../src/workspace/index.js';
import type { Decision, ResultCluster } from '../../src/types.js';
import { makeScan as scan } from '../support/workspace-data.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-ws-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('saving and loading a scan', () => {
  it('loads back exactly what was saved, in the same JSON text', () => {
    const { result, analyses } = scan(1, 4, 5);
    const ws = openWorkspace(join(dir, 'w.db'), { create: true });
    expect(ws.loadResult()).toBeNull();
    ws.saveScan(result, analyses);
    const loaded = ws.loadResult();
    expect(loaded).toEqual(result);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(result));
    ws.close();
  });

  it('gives back every analysis with equal typed arrays, keyed by path', () => {
    const { result, analyses } = scan(2, 3);
    const path = join(dir, 'w.db');
    const ws = openWorkspace(path, { create: true });
    ws.saveScan(result, analyses);
    ws.close();
    const again = openWorkspace(path, { readonly: true });
    const stored = again.storedAnalyses();
    expect([...stored.keys()]).toEqual(analyses.map((a) => a.document.path));
    for (const a of analyses) {
      const s = stored.get(a.document.path)!;
      expect(s.hash).toBe(a.document.hash);
      expect(s.analysis).toEqual(a);
      expect(s.analysis.bandKeys).toBeInstanceOf(Uint32Array);
      expect(Array.from(s.analysis.bandKeys)).toEqual(Array.from(a.bandKeys));
    }
    again.close();
  });

  it('replaces the previous scan whole, and keeps fields it has no column for', () => {
    const ws = openWorkspace(join(dir, 'w.db'), { create: true });
    const big = scan(3, 5);
    ws.saveScan(big.result, big.analyses);
    const small = scan(4, 2);
    const extra = { ...small.result, note: 'kept', clusters: small.result.clusters.map((c) => ({ ...c, score: 7 })) };
    ws.saveScan(extra, small.analyses);
    expect(ws.loadResult()).toEqual(extra);
    expect([...ws.storedAnalyses().keys()]).toEqual(['batch/0000.txt', 'batch/0001.txt']);
    ws.close();
  });

  it('keeps no analysis for a document marked past, and lists it in the result', () => {
    const { result, analyses } = scan(5, 3);
    result.documents[2].past = 'last-year.db';
    const ws = openWorkspace(join(dir, 'w.db'), { create: true });
    ws.saveScan(result, analyses);
    expect([...ws.storedAnalyses().keys()]).toEqual(['batch/0000.txt', 'batch/0001.txt']);
    expect(ws.loadResult()!.documents[2].past).toBe('last-year.db');
    expect(ws.loadResult()).toEqual(result);
    ws.close();
  });

  it('refuses analyses that do not line up with the documents', () => {
    const { result, analyses } = scan(6, 3);
    const ws = openWorkspace(join(dir, 'w.db'), { create: true });
    expect(() => ws.saveScan(result, analyses.slice(1))).toThrow('2 analyses for 3 documents');
    expect(() => ws.saveScan(result, [analyses[1], analyses[0], analyses[2]])).toThrow(
      'analysis 0 is for batch/0001.txt',
    );
    expect(ws.loadResult()).toBeNull();
    ws.close();
  });
});

describe('decisions', () => {
  it('are committed when made: a second connection sees them at once', () => {
    const path = join(dir, 'w.db');
    const ws = openWorkspace(path, { create: true });
    const d = ws.decide('k1', 'boilerplate', '页眉', '2026-01-02T03:04:05.000Z');
    expect(d).toEqual({ key: 'k1', label: 'boilerplate', note: '页眉', at: '2026-01-02T03:04:05.000Z' });
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT key, label, note, at FROM decisions').all()).toEqual([d]);
    raw.close();
    ws.close();
  });

  it('change, clear and are all logged; a rescan keeps them, and a decided finding now under another key takes its decision along', () => {
    const ws = openWorkspace(join(dir, 'w.db'), { create: true });
    const first = scan(7);
    ws.saveScan(first.result, first.analyses);
    ws.decide('k7-0', 'copied', '', 't1');
    ws.decide('k7-1', 'false-match', 'different topic', 't2');
    ws.decide('k7-0', 'boilerplate', 'slogan', 't3');
    expect(ws.clearDecision('k7-1', 't4')).toBe(true);
    expect(ws.clearDecision('k7-1', 't5')).toBe(false);
    const next = scan(8);
    ws.saveScan(next.result, next.analyses, {
      carried: [
        { key: 'k7-0', label: 'copied', note: 'old', at: 't0' },
        { key: 'c', label: 'copied', note: '', at: 't0' },
      ],
    });
    // Finding k7-0 stands where k8-0 stands now: its decision is k8-0's too.
    expect(ws.decisions()).toEqual<Decision[]>([
      { key: 'c', label: 'copied', note: '', at: 't0' },
      { key: 'k7-0', label: 'boilerplate', note: 'slogan', at: 't3' },
      { key: 'k8-0', label: 'boilerplate', note: 'slogan', at: 't3' },
    ]);
    expect(ws.decisionLog().map((e) => `${e.key} ${e.label} ${e.at}`)).toEqual([
      'k7-0 copied t1',
      'k7-1 false-match t2',
      'k7-0 boilerplate t3',
      'k7-1 null t4',
      'c copied t0',
      'k8-0 boilerplate t3',
    ]);
    ws.close();
  });

  it('refuses an unknown label and writing through a read-only workspace', () => {
    const path = join(dir, 'w.db');
    const ws = openWorkspace(path, { create: true });
    expect(() => ws.decide('k', 'fine' as never)).toThrow(
      "unknown decision 'fine'; use one of: copied, boilerplate, false-match",
    );
    ws.close();
    const ro = openWorkspace(path, { readonly: true });
    expect(() => ro.decide('k', 'copied')).toThrow(WorkspaceError);
    const { result, analyses } = scan(9);
    expect(() => ro.saveScan(result, analyses)).toThrow('opened read-only');
    ro.close();
  });
});

describe('files that are not usable workspaces are refused and left unchanged', () => {
  const sqliteOfAnotherProgram = (path: string) => {
    const db = new Database(path);
    db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('refrain')");
    db.close();
  };
  const newerWorkspace = (path: string) => {
    openWorkspace(path, { create: true }).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
  };
  const corruptWorkspace = (path: string) => {
    const ws = openWorkspace(path, { create: true });
    const { result, analyses } = scan(10, 60, 8);
    ws.saveScan(result, analyses);
    ws.close();
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 2, bytes.length - 4096);
    writeFileSync(path, bytes);
  };
  const cases: Array<[string, (path: string) => void, RegExp]> = [
    ['a text file', (p) => writeFileSync(p, '这不是数据库\n'), /is not a SQLite file/],
    [
      'SQLite magic followed by junk',
      (p) => writeFileSync(p, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(5000, 7)])),
      /is corrupt/,
    ],
    ['a workspace with damaged pages', corruptWorkspace, /is corrupt/],
    ["another program's SQLite database", sqliteOfAnotherProgram, /is a SQLite database but not a refrain workspace/],
    [
      'a workspace from a newer refrain',
      newerWorkspace,
      new RegExp(`newer refrain \\(schema version ${SCHEMA_VERSION + 1}`),
    ],
  ];
  for (const [name, make, message] of cases) {
    for (const mode of ['read-write', 'read-only'] as const) {
      it(`${name} (${mode})`, () => {
        const path = join(dir, 'w.db');
        make(path);
        const before = readFileSync(path);
        let error: unknown;
        try {
          openWorkspace(path, { create: true, readonly: mode === 'read-only' }).close();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(WorkspaceError);
        expect((error as Error).message).toMatch(message);
        expect(readFileSync(path).equals(before)).toBe(true);
        expect(existsSync(`${path}-wal`)).toBe(false);
      });
    }
  }

  it('a missing file when not asked to create, and a folder', () => {
    expect(() => openWorkspace(join(dir, 'none.db'))).toThrow(/no workspace at .*none\.db/);
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
    mkdirSync(join(dir, 'sub.db'));
    expect(() => openWorkspace(join(dir, 'sub.db'), { create: true })).toThrow(/is a folder/);
  });

  it('an empty file is refused for reading, and becomes a workspace when creating', () => {
    const path = join(dir, 'w.db');
    writeFileSync(path, '');
    expect(() => openWorkspace(path, { readonly: true })).toThrow(/is an empty file, not a refrain workspace yet/);
    expect(() => openWorkspace(path)).toThrow(/is an empty file/);
    expect(readFileSync(path).length).toBe(0);
    const ws = openWorkspace(path, { create: true });
    expect(ws.loadResult()).toBeNull();
    ws.close();
    expect(openWorkspace(path, { readonly: true }).decisions()).toEqual([]);
  });

  it("a new workspace is marked as refrain's and can be opened again", () => {
    const path = join(dir, 'w.db');
    openWorkspace(path, { create: true }).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(openWorkspace(path).loadResult()).toBeNull();
  });
});

describe('resolveFinding', () => {
  const clusters = [
    { id: 0, key: 'aa11bb22cc33dd44' },
    { id: 1, key: 'aa11ff0000000000' },
  ] as ResultCluster[];
  const decisions: Decision[] = [{ key: 'ee99000000000000', label: 'copied', note: '', at: 't' }];
  const cases: Array<[string, string]> = [
    ['1', 'aa11ff0000000000'],
    ['aa11bb22cc33dd44', 'aa11bb22cc33dd44'],
    ['aa11b', 'aa11bb22cc33dd44'],
    ['ee99', 'ee99000000000000'],
  ];
  for (const [ref, key] of cases)
    it(`${ref} → ${key}`, () => expect(resolveFinding(ref, clusters, decisions)).toBe(key));
  const bad: Array<[string, string]> = [
    ['7', 'no finding 7 in the stored scan (findings are 0..1)'],
    ['aa11', "key prefix 'aa11' is ambiguous: aa11bb22cc33dd44, aa11ff0000000000"],
    ['abc', "key prefix 'abc' is too short"],
    ['ffff', "no finding with key 'ffff'"],
  ];
  for (const [ref, message] of bad)
    it(`${ref} is refused`, () => expect(() => resolveFinding(ref, clusters, decisions)).toThrow(message));
});
