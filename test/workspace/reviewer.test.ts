import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../../src/workspace/index.js';
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
    expect(ws.decide('k1', 'copied', 'same clause', 't1', '审计员甲')).toEqual({
      key: 'k1',
      label: 'copied',
      note: 'same clause',
      at: 't1',
      reviewer: '审计员甲',
    });
    ws.decide('k2', 'boilerplate', '', 't2', 'li.ming');
    ws.decide('k1', 'false-match', 'topic words only', 't3', 'li.ming');
    expect(ws.clearDecision('k2', 't4', 'wang')).toBe(true);
    ws.decide('k3', 'copied', '', 't5');
    const next = scan(2);
    ws.saveScan(next.result, next.analyses, {
      carried: [{ key: 'k9', label: 'boilerplate', note: 'last year', at: 't0', reviewer: 'zhao' }],
    });

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
