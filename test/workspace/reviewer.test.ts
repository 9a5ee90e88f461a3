import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace, SCHEMA_VERSION } from '../../src/workspace/index.js';
import { APPLICATION_ID, MIGRATIONS } from '../../src/workspace/schema.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { makeScan as scan } from '../support/workspace-data.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-reviewer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('who made a decision', () => {
  it('is kept with the decision and in the log, for decisions, clears and carried decisions alike', () => {
    const ws = openWorkspace(join(dir, 'w.db'), { create: true });
    const first = scan(1);
    ws.saveScan(first.result, first.analyses);
    expect(ws.decide('k1', 'copied', 'same clause', 't1', '审计员甲')).toEqual({ key: 'k1', label: 'copied', note: 'same clause', at: 't1', reviewer: '审计员甲' });
    ws.decide('k2', 'boilerplate', '', 't2', 'li.ming');
    ws.decide('k1', 'false-match', 'topic words only', 't3', 'li.ming');
    expect(ws.clearDecision('k2', 't4', 'wang')).toBe(true);
    ws.decide('k3', 'copied', '', 't5');
    const next = scan(2);
    ws.saveScan(next.result, next.analyses, { carried: [{ key: 'k9', label: 'boilerplate', note: 'last year', at: 't0', reviewer: 'zhao' }] });

    expect(ws.decisions()).toEqual([
      { key: 'k1', label: 'false-match', note: 'topic words only', at: 't3', reviewer: 'li.ming' },
      { key: 'k3', label: 'copied', note: '', at: 't5' },
      { key: 'k9', label: 'boilerplate', note: 'last year', at: 't0', reviewer: 'zhao' },
    ]);
    expect(ws.decisionLog().map((e) => `${e.key} ${e.label} ${e.at} ${e.reviewer ?? '-'}`)).toEqual([
      'k1 copied t1 审计员甲',
      'k2 boilerplate t2 li.ming',
      'k1 false-match t3 li.ming',
      'k2 null t4 wang',
      'k3 copied t5 -',
      'k9 boilerplate t0 zhao',
    ]);
    ws.close();
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
