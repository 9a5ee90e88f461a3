import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace, SCHEMA_VERSION } from '../../src/workspace/index.js';
import { APPLICATION_ID, MIGRATIONS } from '../../src/workspace/schema.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { scanPaths } from '../../src/scan/index.js';
import type { Analysis, ScanResult } from '../../src/types.js';
import { makeScan as scan } from '../support/workspace-data.mjs';

// The commands run from the build (dist/), as a user runs them; `npm test` builds first.
const MAIN = join(import.meta.dirname, '../..', 'dist', 'cli', 'main.js');
const CORPUS = join(import.meta.dirname, '../..', 'corpus');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-schema-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A workspace as a refrain of schema version 3 left it: the scan and analyses saved, each
 * document's unit_start and unit_end filled (every unit a whole paragraph), and a decision.
 */
function version3Workspace(path: string, result: ScanResult, analyses: Analysis[]): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  for (const migration of MIGRATIONS.slice(0, 3)) db.exec(migration);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 3');
  const v3 = new Workspace(path, db, false);
  v3.saveScan(result, analyses);
  const fill = db.prepare(`UPDATE documents SET unit_start = ?, unit_end = ? WHERE id = ?`);
  result.documents.forEach((doc, i) => {
    const units = analyses[i].unitPara.length;
    const ends = Uint32Array.from({ length: units }, (_, u) => 20 + u);
    fill.run(Buffer.from(new Uint32Array(units).buffer), Buffer.from(ends.buffer), doc.id);
  });
  v3.decide('k3-0', 'copied', '同一段', 't1', 'li.ming');
  v3.close();
}

function columns(path: string): { version: number; documents: string[] } {
  const db = new Database(path, { readonly: true });
  const version = db.pragma('user_version', { simple: true }) as number;
  const documents = (db.prepare(`SELECT name FROM pragma_table_info('documents')`).pluck().all() as string[]).sort();
  db.close();
  return { version, documents };
}

describe('schema migration 2 (paragraphs in a rowid table)', () => {
  it('upgrades a version 1 workspace with its scan intact', () => {
    const path = join(dir, 'w.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec(MIGRATIONS[0]);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 1');
    const v1 = new Workspace(path, db, false);
    const { result, analyses } = scan(3, 3, 4);
    v1.saveScan(result, analyses);
    db.prepare(`INSERT INTO decisions (key, label, note, at) VALUES ('k', 'copied', '', 't')`).run();
    v1.close();

    expect(() => openWorkspace(path, { readonly: true })).toThrow(/schema version 1, older than this refrain's/);
    openWorkspace(path).close();
    const ws = openWorkspace(path, { readonly: true });
    expect(ws.loadResult()).toEqual(result);
    expect(ws.storedAnalyses().get(analyses[1].document.path)!.analysis).toEqual(analyses[1]);
    expect(ws.decisions()).toEqual([{ key: 'k', label: 'copied', note: '', at: 't' }]);
    ws.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const sql = (raw.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'paragraphs'`).get() as { sql: string }).sql;
    expect(sql).not.toMatch(/WITHOUT ROWID/);
    raw.close();
  });
});

describe('schema migration 3 (reviewer)', () => {
  it('upgrades a version 2 workspace: its decisions keep what they said, with no reviewer, and new ones have one', () => {
    const path = join(dir, 'v2.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec(MIGRATIONS[0]);
    db.exec(MIGRATIONS[1]);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 2');
    db.prepare(`INSERT INTO decisions (key, label, note, at) VALUES ('old', 'copied', '旧的', 't0')`).run();
    db.prepare(`INSERT INTO decision_log (key, label, note, at) VALUES ('old', 'copied', '旧的', 't0')`).run();
    const v2 = new Workspace(path, db, false);
    const { result, analyses } = scan(3, 3, 4);
    v2.saveScan(result, analyses);
    v2.close();

    expect(() => openWorkspace(path, { readonly: true })).toThrow(/schema version 2, older than this refrain's/);
    const ws = openWorkspace(path);
    expect(ws.loadResult()).toEqual(result);
    ws.decide('new', 'boilerplate', '', 't1', 'li.ming');
    expect(ws.decisions()).toEqual([
      { key: 'new', label: 'boilerplate', note: '', at: 't1', reviewer: 'li.ming' },
      { key: 'old', label: 'copied', note: '旧的', at: 't0' },
    ]);
    expect(ws.decisionLog().map((e) => e.reviewer ?? null)).toEqual([null, 'li.ming']);
    ws.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
  });
});

describe('schema migration 4 (unit_start and unit_end dropped)', () => {
  it('is read as it is by a read-only open, and upgraded with its scan, analyses and decisions by a writer', () => {
    const path = join(dir, 'v3.db');
    const { result, analyses } = scan(3, 3, 4);
    version3Workspace(path, result, analyses);
    const bytes = readFileSync(path);
    expect(columns(path).documents).toContain('unit_start');

    // What report and scan --against read, on a file they may not upgrade.
    const ro = openWorkspace(path, { readonly: true });
    expect(ro.loadResult()).toEqual(result);
    expect(ro.storedAnalyses().get(analyses[2].document.path)!.analysis).toEqual(analyses[2]);
    expect(ro.decisions()).toEqual([{ key: 'k3-0', label: 'copied', note: '同一段', at: 't1', reviewer: 'li.ming' }]);
    ro.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(columns(path).version).toBe(3);

    // Opened for writing as the review opens it (a few tables checked), it is upgraded.
    const ws = openWorkspace(path, { checkTables: ['meta', 'clusters', 'members', 'decisions'] });
    expect(SCHEMA_VERSION).toBe(4);
    expect(columns(path)).toEqual({
      version: 4,
      documents: [
        'band_keys',
        'boilerplate_ratio',
        'chars',
        'encoding',
        'extra',
        'format',
        'hash',
        'id',
        'past',
        'path',
        'templated_ratio',
        'unit_para',
        'within_ratio',
      ],
    });
    expect(ws.loadResult()).toEqual(result);
    const stored = ws.storedAnalyses();
    expect(analyses.map((a) => stored.get(a.document.path)!.analysis)).toEqual(analyses);
    expect(ws.decisions()).toEqual([{ key: 'k3-0', label: 'copied', note: '同一段', at: 't1', reviewer: 'li.ming' }]);
    expect(ws.findingIds().scan).toBe(1);
    // And takes the next scan as any workspace does.
    const next = scan(4, 2, 3);
    expect(ws.saveScan(next.result, next.analyses)).toBe(2);
    expect(ws.loadResult()).toEqual(next.result);
    expect(ws.decisions().map((d) => d.key)).toContain('k3-0');
    ws.close();
  });

  it('still refuses a version 2 workspace to a read-only open, saying how to upgrade it', () => {
    const path = join(dir, 'v2-empty.db');
    const db = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 2)) db.exec(migration);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 2');
    db.close();
    expect(() => openWorkspace(path, { readonly: true })).toThrow(
      /schema version 2, older than this refrain's 4; open it once for writing/,
    );
  });
});

describe('a version 3 workspace on the command line', () => {
  let path: string;
  let bytes: Buffer;
  beforeAll(async () => {
    path = join(dir, 'audit-v3.db');
    const { result, analyses } = await scanPaths([CORPUS]);
    version3Workspace(path, result, analyses);
    bytes = readFileSync(path);
  });

  function refrain(...args: string[]) {
    const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('is reported and scanned against without being written', () => {
    const report = refrain('report', path, '--format', 'json');
    expect(report.err).toBe('');
    expect(report.code).toBe(0);
    const reported = JSON.parse(report.out) as ScanResult & { decisions: unknown[] };
    expect(reported.documents).toHaveLength(5);
    expect(reported.decisions).toHaveLength(1);

    const against = refrain('scan', CORPUS, '--against', path, '--no-workspace', '-q', '--json', '-');
    expect(against.err).toBe('');
    expect(against.code).toBe(0);
    expect((JSON.parse(against.out) as ScanResult).scan?.against?.reports).toBe(5);

    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(columns(path).version).toBe(3);
  });

  it('is upgraded by a command that writes it, keeping its decisions', () => {
    const decide = refrain('decide', '--workspace', path, '0', 'boilerplate', '--reviewer', 'wang');
    expect(decide.err).toBe('');
    expect(decide.code).toBe(0);
    expect(columns(path).version).toBe(4);
    const ws = openWorkspace(path, { readonly: true });
    expect(ws.decisions().map((d) => d.reviewer)).toEqual(expect.arrayContaining(['li.ming', 'wang']));
    ws.close();
  });
});
