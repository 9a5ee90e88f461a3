import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SHARED_RUN } from '../../bench/char-model.js';
import {
  generateBatch,
  STOCK_ROLES,
  type Batch,
  type Role,
  type Truth,
  type TruthParagraph,
} from '../../bench/generate.js';
import { evaluate } from '../../bench/evaluate.js';
import { floorPass, hashWindows } from '../../bench/floor.js';
import { stringShingles } from '../../bench/minhash-baseline.js';
import type { StockInsertion } from '../../bench/stock.js';
import { loadVocabulary } from '../../bench/vocab.js';
import type { ResultCluster, ScanResult } from '../../src/types.js';
import { hashString } from '../../src/util/hash.js';

const dir = mkdtempSync(join(tmpdir(), 'refrain-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seedDir = join(import.meta.dirname, '../../corpus');

const linesOf = (batch: Batch, d: number) =>
  readFileSync(join(batch.dir, batch.truth.paths[d]), 'utf8').trimEnd().split('\n');
const PROSE: Role[] = ['template', 'family', 'filler'];

/** The text between a paragraph's stock phrases. */
function outsideStock(text: string, stock: StockInsertion[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const [start, end] of [...stock].sort((x, y) => x[0] - y[0])) {
    pieces.push(text.slice(at, start));
    at = end;
  }
  pieces.push(text.slice(at));
  return pieces;
}

describe('generateBatch', () => {
  const a = generateBatch({ docs: 400, seed: 5, seedDir, outDir: join(dir, 'a') });
  const b = generateBatch({ docs: 400, seed: 5, seedDir, outDir: join(dir, 'b') });
  const dense = generateBatch({ docs: 120, seed: 5, seedDir, outDir: join(dir, 'dense'), stockDense: true });

  it('is deterministic for a seed, in both modes', () => {
    expect(b.truth).toEqual(a.truth);
    expect(readFileSync(join(b.dir, b.truth.paths[77]), 'utf8')).toBe(
      readFileSync(join(a.dir, a.truth.paths[77]), 'utf8'),
    );
    const again = generateBatch({ docs: 120, seed: 5, seedDir, outDir: join(dir, 'dense-again'), stockDense: true });
    expect(again.truth).toEqual(dense.truth);
    expect(readFileSync(join(again.dir, again.truth.paths[33]), 'utf8')).toBe(
      readFileSync(join(dense.dir, dense.truth.paths[33]), 'utf8'),
    );
    expect(dense.truth.stockDense).toBe(true);
    expect(linesOf(dense, 33)).not.toEqual(linesOf(a, 33));
  });

  it('writes one paragraph per line, as the truth says', () => {
    const lines = linesOf(a, 3);
    expect(lines.length).toBe(a.truth.paragraphs[3].length);
    expect(lines.map((l) => l.length)).toEqual(a.truth.paragraphs[3].map((p) => p.chars));
    expect(lines.map(hashString)).toEqual(a.truth.paragraphs[3].map((p) => p.hash));
  });

  it('edits at most 3% of a copy and shares sources across reports, inside reports and by recycling', () => {
    const paras = a.truth.paragraphs.flat();
    for (const p of paras) if (p.source >= 0) expect(p.edits).toBeLessThanOrEqual(Math.ceil(p.chars * 0.03));
    const docsBySource = new Map<number, number[]>();
    a.truth.paragraphs.forEach((ps, d) =>
      ps.forEach((p) => p.source >= 0 && docsBySource.set(p.source, [...(docsBySource.get(p.source) ?? []), d])),
    );
    const groups = [...docsBySource.values()];
    expect(groups.some((docs) => new Set(docs).size > 1)).toBe(true);
    expect(groups.some((docs) => new Set(docs).size < docs.length)).toBe(true);
    // A recycled report has every sourced paragraph in common with an earlier one, filler included.
    const signature = a.truth.paragraphs.map((ps) =>
      ps
        .map((p) => p.source)
        .filter((s) => s >= 0)
        .join(','),
    );
    expect(signature.some((s, d) => signature.indexOf(s) < d)).toBe(true);
  });

  it('gives every report the title, the numbered headings and the statistics table, and chrome to some', () => {
    const { truth } = a;
    const stockLines = (d: number, role: Role) => linesOf(a, d).filter((_, i) => truth.paragraphs[d][i].role === role);
    const headings = (d: number) => stockLines(d, 'heading').filter((l) => /^[一二三四五]、/.test(l));
    for (const d of [0, 150, 399]) {
      expect(stockLines(d, 'title')[1]).toMatch(/^20\d\d年度法治政府建设情况报告$/);
      expect(headings(d).map((l) => l[0])).toEqual(['一', '二', '三', '四', '五']);
      expect(stockLines(d, 'table').length).toBe(19);
    }
    // The same row labels in every report, each with the report's own numbers.
    const labels = (d: number) => stockLines(d, 'table').map((l) => l.split(' | ')[0]);
    expect(labels(150)).toEqual(labels(0));
    expect(stockLines(150, 'table')).not.toEqual(stockLines(0, 'table'));
    expect(stockLines(0, 'table')).toContain(
      stockLines(0, 'table').find((l) => /^行政许可 \| \d+ \| \d+ \| \d+$/.test(l)),
    );
    const chromed = truth.paragraphs.filter((ps) => ps.some((p) => p.role === 'chrome')).length;
    expect(chromed).toBeGreaterThan(40);
    expect(chromed).toBeLessThan(360);
    expect(
      stockLines(
        truth.paragraphs.findIndex((ps) => ps.some((p) => p.role === 'chrome')),
        'chrome',
      ),
    ).toContain('扫一扫在手机打开当前页');
    for (const p of truth.paragraphs.flat()) expect(p.source >= 0).toBe(!STOCK_ROLES.has(p.role));
  });

  it('records every stock phrase of a paragraph where the text has it', () => {
    const check = (batch: Batch) => {
      const { truth } = batch;
      let inProse = 0;
      const roles = new Set<Role>();
      truth.paragraphs.forEach((ps, d) => {
        const lines = linesOf(batch, d);
        ps.forEach((p, i) => {
          for (const [start, end, phrase] of p.stock) expect(lines[i].slice(start, end)).toBe(truth.stock[phrase]);
          if (PROSE.includes(p.role) && p.stock.length > 0) {
            inProse += p.stock.length;
            roles.add(p.role);
          }
          if (STOCK_ROLES.has(p.role)) expect(p.stock.length).toBe(1);
        });
      });
      // Many a report, in all three kinds of prose.
      expect(inProse / truth.docs).toBeGreaterThan(15);
      expect([...roles].sort()).toEqual(['family', 'filler', 'template']);
    };
    check(a);
    check(dense);
  });

  it("draws formulas from the seeds' recurring phrases and spreads them over many reports", () => {
    const { truth } = a;
    expect(truth.stock).toContain('对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调');
    const reportsWith = new Map<number, number>();
    for (const ps of truth.paragraphs) {
      const ids = new Set(ps.flatMap((p) => (PROSE.includes(p.role) ? p.stock.map((s) => s[2]) : [])));
      for (const id of ids) reportsWith.set(id, (reportsWith.get(id) ?? 0) + 1);
    }
    const counts = [...reportsWith.values()].sort((x, y) => y - x);
    expect(counts[0]).toBeGreaterThan(truth.docs * 0.9);
    expect(counts.length).toBeGreaterThan(30);
  });

  it('gives the copies of one source the same stock phrases', () => {
    const bySource = new Map<number, string>();
    for (const p of a.truth.paragraphs.flat()) {
      if (p.source < 0) continue;
      const phrases = p.stock.map((s) => s[2]).join(',');
      expect(bySource.get(p.source) ?? phrases).toBe(phrases);
      bySource.set(p.source, phrases);
    }
  });

  it('writes stock-dense filler that shares many short runs with the seeds but no long ones', () => {
    const strip = (t: string) => t.replace(/\{[PYN]\}/g, '').replace(/\d+/g, '');
    const seeds = loadVocabulary(seedDir).templates.map(strip);
    const grams = (texts: string[], n: number) => {
      const out = new Set<string>();
      for (const t of texts) for (let k = 0; k + n <= t.length; k++) out.add(t.slice(k, k + n));
      return out;
    };
    const [six, twelve, long] = [6, 12, MAX_SHARED_RUN].map((n) => grams(seeds, n));
    const runs = (batch: Batch) => {
      const pieces: string[] = [];
      batch.truth.paragraphs.forEach((ps, d) => {
        const lines = linesOf(batch, d);
        const place = lines[ps.findIndex((p) => p.role === 'title')].slice(0, -'人民政府'.length);
        // Stock phrases cut out (the formulas are the seeds' own by design), and the slots' fillings.
        ps.forEach(
          (p, i) =>
            p.role === 'filler' &&
            pieces.push(...outsideStock(lines[i], p.stock).map((x) => strip(x.split(place).join('')))),
        );
      });
      // Share of the filler's windows (each occurrence) that stand in a seed.
      const share = (set: Set<string>, n: number) => {
        let windows = 0;
        let shared = 0;
        for (const t of pieces) {
          for (let k = 0; k + n <= t.length; k++, windows++) if (set.has(t.slice(k, k + n))) shared++;
        }
        return shared / windows;
      };
      return { six: share(six, 6), twelve: share(twelve, 12), long: share(long, MAX_SHARED_RUN) };
    };
    const made = runs(dense);
    expect(made.six).toBeGreaterThan(0.15);
    expect(made.twelve).toBeGreaterThan(0);
    expect(made.long).toBe(0);
    // The normal batch's filler, drawn from the seeds' words, shares next to nothing.
    expect(runs(a).six).toBeLessThan(0.05);
  });

  it('reuses a batch already on disk', () => {
    const again = generateBatch({ docs: 400, seed: 5, seedDir, outDir: join(dir, 'a') });
    expect(again.truth).toEqual(a.truth);
  });
});

describe('evaluate', () => {
  // Two reports that share a template paragraph (source 1) opening with a formula, and whose
  // filler (sources 5 and 6) ends with the same formula; a third holds a table row.
  const formula = '坚持以习近平新时代中国特色社会主义思想为指导';
  const template = `${formula}，坚持把法治建设工作与经济社会工作同安排同督办同考核，定期听取有关法治政府建设情况汇报。`;
  const fillers = [
    `组织领导干部专题学习宪法民法典行政处罚法等法律法规，${formula}。`,
    `依托广播展板标语传单等载体扎实推进法律进乡村进学校，${formula}。`,
  ];
  const at = (text: string) => text.indexOf(formula);
  const texts = [
    ['青石镇人民政府', template, fillers[0]],
    ['龙泉镇人民政府', template, fillers[1]],
    ['行政许可 | 3 | 0 | 1'],
  ];
  const para = (text: string, source: number, role: Role, stock: StockInsertion[]): TruthParagraph => ({
    hash: hashString(text),
    source,
    role,
    edits: 0,
    chars: text.length,
    stock,
  });
  const truth: Truth = {
    ...{ version: 0, docs: 3, seed: 0, stockDense: false, bytes: 0, chars: 0 },
    stock: ['人民政府', formula, '行政许可'],
    paths: ['000/000000.txt', '000/000001.txt', '000/000002.txt'],
    paragraphs: [0, 1].map((d) => [
      para(texts[d][0], -1, 'title', [[3, 7, 0]]),
      para(template, 1, 'template', [[0, formula.length, 1]]),
      para(texts[d][2], 5 + d, 'filler', [[at(texts[d][2]), at(texts[d][2]) + formula.length, 1]]),
    ]),
  };
  truth.paragraphs.push([para(texts[2][0], -1, 'table', [[0, 4, 2]])]);
  const result = (clusters: ResultCluster[]): ScanResult => ({
    schema: 1,
    tool: 'refrain',
    version: '0',
    settings: { threshold: 0.5, minTokens: 12, minContent: 25, numHashes: 60, bands: 20 },
    documents: texts.map((ps, d) => {
      const paragraphs = ps.map((text, index) => ({ index, line: index + 1, text }));
      return {
        id: d,
        path: `/tmp/x/${truth.paths[d]}`,
        encoding: 'utf-8',
        format: 'txt',
        hash: '',
        chars: 0,
        templatedRatio: 0,
        withinRatio: 0,
        boilerplateRatio: 0,
        paragraphs,
      };
    }),
    clusters,
    documentPairs: [],
    diagnostics: [],
  });
  type Member = ResultCluster['members'][number] & { lastParagraph?: number };
  const finding = (members: Member[], boilerplate = false): ResultCluster => ({
    id: 0,
    scope: 'across',
    kind: 'near',
    boilerplate,
    docCount: 2,
    similarity: 1,
    chars: 0,
    content: 0,
    key: '',
    members,
  });
  const span = (doc: number, paragraph: number, start: number, end: number): Member => ({ doc, paragraph, start, end });
  const copy = finding([
    { doc: 0, paragraph: 1 },
    { doc: 1, paragraph: 1 },
  ]);
  const formulaInCopies = finding([span(0, 1, 0, formula.length), span(1, 1, 0, formula.length)]);
  const titles = finding(
    [
      { doc: 0, paragraph: 0 },
      { doc: 1, paragraph: 0 },
    ],
    true,
  );
  const block = finding([
    { doc: 0, paragraph: 0, lastParagraph: 1 },
    { doc: 1, paragraph: 0, lastParagraph: 1 },
  ]);
  const stitched = finding([span(0, 2, 0, 12), span(1, 2, 0, 12)]);
  const figures = (...clusters: ResultCluster[]) => {
    const e = evaluate(result(clusters), truth);
    return {
      queue: e.queueFindings,
      copies: e.queueCopies,
      precision: e.queuePrecision,
      queueStock: e.queueStock,
      fragments: e.fragments,
      stock: e.stockFindings,
      keptOut: e.stockKeptOut,
      recall: e.recall,
    };
  };

  it('counts true pairs found through shared findings, and reported pairs that share little text', () => {
    const none = evaluate(result([]), truth);
    expect([none.truePairs, none.foundPairs, none.reportedPairs, none.unmatchedParagraphs]).toEqual([1, 0, 0, 0]);
    const good = evaluate(result([copy]), truth);
    expect([good.foundPairs, good.recall, good.falsePairs, good.reportedPairs]).toEqual([1, 1, 0, 1]);
    const bad = evaluate(result([stitched]), truth);
    expect([bad.foundPairs, bad.falsePairs, bad.reportedPairs]).toEqual([0, 1, 1]);
  });

  it('scores a queue finding that is a true copy', () => {
    expect(figures(copy)).toEqual({
      queue: 1,
      copies: 1,
      precision: 1,
      queueStock: 0,
      fragments: 0,
      stock: 0,
      keptOut: NaN,
      recall: 1,
    });
  });

  it('scores a finding of a formula alone as stock, not as a copy, even between copies', () => {
    expect(figures(formulaInCopies)).toEqual({
      queue: 1,
      copies: 0,
      precision: 0,
      queueStock: 1,
      fragments: 0,
      stock: 1,
      keptOut: 0,
      recall: 0,
    });
    // A few characters past the formula are overhang; a clause past it is copied text.
    const end = formula.length + 3;
    expect(figures(finding([span(0, 1, 0, end), span(1, 1, 0, end)])).queueStock).toBe(1);
    const further = formula.length + 12;
    expect(figures(finding([span(0, 1, 0, further), span(1, 1, 0, further)]))).toMatchObject({
      copies: 1,
      queueStock: 0,
      stock: 0,
      recall: 1,
    });
  });

  it('counts stock findings marked boilerplate as kept out of the queue', () => {
    expect(figures(titles)).toMatchObject({ queue: 0, stock: 1, keptOut: 1 });
    expect(figures(titles, formulaInCopies)).toMatchObject({ queue: 1, stock: 2, keptOut: 0.5 });
  });

  it('scores a stitched match of unrelated text as neither copy nor stock', () => {
    expect(figures(stitched)).toEqual({
      queue: 1,
      copies: 0,
      precision: 0,
      queueStock: 0,
      fragments: 0,
      stock: 0,
      keptOut: NaN,
      recall: 0,
    });
  });

  it('maps a block member to every paragraph of its range', () => {
    expect(figures(block)).toMatchObject({ queue: 1, copies: 1, precision: 1, stock: 0, recall: 1 });
    // The block and the paragraph finding report one copy twice: both are fragments.
    expect(figures(copy, block)).toMatchObject({ queue: 2, copies: 2, fragments: 2 });
    expect(evaluate(result([block]), truth).falsePairs).toBe(0);
    const titlesBlock = finding(
      [
        { doc: 0, paragraph: 0, lastParagraph: 0 },
        { doc: 2, paragraph: 0, lastParagraph: 0 },
      ],
      true,
    );
    expect(figures(titlesBlock)).toMatchObject({ stock: 1, keptOut: 1 });
  });

  it('puts the figures together over a mixed result', () => {
    expect(figures(copy, formulaInCopies, titles, block, stitched)).toEqual({
      queue: 4,
      copies: 2,
      precision: 0.5,
      queueStock: 1,
      fragments: 2,
      stock: 2,
      keptOut: 0.5,
      recall: 1,
    });
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
    expect(f.windows).toBe(
      batch.truth.paragraphs.reduce((s, _, d) => s + Math.max(0, readFileSync(paths[d], 'utf8').length - 4), 0),
    );
  });
  it('spells token k-grams the way the npm package takes them: unique, digits masked tokens as words', () => {
    expect(stringShingles(Uint32Array.from([0x6cd5, 0x6cbb, 0x6cd5, 0x6cbb]), 2)).toEqual(['法治', '治法']);
    expect(stringShingles(Uint32Array.from([0x6cd5, 0xffffffff]), 2)).toEqual(['法#1z141z3;']);
    expect(stringShingles(Uint32Array.from([0x6cd5]), 2)).toEqual(['法']);
  });
});
