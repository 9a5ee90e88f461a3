import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonChunks, toJson, writeJsonFile, writeJsonFileAsync } from '../../src/report/json-result.js';
import type { ResultDocument, ScanResult } from '../../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'refrain-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Text JSON escapes or leaves alone in ways a hand-made writer could get wrong.
const TRICKY = [
  'plain 中文 text',
  'quote " and backslash \\ and slash /',
  'controls \u0000\u0001\b\f\n\r\t\u001f and DEL \u007f',
  'lone high \ud800 and lone low \udc00 and a pair 😀',
  'line and paragraph separators \u2028 \u2029',
  '',
];

function doc(id: number, texts: string[], extra: Partial<ResultDocument> = {}): ResultDocument {
  return {
    id,
    path: `dir/${TRICKY[id % TRICKY.length]}.txt`,
    encoding: 'utf-8',
    format: 'txt',
    hash: 'ab'.repeat(32),
    chars: 10,
    templatedRatio: 0.1234,
    withinRatio: 0,
    boilerplateRatio: 1,
    paragraphs: texts.map((text, index) =>
      index % 2 ? { index, line: index + 1, page: 2, text } : { index, line: index + 1, text },
    ),
    ...extra,
  };
}

function result(documents: ResultDocument[]): ScanResult {
  return {
    schema: 1,
    tool: 'refrain',
    version: '0.1.0',
    settings: { threshold: 0.5, minTokens: 12, minContent: 25, numHashes: 60, bands: 20 },
    documents,
    clusters: [
      {
        id: 0,
        scope: 'across',
        kind: 'partial',
        boilerplate: false,
        docCount: 2,
        similarity: 0.875,
        chars: 12,
        content: 12,
        key: 'k"\\',
        members: [
          { doc: 0, paragraph: 0 },
          { doc: 1, paragraph: 1, start: 2, end: 9 },
        ],
      },
    ],
    documentPairs: documents.length > 1 ? [{ a: 0, b: 1, sharedRatio: 1e-7 }] : [],
    diagnostics: [{ path: 'bad \u2028 file', level: 'warning', message: 'x' }],
  };
}

/** What the writers must reproduce, byte for byte. */
const expected = (r: ScanResult) => JSON.stringify(r, null, 2) + '\n';

/** The file each writer makes, checked to be the same, then returned. */
async function written(r: ScanResult): Promise<Buffer> {
  writeJsonFile(r, join(dir, 'sync.json'));
  await writeJsonFileAsync(r, join(dir, 'async.json'));
  const bytes = readFileSync(join(dir, 'sync.json'));
  expect(readFileSync(join(dir, 'async.json')).equals(bytes)).toBe(true);
  return bytes;
}

describe('JSON writers', () => {
  it('match JSON.stringify on escapes, surrogates, separators and optional keys', async () => {
    const r = result([doc(0, TRICKY), doc(1, [...TRICKY].reverse(), { past: 'old \\ "ws".db' })]);
    expect(toJson(r)).toBe(expected(r));
    expect([...jsonChunks(r)].join('')).toBe(expected(r));
    expect((await written(r)).equals(Buffer.from(expected(r)))).toBe(true);
  });

  it('match it when the arrays span many pieces', async () => {
    // Pieces start at 64 items, so 1,000 documents take several.
    const r = result(Array.from({ length: 1000 }, (_, i) => doc(i, TRICKY.slice(i % 3))));
    expect([...jsonChunks(r)].length).toBeGreaterThan(10);
    expect([...jsonChunks(r)].join('')).toBe(expected(r));
    expect((await written(r)).equals(Buffer.from(expected(r)))).toBe(true);
  });

  it('match it for a document larger than the write buffer', async () => {
    const big = '报告正文'.repeat(1_500_000) + '\ud800"';
    const r = result([doc(0, [big]), doc(1, ['short'])]);
    expect((await written(r)).equals(Buffer.from(expected(r)))).toBe(true);
  });

  it('match it when the output fills the write buffers many times over', async () => {
    // 20 M characters of CJK text: pieces of about 4 M characters, 12 MB each in UTF-8.
    const text = '报告正文'.repeat(25_000);
    const r = result(Array.from({ length: 200 }, (_, i) => doc(i, [text, TRICKY[i % TRICKY.length]])));
    expect((await written(r)).equals(Buffer.from(expected(r)))).toBe(true);
  });

  it('match it for empty arrays and for top-level keys JSON leaves out', async () => {
    const r = { ...result([]), clusters: [], note: undefined } as unknown as ScanResult;
    expect([...jsonChunks(r)].join('')).toBe(expected(r));
    expect((await written(r)).equals(Buffer.from(expected(r)))).toBe(true);
  });
});
