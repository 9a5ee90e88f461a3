import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch } from '../bench/generate.js';
import { evaluate } from '../bench/evaluate.js';
import { floorPass, hashWindows } from '../bench/floor.js';
import { stringShingles } from '../bench/minhash-baseline.js';
import type { ScanResult } from '../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'refrain-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seedDir = join(import.meta.dirname, '../corpus');

describe('generateBatch', () => {
  const a = generateBatch({ docs: 400, seed: 5, seedDir, outDir: join(dir, 'a') });
  const b = generateBatch({ docs: 400, seed: 5, seedDir, outDir: join(dir, 'b') });

  it('is deterministic for a seed', () => {
    expect(b.truth).toEqual(a.truth);
    expect(readFileSync(join(b.dir, b.truth.paths[77]), 'utf8')).toBe(readFileSync(join(a.dir, a.truth.paths[77]), 'utf8'));
  });

  it('writes one paragraph per line, as the truth says', () => {
    const lines = readFileSync(join(a.dir, a.truth.paths[3]), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(a.truth.paragraphs[3].length);
    expect(lines.map((l) => l.length)).toEqual(a.truth.paragraphs[3].map((p) => p.chars));
  });

  it('edits at most 3% of a copy and shares sources across reports, inside reports and by recycling', () => {
    const paras = a.truth.paragraphs.flat();
    for (const p of paras) if (p.source >= 0) expect(p.edits).toBeLessThanOrEqual(Math.ceil(p.chars * 0.03));
    const docsBySource = new Map<number, number[]>();
    a.truth.paragraphs.forEach((ps, d) => ps.forEach((p) => p.source >= 0 && docsBySource.set(p.source, [...(docsBySource.get(p.source) ?? []), d])));
    const groups = [...docsBySource.values()];
    expect(groups.some((docs) => new Set(docs).size > 1)).toBe(true);
    expect(groups.some((docs) => new Set(docs).size < docs.length)).toBe(true);
    // A recycled report has every sourced paragraph in common with an earlier one, filler included.
    const signature = a.truth.paragraphs.map((ps) => ps.map((p) => p.source).filter((s) => s >= 0).join(','));
    expect(signature.some((s, d) => signature.indexOf(s) < d)).toBe(true);
  });

  it('reuses a batch already on disk', () => {
    const again = generateBatch({ docs: 400, seed: 5, seedDir, outDir: join(dir, 'a') });
    expect(again.truth).toEqual(a.truth);
  });
});

describe('evaluate', () => {
  const truth = {
    version: 0,
    docs: 2,
    seed: 0,
    bytes: 0,
    chars: 0,
    paths: ['000/000000.txt', '000/000001.txt'],
    paragraphs: [] as Array<Array<{ hash: number; source: number; edits: number; chars: number }>>,
  };
  const texts = [
    ['坚持把法治建设工作与经济社会工作同安排同督办同考核', '定期听取有关法治政府建设情况汇报定期研判分析存在问题'],
    ['坚持把法治建设工作与经济社会工作同安排同督办同考核', '组织领导干部专题学习宪法民法典行政处罚法等法律法规'],
  ];
  const result = (clusters: ScanResult['clusters']): ScanResult => ({
    schema: 1,
    tool: 'refrain',
    version: '0',
    settings: { threshold: 0.5, minTokens: 12, boilerplateShare: 0.25, numHashes: 60, bands: 20 },
    documents: texts.map((ps, d) => ({
      id: d,
      path: `/tmp/x/${truth.paths[d]}`,
      encoding: 'utf-8',
      format: 'txt',
      hash: '',
      chars: 0,
      templatedRatio: 0,
      withinRatio: 0,
      boilerplateRatio: 0,
      paragraphs: ps.map((text, index) => ({ index, line: index + 1, text })),
    })),
    clusters,
    documentPairs: [],
    diagnostics: [],
  });
  it('counts true pairs found through shared findings, and reported pairs that share little text', async () => {
    const { hashString } = await import('../src/util/hash.js');
    truth.paragraphs = [
      [
        { hash: hashString(texts[0][0]), source: 1, edits: 0, chars: 0 },
        { hash: hashString(texts[0][1]), source: 2, edits: 0, chars: 0 },
      ],
      [
        { hash: hashString(texts[1][0]), source: 1, edits: 0, chars: 0 },
        { hash: hashString(texts[1][1]), source: 3, edits: 0, chars: 0 },
      ],
    ];
    const cluster = (members: Array<{ doc: number; paragraph: number }>, id: number) => ({
      id,
      scope: 'across' as const,
      kind: 'exact' as const,
      boilerplate: false,
      docCount: 2,
      similarity: 1,
      chars: 0,
      key: '',
      members,
    });
    const none = evaluate(result([]), truth);
    expect([none.truePairs, none.foundPairs, none.reportedPairs]).toEqual([1, 0, 0]);
    const good = evaluate(result([cluster([{ doc: 0, paragraph: 0 }, { doc: 1, paragraph: 0 }], 0)]), truth);
    expect([good.foundPairs, good.recall, good.falsePairs, good.reportedPairs, good.unmatchedParagraphs]).toEqual([1, 1, 0, 1, 0]);
    const bad = evaluate(result([cluster([{ doc: 0, paragraph: 1 }, { doc: 1, paragraph: 1 }], 0)]), truth);
    expect([bad.foundPairs, bad.falsePairs, bad.reportedPairs]).toEqual([0, 1, 1]);
  });
});

describe('floor and shingle strings', () => {
  it('hashes every 5-character window once', () => {
    expect(hashWindows('abcdefg').windows).toBe(3);
    expect(hashWindows('abcd').windows).toBe(0);
  });
  it('reads every file', () => {
    const batch = generateBatch({ docs: 3, seed: 1, seedDir, outDir: join(dir, 'c') });
    const paths = batch.truth.paths.map((p) => join(batch.dir, p));
    const f = floorPass(paths);
    expect(f.bytes).toBe(batch.truth.bytes);
    expect(f.windows).toBe(batch.truth.paragraphs.reduce((s, _, d) => s + Math.max(0, readFileSync(paths[d], 'utf8').length - 4), 0));
  });
  it('spells token k-grams the way the npm package takes them: unique, digits masked tokens as words', () => {
    expect(stringShingles(Uint32Array.from([0x6cd5, 0x6cbb, 0x6cd5, 0x6cbb]), 2)).toEqual(['法治', '治法']);
    expect(stringShingles(Uint32Array.from([0x6cd5, 0xffffffff]), 2)).toEqual(['法#1z141z3;']);
    expect(stringShingles(Uint32Array.from([0x6cd5]), 2)).toEqual(['法']);
  });
});
