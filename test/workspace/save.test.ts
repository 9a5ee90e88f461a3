import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace } from '../../src/workspace/index.js';
import type { Analysis } from '../../src/types.js';
import { makeScan as scan } from '../support/workspace-data.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-wsave-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Sets paragraph 0's line number of each of `docs` behind saveScan's back, to see which rows it writes again. */
function markLines(path: string, docs: number[]): void {
  const db = new Database(path);
  for (const doc of docs) db.prepare(`UPDATE paragraphs SET line = 999 WHERE doc = ? AND idx = 0`).run(doc);
  db.close();
}

describe('saveScan with unchanged analyses', () => {
  it('leaves the rows of documents whose stored analysis is reused, and updates their scores', () => {
    const path = join(dir, 'w.db');
    const ws = openWorkspace(path, { create: true });
    const first = scan(1, 4, 3);
    ws.saveScan(first.result, first.analyses);

    const stored = ws.storedAnalyses();
    const analyses = first.result.documents.map((d) => stored.get(d.path)!.analysis);
    // Document 2 changed (a new analysis, as a rescan makes for a changed file); the others are reused.
    analyses[2] = first.analyses[2];
    const rescored = {
      ...first.result,
      documents: first.result.documents.map((d) => (d.id === 1 ? { ...d, templatedRatio: 0.75 } : d)),
    };
    markLines(path, [0, 2]);
    ws.saveScan(rescored, analyses, { unchanged: new Set([analyses[0], analyses[1], analyses[3]]) });

    const loaded = ws.loadResult()!;
    expect(loaded.documents.map((d) => d.paragraphs[0].line)).toEqual([999, 1, 1, 1]);
    expect(loaded.documents[1].templatedRatio).toBe(0.75);
    ws.saveScan(rescored, analyses);
    expect(ws.loadResult()).toEqual(rescored);
    ws.close();
  });

  it('writes a reused analysis again when its document moved to another id', () => {
    const path = join(dir, 'w.db');
    const ws = openWorkspace(path, { create: true });
    const first = scan(2, 3, 2);
    ws.saveScan(first.result, first.analyses);
    const stored = ws.storedAnalyses();
    // The batch without its first document: the others move up one id.
    const documents = first.result.documents.slice(1).map((d, i) => ({ ...d, id: i }));
    const result = { ...first.result, documents, clusters: [], documentPairs: [] };
    const analyses = documents.map((d) => stored.get(d.path)!.analysis);
    ws.saveScan(result, analyses, { unchanged: new Set(analyses) });
    expect(ws.loadResult()).toEqual(result);
    const again = ws.storedAnalyses();
    expect([...again.keys()]).toEqual(documents.map((d) => d.path));
    for (const a of analyses) expect(again.get(a.document.path)!.analysis).toEqual(a);
    ws.close();
  });
});

describe('storedAnalyses a slice at a time', () => {
  it('hands over every analysis once, in slices, and returns the same as a whole load', () => {
    const ws = openWorkspace(join(dir, 'w.db'), { create: true });
    const { result, analyses } = scan(5, 1100, 2);
    ws.saveScan(result, analyses);
    const slices: Analysis[][] = [];
    const sliced = ws.storedAnalyses((slice) => slices.push(slice));
    expect(slices.map((x) => x.length)).toEqual([500, 500, 100]);
    expect(slices.flat().map((a) => a.document.path)).toEqual(analyses.map((a) => a.document.path));
    expect(slices.flat()).toEqual(analyses);
    expect(sliced).toEqual(ws.storedAnalyses());
    ws.close();
  });
});
