import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewInput } from '../../../cli/commands/review.js';
import { findingLines, layoutFinding } from '../../../cli/review/finding-view.js';
import { listLines } from '../../../cli/review/list-view.js';
import { cachedParagraphs, type ParagraphReader } from '../../../cli/review/paragraphs.js';
import { reportLines } from '../../../cli/review/report-view.js';
import { initialState, reduce, type Action, type ReviewState } from '../../../cli/review/state.js';
import type { Analysis, Paragraph } from '../../../src/types.js';
import { openWorkspace } from '../../../src/workspace/index.js';
import { fixtureResult } from '../../support/review-fixture.js';

const AT = '2026-01-01T00:00:00.000Z';

/** A reader over fixed paragraphs that counts its reads. */
function countingReader(byDoc: Paragraph[][]) {
  const reads: string[] = [];
  const all = byDoc.flatMap((list, doc) => list.map((paragraph) => ({ doc, paragraph })));
  const reader: ParagraphReader = {
    paragraph(doc, index) {
      reads.push(`p${doc}:${index}`);
      return byDoc[doc]?.[index];
    },
    paragraphs(doc) {
      reads.push(`r${doc}`);
      return byDoc[doc] ?? [];
    },
    nextMemberParagraphs(rows) {
      reads.push(`next${rows}`);
      const slice = all.splice(0, rows);
      return slice.length === 0 ? null : slice;
    },
  };
  return { reader, reads };
}

const docs = fixtureResult().documents.map((d) => d.paragraphs);

describe('cachedParagraphs', () => {
  it('reads a paragraph once, and a missing one once', () => {
    const { reader, reads } = countingReader(docs);
    const cache = cachedParagraphs(reader);
    expect(cache.paragraph(0, 1)).toEqual(docs[0][1]);
    expect(cache.paragraph(0, 1)).toEqual(docs[0][1]);
    expect(cache.paragraph(2, 9)).toBeUndefined();
    expect(cache.paragraph(2, 9)).toBeUndefined();
    expect(reads).toEqual(['p0:1', 'p2:9']);
  });

  it('keeps the last reports read whole, dropping the least recently used', () => {
    const { reader, reads } = countingReader(docs);
    const cache = cachedParagraphs(reader, 2);
    expect(cache.paragraphs(0)).toEqual(docs[0]);
    cache.paragraphs(1);
    cache.paragraphs(0);
    cache.paragraphs(2); // drops report 1, read longest ago
    cache.paragraphs(0);
    cache.paragraphs(1);
    expect(reads).toEqual(['r0', 'r1', 'r2', 'r1']);
    // A paragraph of a report held whole is not read again.
    expect(cache.paragraph(1, 2)).toEqual(docs[1][2]);
    expect(reads).toEqual(['r0', 'r1', 'r2', 'r1']);
  });

  it('readAll reads everything in slices, once; later reads come from memory', () => {
    const { reader, reads } = countingReader(docs);
    const cache = cachedParagraphs(reader);
    cache.readAll!();
    cache.readAll!();
    expect(cache.paragraph(1, 0)).toEqual(docs[1][0]);
    expect(cache.paragraph(2, 1)).toEqual(docs[2][1]);
    expect(reads).toEqual(['next5000', 'next5000']);
  });

  it('readAhead reads a slice per call until it says all is read', () => {
    const { reader, reads } = countingReader(docs);
    const cache = cachedParagraphs(reader);
    const total = docs.flat().length; // 9
    expect([
      cache.readAhead!(4),
      cache.readAhead!(4),
      cache.readAhead!(4),
      cache.readAhead!(4),
      cache.readAhead!(4),
    ]).toEqual([false, false, false, true, true]);
    expect(total).toBe(9);
    expect(reads).toEqual(['next4', 'next4', 'next4', 'next4']);
    cache.readAll!();
    for (const [doc, list] of docs.entries()) for (const p of list) expect(cache.paragraph(doc, p.index)).toEqual(p);
    expect(reads).toEqual(['next4', 'next4', 'next4', 'next4']);
  });
});

describe('the review opened from a workspace reads text as it shows it', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'refrain-review-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every screen a sequence of actions passes through, as plain text. */
  function screens(state: ReviewState, actions: Action[]): string[] {
    const out: string[] = [];
    const text = (lines: { text: string }[][]) => lines.map((l) => l.map((s) => s.text).join('')).join('\n');
    for (const action of actions) {
      state = reduce(state, action);
      if (state.view === 'list') out.push(text(listLines(state)));
      if (state.view === 'finding') {
        const c = state.result.clusters[state.finding!];
        out.push(text(findingLines(state, layoutFinding({ ...state, cluster: c }))));
      }
      if (state.view === 'report') out.push(text(reportLines(state)));
      out.push(
        `${state.visible.join(',')} ${state.reportSpots.map((s) => `${s.paragraph}:${s.start}-${s.end}`).join(',')}`,
      );
    }
    return out;
  }

  it('shows the same screens as the full result in memory', () => {
    const result = fixtureResult();
    const analyses: Analysis[] = result.documents.map((d) => ({
      document: { path: d.path, encoding: d.encoding, format: d.format, hash: d.hash, chars: d.chars },
      paragraphs: d.paragraphs,
      unitPara: new Uint32Array(0),
      bandKeys: new Uint32Array(0),
    }));
    const ws = openWorkspace(join(dir, 'w.db'), { create: true });
    ws.saveScan(result, analyses);
    const input = reviewInput(ws)!;
    expect(input.result.documents.every((d) => !('paragraphs' in d))).toBe(true);
    const actions: Action[] = [
      { type: 'move', to: 'down' },
      { type: 'open' },
      { type: 'showReport' },
      { type: 'move', to: 'down' },
      { type: 'open' },
      { type: 'back' },
      { type: 'back' },
      { type: 'prompt', purpose: 'search' },
      { type: 'promptText', text: '网格' },
      { type: 'promptSubmit', at: AT },
      { type: 'open' },
    ];
    const fromWorkspace = screens(initialState(input, 100, 24), actions);
    const inMemory = screens(initialState({ result, decisions: [] }, 100, 24), actions);
    expect(fromWorkspace).toEqual(inMemory);
    // The search found something, so the last screens are of a finding, not an empty list.
    expect(fromWorkspace.at(-2)).toMatch(/^Finding/);
    ws.close();
  });
});
