import { beforeAll, describe, expect, it } from 'vitest';
import { scanPaths } from '../../src/scan/scan.js';
import { toJson } from '../../src/report/json-result.js';
import type { ScanResult } from '../../src/types.js';

let result: ScanResult;
beforeAll(async () => {
  result = (await scanPaths(['corpus'])).result;
});

const doc = (prefix: string) => result.documents.find((d) => d.path.includes(`/${prefix}_`))!;

describe('scan of corpus/', () => {
  it('reads the five seeds in sorted order, with no diagnostics', () => {
    expect(result.documents.map((d) => d.path)).toEqual([
      'corpus/000_8507adb33dc1f7a6.txt',
      'corpus/001_efdfc4879b8da8ba.txt',
      'corpus/002_a2fffb7c7f62c0d4.txt',
      'corpus/003_b19ea781908929a7.txt',
      'corpus/004_8c642f3c1dbf128b.txt',
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.documents.every((d) => d.encoding === 'utf-8')).toBe(true);
  });

  it('reports items 4 and 5 of the 那吾镇 report as one within-report exact finding', () => {
    const d = doc('004');
    const p4 = d.paragraphs.find((p) => p.text.startsWith('4.聚焦基层治理痛点'))!;
    const p5 = d.paragraphs.find((p) => p.text.startsWith('5.聚焦基层治理痛点'))!;
    const found = result.clusters.filter(
      (c) =>
        c.members.some((m) => m.doc === d.id && m.paragraph === p4.index && m.start === undefined) &&
        c.members.some((m) => m.doc === d.id && m.paragraph === p5.index && m.start === undefined),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ scope: 'within', kind: 'exact', docCount: 1, similarity: 1 });
    expect(found[0].members).toHaveLength(2);
    expect([p4.line, p5.line]).toEqual([25, 26]);
  });

  it('finds the PDF re-extracted text of 000 as a copy of its clean paragraphs, and counts it as within', () => {
    const d = doc('000');
    const clean = d.paragraphs.find((p) => p.text.startsWith('紧跟上级决策部署'))!;
    const pdf = d.paragraphs.find((p) => p.line > 25 && p.text.includes('紧跟上级决策部署'))!;
    expect(pdf.text).toContain(
      '不断增强新时期依法行政水平。一是突出学习重点。把学习习近平法治思想作为新时期做好法治建设的纲',
    );
    const found = result.clusters.find(
      (c) =>
        c.members.some((m) => m.doc === d.id && m.paragraph === clean.index) &&
        c.members.some((m) => m.doc === d.id && m.paragraph === pdf.index),
    );
    expect(found).toMatchObject({ scope: 'within' });
    expect(['partial', 'near']).toContain(found!.kind);
    expect(d.withinRatio).toBeGreaterThan(0.06);
    expect(doc('001').withinRatio).toBeLessThan(d.withinRatio);
  });

  it('keeps offsets inside their paragraph and members in distinct places', () => {
    for (const c of result.clusters) {
      expect(c.members.length).toBeGreaterThanOrEqual(2);
      for (const m of c.members) {
        const text = result.documents[m.doc].paragraphs[m.paragraph].text;
        if (m.start !== undefined) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end!).toBeGreaterThan(m.start);
          expect(m.end!).toBeLessThanOrEqual(text.length);
        }
      }
      expect(c.scope).toBe(new Set(c.members.map((m) => m.doc)).size > 1 ? 'across' : 'within');
    }
  });

  it('numbers clusters in order and puts boilerplate last', () => {
    expect(result.clusters.map((c) => c.id)).toEqual(result.clusters.map((_, i) => i));
    const firstBoiler = result.clusters.findIndex((c) => c.boilerplate);
    if (firstBoiler >= 0) expect(result.clusters.slice(firstBoiler).every((c) => c.boilerplate)).toBe(true);
  });

  it('gives byte-identical JSON on a second run', async () => {
    const again = (await scanPaths(['corpus'])).result;
    // All but the time of the scan, which the scan records (SOURCE_DATE_EPOCH fixes it: see cli tests).
    expect(toJson({ ...again, scan: { ...again.scan!, at: result.scan!.at } })).toBe(toJson(result));
  });

  it('scores pairs of reports that share text', () => {
    const pair = result.documentPairs.find((p) => p.a === doc('002').id && p.b === doc('004').id)!;
    expect(pair.sharedRatio).toBeGreaterThan(0.05);
    for (const p of result.documentPairs) expect(p.a).toBeLessThan(p.b);
  });
});

describe('JSON writing', () => {
  it('writes in pieces exactly the text JSON.stringify gives', async () => {
    const { jsonChunks } = await import('../../src/report/json-result.js');
    expect([...jsonChunks(result)].join('')).toBe(toJson(result));
    const empty = { ...result, clusters: [], documentPairs: [], diagnostics: [] };
    expect([...jsonChunks(empty)].join('')).toBe(toJson(empty));
  });
});
