import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, WorkspaceError } from '../../src/workspace/index.js';
import { makeScan as scan } from '../support/workspace-data.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-summary-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A saved scan with a past document, extra fields, and a finding of 12 members (pos 10 and 11 after 9). */
function saved() {
  const { result, analyses } = scan(7, 12, 5);
  result.documents[11].past = 'last-year.db';
  (result.documents[3] as unknown as Record<string, unknown>).note = 'doc extra';
  result.clusters.push({
    id: result.clusters.length,
    scope: 'across',
    kind: 'near',
    boilerplate: true,
    content: 12,
    docCount: 12,
    similarity: 0.9,
    chars: 20,
    key: 'k-many',
    members: Array.from({ length: 12 }, (_, d) =>
      d === 5 ? { doc: d, paragraph: 4, start: 0, end: 2 } : { doc: d, paragraph: (d * 3) % 5 },
    ),
  });
  // A member field with no column: that cluster is read row by row.
  (result.clusters[1].members[1] as unknown as Record<string, unknown>).weight = 3;
  const path = join(dir, 'w.db');
  const ws = openWorkspace(path, { create: true });
  ws.saveScan(result, analyses);
  return { ws, result, path };
}

describe('Workspace.loadSummary and paragraph reads', () => {
  it('is the full result without paragraphs and document pairs, fields in the same order', () => {
    const { ws, result } = saved();
    const summary = ws.loadSummary()!;
    const { documentPairs, ...rest } = result;
    expect(documentPairs.length).toBeGreaterThan(0);
    const expected = { ...rest, documents: result.documents.map(({ paragraphs: _paragraphs, ...d }) => d) };
    expect(JSON.stringify(summary)).toBe(JSON.stringify(expected));
    expect(summary.clusters.at(-1)!.members.map((m) => m.doc)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // loadResult is built on the same reads and still gives back exactly what was saved.
    expect(JSON.stringify(ws.loadResult())).toBe(JSON.stringify(result));
    expect(ws.documentPairs()).toEqual(result.documentPairs);
    ws.close();
  });

  it('reads one paragraph, one report, or every paragraph a page at a time', () => {
    const { ws, result } = saved();
    expect(ws.paragraph(1, 1)).toEqual(result.documents[1].paragraphs[1]);
    expect(ws.paragraph(4, 3)).toEqual(result.documents[4].paragraphs[3]);
    expect(ws.paragraph(4, 5)).toBeUndefined();
    expect(ws.paragraph(40, 0)).toBeUndefined();
    expect(ws.paragraphsOf(2)).toEqual(result.documents[2].paragraphs);
    expect(ws.paragraphsOf(40)).toEqual([]);
    // Pages of 7 across documents of 5 paragraphs: each page starts where the last one ended.
    const read: { doc: number; paragraph: unknown }[] = [];
    let after: { doc: number; index: number } | null = null;
    for (;;) {
      const page = ws.paragraphPage(after, 7);
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(7);
      read.push(...page);
      const last = page[page.length - 1];
      after = { doc: last.doc, index: last.paragraph.index };
    }
    expect(read).toEqual(result.documents.flatMap((d) => d.paragraphs.map((paragraph) => ({ doc: d.id, paragraph }))));
    expect(ws.paragraphPage({ doc: 11, index: 4 }, 7)).toEqual([]);
    ws.close();
  });

  it('is null before the first scan', () => {
    const ws = openWorkspace(join(dir, 'new.db'), { create: true });
    expect(ws.loadSummary()).toBeNull();
    ws.close();
  });
});

describe('opening with checkTables', () => {
  function damage(path: string) {
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 2, bytes.length - 4096);
    writeFileSync(path, bytes);
    return bytes;
  }

  it('refuses a workspace whose checked tables are damaged, and leaves it unchanged', () => {
    const { ws, path } = saved();
    ws.close();
    const before = damage(path);
    expect(() => openWorkspace(path, { checkTables: ['meta', 'clusters', 'members'] })).toThrow(/is corrupt/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('reports damage in unchecked tables as a WorkspaceError when a read meets it', () => {
    const { ws, path } = saved();
    ws.close();
    damage(path);
    const opened = openWorkspace(path, { checkTables: [], readonly: true });
    let error: unknown;
    try {
      opened.loadSummary();
    } catch (e) {
      error = e;
    }
    opened.close();
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as Error).message).toMatch(/is corrupt/);
  });

  it('refuses a name that is not a table name', () => {
    const { ws, path } = saved();
    ws.close();
    expect(() => openWorkspace(path, { checkTables: ['meta; DROP TABLE meta'] })).toThrow(/not a table name/);
  });
});
