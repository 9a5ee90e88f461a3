import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace, type DecisionsFile } from '../../src/workspace/index.js';
import { scanIntoWorkspace } from '../../src/scan/index.js';

// Salvage: the decisions (and their log) of a workspace come out as a file even when the rest of
// the workspace is damaged, and go into another workspace without overwriting newer ones.

const MAIN = join(import.meta.dirname, '../..', 'dist', 'cli', 'main.js');
const CORPUS = join(import.meta.dirname, '../..', 'corpus');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-salvage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function refrain(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8', input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A scanned workspace with three decisions (one changed, one cleared on the way). */
async function decided(name: string): Promise<string> {
  const path = join(dir, name);
  const { result } = await scanIntoWorkspace([CORPUS], { workspace: path });
  const [a, b, c] = result.clusters.map((x) => x.key);
  const ws = openWorkspace(path);
  ws.decide(a, 'boilerplate', '页眉页脚', '2026-01-01T00:00:01.000Z');
  ws.decide(b, 'copied', '', '2026-01-01T00:00:02.000Z');
  ws.decide(b, 'false-match', 'topic words', '2026-01-01T00:00:03.000Z');
  ws.decide(c, 'copied', 'to clear', '2026-01-01T00:00:04.000Z');
  ws.clearDecision(c, '2026-01-01T00:00:05.000Z');
  ws.close();
  return path;
}

/** Overwrites every page of the named tables with junk, as a failing disk might. */
function damage(path: string, tables: string[]): void {
  const db = new Database(path, { readonly: true });
  const pages = db
    .prepare(`SELECT pageno FROM dbstat WHERE name IN (${tables.map(() => '?').join(', ')})`)
    .pluck()
    .all(...tables) as number[];
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  expect(pages.length).toBeGreaterThan(0);
  const fd = openSync(path, 'r+');
  for (const page of pages) writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (page - 1) * size);
  closeSync(fd);
}

const MOST_TABLES = ['documents', 'paragraphs', 'clusters', 'members', 'document_pairs', 'meta'];

describe('refrain decisions export', () => {
  it('gets the decisions and their log out of a workspace too damaged for any other command', async () => {
    const path = await decided('w.db');
    const healthy = openWorkspace(path, { readonly: true });
    const decisions = healthy.decisions();
    const log = healthy.decisionLog();
    healthy.close();
    damage(path, MOST_TABLES);
    const report = refrain(['report', path]);
    expect(report.code).toBe(2);
    expect(report.err).toMatch(/is corrupt .*'refrain decisions export' may still get its decisions out/);

    const out = join(dir, 'decisions.json');
    const r = refrain(['decisions', 'export', path, '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`exported 2 decisions and 5 log entries from ${path} to ${out}\n`);
    const file = JSON.parse(readFileSync(out, 'utf8')) as DecisionsFile;
    const { exportedAt, ...rest } = file;
    expect(rest).toEqual({ format: 'refrain-decisions', version: 1, workspace: path, decisions, log });
    expect(exportedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(log.map((e) => e.label)).toEqual(['boilerplate', 'copied', 'false-match', 'copied', null]);
  });

  it('exports the decisions, with a warning, when their log is the damaged part', async () => {
    const path = await decided('w.db');
    const healthy = openWorkspace(path, { readonly: true });
    const decisions = healthy.decisions();
    healthy.close();
    damage(path, ['decision_log']);
    const r = refrain(['decisions', 'export', path]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'refrain: warning: the decision log is damaged and was not exported; the current decisions were\n' +
        `exported 2 decisions and 0 log entries from ${path}\n`,
    );
    const file = JSON.parse(r.out) as DecisionsFile;
    expect(file.decisions).toEqual(decisions);
    expect(file.log).toEqual([]);
  });

  it('refuses, exit 2, a workspace whose decisions are the damaged part, and a file that is no workspace', async () => {
    const path = await decided('w.db');
    damage(path, ['decisions']);
    const r = refrain(['decisions', 'export', path]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `refrain: the decisions of workspace ${path} cannot be read: the file is damaged where they are kept\n`,
    );
    writeFileSync(join(dir, 'notes.db'), 'not a database\n');
    expect(refrain(['decisions', 'export', 'notes.db']).err).toBe(
      'refrain: notes.db is not a SQLite file, so not a refrain workspace; it was left unchanged\n',
    );
  });
});

describe('refrain decisions import', () => {
  it('adds the decisions and log to another workspace; a second import adds nothing', async () => {
    const from = await decided('from.db');
    const exported = refrain(['decisions', 'export', from]).out;
    const r = refrain(['decisions', 'import', '-', '--workspace', 'to.db'], exported);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^imported into to\.db from .*from\.db \(exported .*\): 2 added, 0 replaced \(older there\), 0 already there, 0 kept \(newer there\); 5 log entries added\n$/,
    );
    const source = openWorkspace(from, { readonly: true });
    const target = openWorkspace(join(dir, 'to.db'), { readonly: true });
    expect(target.decisions()).toEqual(source.decisions());
    expect(target.decisionLog()).toEqual(source.decisionLog());
    source.close();
    target.close();
    const again = refrain(['decisions', 'import', '-', '--workspace', 'to.db'], exported);
    expect(again.out).toMatch(
      /: 0 added, 0 replaced \(older there\), 2 already there, 0 kept \(newer there\); 0 log entries added\n$/,
    );
  });

  it("keeps a newer decision of the workspace and says so; takes the file's where the workspace's is older; --overwrite takes the file's", async () => {
    const from = await decided('from.db');
    const file = JSON.parse(refrain(['decisions', 'export', from]).out) as DecisionsFile;
    const [first, second] = file.decisions;
    writeFileSync(join(dir, 'd.json'), JSON.stringify(file));
    const to = join(dir, 'to.db');
    const ws = openWorkspace(to, { create: true });
    ws.decide(first.key, 'copied', 'decided later here', '2026-06-01T00:00:00.000Z');
    ws.decide(second.key, 'copied', 'decided earlier here', '2025-06-01T00:00:00.000Z');
    ws.close();
    const r = refrain(['decisions', 'import', 'd.json', '--workspace', to]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(': 0 added, 1 replaced (older there), 0 already there, 1 kept (newer there);');
    expect(r.out).toContain(
      `\n  kept ${first.key}: copied of 2026-06-01T00:00:00.000Z here, not the file's ${first.label} of ${first.at} (--overwrite takes the file's)\n`,
    );
    const check = openWorkspace(to, { readonly: true });
    expect(
      check
        .decisions()
        .map((d) => d.note)
        .sort(),
    ).toEqual(['decided later here', second.note].sort());
    check.close();
    const forced = refrain(['decisions', 'import', 'd.json', '--workspace', to, '--overwrite']);
    expect(forced.out).toContain(': 0 added, 1 replaced, 1 already there, 0 kept (newer there);');
    const after = openWorkspace(to, { readonly: true });
    expect(after.decisions()).toEqual(file.decisions);
    after.close();
  });

  const bad: Array<[string, string, string]> = [
    ['not JSON', '{"format": ', 'refrain: bad.json is not JSON ('],
    [
      'another JSON file',
      '{"schema": 1}',
      "refrain: bad.json is not a refrain decisions export (made by 'refrain decisions export')\n",
    ],
    [
      'an unknown label',
      '{"format":"refrain-decisions","version":1,"decisions":[{"key":"k","label":"maybe","note":"","at":"t"}]}',
      'refrain: bad.json: decisions[0] has label "maybe", not one of copied, boilerplate, false-match\n',
    ],
    [
      'a newer version',
      '{"format":"refrain-decisions","version":2,"decisions":[]}',
      'refrain: bad.json is a decisions export of version 2; this refrain reads version 1\n',
    ],
  ];
  for (const [title, text, message] of bad) {
    it(`refuses ${title} with exit 2, leaving no workspace made`, () => {
      writeFileSync(join(dir, 'bad.json'), text);
      const r = refrain(['decisions', 'import', 'bad.json', '--workspace', 'to.db']);
      expect(r.code).toBe(2);
      expect(r.err.startsWith(message)).toBe(true);
      expect(() => readFileSync(join(dir, 'to.db'))).toThrow();
    });
  }
});
