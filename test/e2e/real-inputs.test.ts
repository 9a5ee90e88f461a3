/**
 * Issue 7, "Done when": real-world inputs (Word, PDF, web page, Traditional characters, page
 * chrome, English, mixed Chinese and English) scanned end to end, each case in a folder of its own.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../src/read/ingest/index.js';
import { scanPaths } from '../../src/scan/scan.js';
import type { ResultCluster, ResultDocument, ScanResult } from '../../src/types.js';
import {
  batchFolder,
  documentFor,
  nonEmptyLines,
  paragraphStarting,
  pdfPageTexts,
  seedPath,
} from '../support/real-inputs.js';
import { findingsWithBoth, locate, readPairs, squash, type PairRow } from '../support/seed-pairs.js';

const FORMATS = 'test/fixtures/formats';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function folder(copies: string[], written: Record<string, string> = {}): string {
  const dir = batchFolder(copies, written);
  made.push(dir);
  return dir;
}

/** Seed paragraphs shorter than this are headings and dates; a scan need not report them. */
const SUBSTANTIAL = 20;

interface FormatCase {
  fixture: string;
  seed: string;
  /** The seed lines the fixture was made from (see test/fixtures/formats/make-fixtures.mjs). */
  seedLines: () => string[];
  /** For seed line i, the same text as it stands in the fixture. */
  fixtureText: (seedLine: string, i: number) => string;
  /** Seed lines the fixture leaves out on purpose, with the reason. */
  exceptions: Array<{ starts: string; reason: string }>;
}

const seed000 = seedPath('000_');
const seed001 = seedPath('001_');
const seed002 = seedPath('002_');
const seed003 = seedPath('003_');

const cases: FormatCase[] = [
  {
    fixture: '000-report.pdf',
    seed: seed000,
    // The PDF holds the seed's clean first half: the lines before the copy pulled out of a PDF.
    seedLines: () => {
      const lines = readFileSync(seed000, 'utf8').replace(/\r\n?/g, '\n').split('\n');
      const end = lines.findIndex((l) => l.trim() === '一、');
      return lines
        .slice(0, end)
        .map((l) => l.trim())
        .filter((l) => l !== '');
    },
    fixtureText: (line) => line,
    exceptions: [],
  },
  {
    fixture: '002-report.docx',
    seed: seed002,
    seedLines: () => nonEmptyLines(seed002),
    // The seed's written-out bookmark is a conversion artefact; the .docx has a real bookmark.
    fixtureText: (line) => line.replace('[bookmark: _GoBack]', ''),
    exceptions: [],
  },
  {
    fixture: '003-page.html',
    seed: seed003,
    seedLines: () => nonEmptyLines(seed003),
    fixtureText: (line) => line,
    exceptions: [
      {
        starts: '联系方式:0750-5524538',
        reason: "in the page's <footer>, which the HTML extractor drops as site chrome",
      },
    ],
  },
  {
    fixture: '001-traditional.txt',
    seed: seed001,
    seedLines: () => nonEmptyLines(seed001),
    // The copy was converted character by character (same length, same lines).
    fixtureText: (_line, i) => nonEmptyLines(join(FORMATS, '001-traditional.txt'))[i],
    exceptions: [],
  },
];

const scans = new Map<string, ScanResult>();
async function scanCase(c: FormatCase): Promise<ScanResult> {
  let result = scans.get(c.fixture);
  if (!result) {
    result = (await scanPaths([folder([join(FORMATS, c.fixture), c.seed])])).result;
    scans.set(c.fixture, result);
  }
  return result;
}

const seedName = (c: FormatCase) => c.seed.slice(c.seed.lastIndexOf('/') + 1);

describe('format fixtures are found as copies of their seeds, paragraph by paragraph', () => {
  it.each(cases.map((c) => [c.fixture, c] as const))('%s', async (_name, c) => {
    const result = await scanCase(c);
    expect(result.diagnostics).toEqual([]);
    const lines = c.seedLines();
    const substantial = lines
      .map((line, i) => ({ line, i }))
      .filter(({ line, i }) => c.fixtureText(line, i).length >= SUBSTANTIAL);
    const missing: string[] = [];
    for (const { line, i } of substantial) {
      // The seed side as ingest keeps it: the written-out bookmark is removed from the seed too.
      const snippetA = line.replace('[bookmark: _GoBack]', '');
      const row: PairRow = {
        label: 'dup',
        fileA: seedName(c),
        snippetA,
        fileB: c.fixture,
        snippetB: c.fixtureText(line, i),
        note: '',
      };
      const inFixture = locate(result, c.fixture, row.snippetB).length > 0;
      if (!inFixture || findingsWithBoth(result, row).length === 0) missing.push(line.slice(0, 24));
    }
    const matched = substantial.length - missing.length;
    const left = c.exceptions.map((e) => `; left out on purpose: ${e.starts}… (${e.reason})`).join('');
    console.info(
      `${c.fixture}: ${matched}/${substantial.length} substantial seed paragraphs found with their copy${left}`,
    );
    expect(missing).toEqual(c.exceptions.map((e) => lines.find((l) => l.startsWith(e.starts))!.slice(0, 24)));
    expect(matched).toBeGreaterThan(10);
  });
});

/** The text `doc` was scanned from, as ingest makes it (extracted, artefacts removed). */
async function ingested(path: string) {
  const r = await ingestPath(path, 0);
  if (!r.ok) throw new Error(r.diagnostic.message);
  return r.document;
}

/** Every paragraph starts on its `line` of the scanned text (and on its `page`, for a PDF). */
function checkLines(doc: ResultDocument, text: string, pageStarts?: number[]) {
  const lines = text.split('\n');
  const lineStart: number[] = [0];
  for (const l of lines) lineStart.push(lineStart[lineStart.length - 1] + l.length + 1);
  for (const p of doc.paragraphs) {
    const first = squash(lines[p.line - 1]).text;
    expect(first.length, `line ${p.line} of ${doc.path} is blank`).toBeGreaterThan(0);
    expect(squash(p.text).text.startsWith(first), `paragraph ${p.index} does not start on line ${p.line}`).toBe(true);
    if (pageStarts)
      expect(p.page, `page of paragraph ${p.index}`).toBe(pageStarts.filter((s) => s <= lineStart[p.line - 1]).length);
    else expect(p.page).toBeUndefined();
  }
}

describe('locations in the fixtures point at the text', () => {
  it('000-report.pdf: lines in the extracted text, pages as pdf.js reads them; known paragraphs exactly', async () => {
    const result = await scanCase(cases[0]);
    const doc = documentFor(result, '000-report.pdf');
    const scanned = await ingested(join(FORMATS, '000-report.pdf'));
    checkLines(doc, scanned.text, scanned.pageStarts);
    // Independently of refrain's extractor: each paragraph's first line is printed on its page.
    const pages = await pdfPageTexts(join(FORMATS, '000-report.pdf'));
    expect(pages).toHaveLength(4);
    const lines = scanned.text.split('\n');
    for (const p of doc.paragraphs)
      expect(pages[p.page! - 1], `paragraph ${p.index}`).toContain(squash(lines[p.line - 1]).text);
    // Known places (make-fixtures.mjs prints each page's first line; test/formats.test.ts pins them).
    expect(paragraphStarting(doc, '紧跟上级决策部署')).toMatchObject({ line: 11, page: 1 });
    expect(paragraphStarting(doc, '三是责任落实到位')).toMatchObject({ line: 38, page: 2 });
    expect(paragraphStarting(doc, '（5） 坚持多措并举')).toMatchObject({ line: 62, page: 2 });
    // The last paragraph starts on page 3 and runs on to page 4: its page is where it starts.
    expect(paragraphStarting(doc, '一是加强依法行政能力建设')).toMatchObject({ line: 101, page: 3 });
    expect(pages[3].startsWith(squash('题，广泛开展法治宣传活动').text)).toBe(true);
  });

  it('002-report.docx: one line per Word paragraph, the bookmark gone from the displayed text', async () => {
    const result = await scanCase(cases[1]);
    const doc = documentFor(result, '002-report.docx');
    checkLines(doc, (await ingested(join(FORMATS, '002-report.docx'))).text);
    // Line n of the extracted text is the n-th non-empty Word paragraph, i.e. the n-th seed line.
    const seedLines = nonEmptyLines(seed002);
    const p = paragraphStarting(doc, '严格依照机构改革要求');
    expect(p.line).toBe(seedLines.findIndex((l) => l.startsWith('严格依照机构改革要求')) + 1);
    expect(p.line).toBe(13);
    expect(doc.paragraphs.some((q) => q.text.includes('bookmark') || q.text.includes('_GoBack'))).toBe(false);
  });

  it('003-page.html: lines of the article text; the chrome before it takes the first lines', async () => {
    const result = await scanCase(cases[2]);
    const doc = documentFor(result, '003-page.html');
    checkLines(doc, (await ingested(join(FORMATS, '003-page.html'))).text);
    expect(paragraphStarting(doc, '广海镇2021年度法治政府建设工作情况报告')).toMatchObject({ line: 5 });
    expect(paragraphStarting(doc, '(四)依法有效化解社会矛盾纠纷')).toMatchObject({ line: 14 });
    expect(paragraphStarting(doc, '扫一扫在手机打开当前页')).toMatchObject({ line: 32 });
    expect(doc.paragraphs.some((q) => q.text.includes('联系方式'))).toBe(false);
  });

  it('001-traditional.txt: the same lines as the seed it was converted from', async () => {
    const result = await scanCase(cases[3]);
    const doc = documentFor(result, '001-traditional.txt');
    const seedDoc = documentFor(result, seedName(cases[3]));
    checkLines(doc, readFileSync(join(FORMATS, '001-traditional.txt'), 'utf8'));
    expect(doc.paragraphs.map((p) => p.line)).toEqual(seedDoc.paragraphs.map((p) => p.line));
  });
});

describe('Traditional and Simplified compared as one, the original characters shown', () => {
  it('the Traditional copy is one run with its Simplified seed, every paragraph an exact copy of its own', async () => {
    const result = await scanCase(cases[3]);
    const trad = documentFor(result, '001-traditional.txt');
    const simp = documentFor(result, seedName(cases[3]));
    // A passage the seed repeats inside itself (its paragraphs 2 and 4 share a clause) is found
    // in both copies, at the same paragraphs.
    const passages = result.clusters.filter((c) => c.members.some((m) => m.start !== undefined));
    for (const c of passages) {
      const at = (doc: number) => c.members.filter((m) => m.doc === doc).map((m) => [m.paragraph, m.end! - m.start!]);
      expect(at(trad.id)).toEqual(at(simp.id));
    }
    // The paragraphs copied in sequence: one finding, a run on each side, paragraph i against i.
    const runs = result.clusters.filter((c) => c.parts);
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run).toMatchObject({ kind: 'exact', similarity: 1, docCount: 2 });
    const pieces = run.parts!.map((part) =>
      part.map((m) => [m.doc === trad.id ? 'trad' : 'simp', m.paragraph, m.start ?? null]),
    );
    for (const part of pieces) {
      const i = part[0][1];
      expect(part.map((m) => m[0]).sort()).toEqual(['simp', 'trad']);
      expect(part).toEqual(
        expect.arrayContaining([
          ['trad', i, null],
          ['simp', i, null],
        ]),
      );
    }
    // Every substantial paragraph of the seed is in it (short headings may be too, or not).
    const covered = new Set(pieces.map((p) => p.find((m) => m[0] === 'simp')![1] as number));
    const substantial = simp.paragraphs.filter((p) => p.text.length >= SUBSTANTIAL).map((p) => p.index);
    expect(substantial.length).toBeGreaterThan(10);
    expect(substantial.filter((i) => !covered.has(i))).toEqual([]);
  });

  it('the result shows the Traditional text as written, the seed as written', async () => {
    const result = await scanCase(cases[3]);
    const trad = documentFor(result, '001-traditional.txt');
    const simp = documentFor(result, seedName(cases[3]));
    expect(trad.paragraphs[0].text).toBe('奉節縣雲霧土家族鄉人民政府2023年法治政府建設報告');
    expect(simp.paragraphs[0].text).toBe('奉节县云雾土家族乡人民政府2023年法治政府建设报告');
    expect(trad.paragraphs.at(-1)!.text).toBe('掃一掃在手機打開當前頁');
    // Each displayed paragraph is a stretch of the Traditional file, character for character.
    const file = squash(readFileSync(join(FORMATS, '001-traditional.txt'), 'utf8')).text;
    for (const p of trad.paragraphs) expect(file).toContain(squash(p.text).text);
  });
});

describe('a PDF without a text layer is a diagnostic, not an empty success (real CLI)', () => {
  const MAIN = resolve('dist/cli/main.js');
  function scanCli(dir: string) {
    const out = join(dir, '..', `${dir.slice(dir.lastIndexOf('/') + 1)}.json`);
    made.push(out);
    const run = spawnSync(process.execPath, [MAIN, 'scan', dir, '--no-workspace', '--json', out], { encoding: 'utf8' });
    return { run, result: run.status === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as ScanResult) : undefined };
  }

  it('scanned.pdf: error diagnostic naming the file and why; the other report is still scanned', () => {
    const dir = folder([join(FORMATS, 'scanned.pdf'), seed001]);
    const { run, result } = scanCli(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(result!.diagnostics).toEqual([
      { path: join(dir, 'scanned.pdf'), level: 'error', message: 'no text layer: scanned PDF? run OCR first' },
    ]);
    expect(result!.documents.map((d) => d.path)).toEqual([join(dir, seedName(cases[3]))]);
    // The skipped file is listed on standard error; the summary counts it and says where it is listed.
    expect(run.stderr).toContain(`error: ${join(dir, 'scanned.pdf')}: no text layer: scanned PDF? run OCR first`);
    expect(run.stdout).toContain('1 file with problems (1 skipped), listed on standard error.');
  });

  it('partly-scanned.pdf: a warning for the page left out, and its text page compared', () => {
    const dir = folder([join(FORMATS, 'partly-scanned.pdf'), seed000]);
    const { run, result } = scanCli(dir);
    expect(run.status, run.stderr).toBe(0);
    const pdf = join(dir, 'partly-scanned.pdf');
    expect(result!.diagnostics).toEqual([
      { path: pdf, level: 'warning', message: 'page 2 of 2 carries no text (scanned images?); run OCR to include it' },
    ]);
    const doc = result!.documents.find((d) => d.path === pdf)!;
    expect(doc.paragraphs.map((p) => [p.line, p.page, p.text.slice(0, 12)])).toEqual([
      [1, 1, '黔江区黑溪镇人民政府'],
      [2, 1, '2021年，黑溪镇坚持以'],
    ]);
    const row: PairRow = {
      label: 'dup',
      fileA: seedName(cases[0]),
      snippetA: doc.paragraphs[1].text,
      fileB: 'partly-scanned.pdf',
      snippetB: doc.paragraphs[1].text,
      note: '',
    };
    // The paragraph is an exact copy; a passage its seed repeats elsewhere is in it too.
    const found = findingsWithBoth(result!, row);
    expect(found.filter((c) => c.members.every((m) => m.start === undefined)).map((c) => c.kind)).toEqual(['exact']);
  });
});

// ---------------------------------------------------------------------------------------------
// Page chrome by frequency.

const CHROME = [
  '扫一扫在手机打开当前页',
  '版权声明：凡本网注明“来源：本网”的所有文字、图片和音视频稿件，版权均属本网所有，未经授权不得转载。',
  '联系我们：办公室电话0750-5524538，电子邮箱office@example.gov.cn，地址：人民路1号。',
];
/** Ten bodies on ten different subjects: no two share a run of words. */
const BODIES = [
  '今年全镇新修农村公路十二公里，硬化村组便道四十余条，解决了山区群众雨天出行难的问题。',
  '街道组织志愿者走访独居老人，登记健康状况，为行动不便的老人送餐上门，每周回访一次。',
  '县医院引进两台核磁共振设备，检查预约时间由两周缩短到三天，门诊候诊秩序明显改善。',
  '乡里建成冷链仓库一座，柑橘收购季节储存能力翻番，果农不再因为压价而急于出售鲜果。',
  '区教育局调整学区划分，新增公办幼儿园学位六百个，家长排队报名的现象基本消失。',
  '水务公司更换老旧供水管网，城区停水投诉比去年下降了一半，夏季高峰供水保持稳定。',
  '市图书馆延长周末开放时间，增设少儿阅览区和自助借还机，全年接待读者比上年多三成。',
  '林业站在防火期增派巡山队员，安装视频监控探头三十个，辖区全年未发生森林火灾。',
  '社区改造老旧小区的电梯和楼道照明，加装无障碍坡道，居民自治小组负责后期维护。',
  '镇文化站举办农民丰收节，展销本地腊肉、茶叶和手工竹编，吸引周边游客近万人次。',
];
const SHARED = '我们把行政复议听证全程录音录像，复议决定书在送达后七日内上网公开，接受社会监督。';

describe('page chrome is boilerplate by how often it recurs, not by a list', () => {
  let result: ScanResult;
  beforeAll(async () => {
    const files: Record<string, string> = {};
    BODIES.forEach((body, i) => {
      // Reports 1 and 2 (two in ten, under the 25% boilerplate share) also share one body paragraph.
      const own = i < 2 ? [body, SHARED] : [body];
      files[`r${String(i + 1).padStart(2, '0')}.txt`] = [`第${i + 1}号工作报告`, ...own, ...CHROME].join('\n\n') + '\n';
    });
    result = (await scanPaths([folder([], files)])).result;
  });

  it('the chrome lines, one after the other in every report, are one finding across all ten, marked boilerplate', () => {
    expect(result.documents).toHaveLength(10);
    const holds = (c: ResultCluster, line: string) =>
      (c.parts ?? [c.members]).some((part) =>
        part.some((m) => result.documents[m.doc].paragraphs[m.paragraph].text === line),
      );
    for (const line of CHROME) {
      const holding = result.clusters.filter((c) => holds(c, line));
      expect(holding, line).toHaveLength(1);
      expect(holding[0]).toMatchObject({ scope: 'across', kind: 'exact', boilerplate: true, docCount: 10 });
      expect(holding[0].parts).toHaveLength(CHROME.length);
    }
    for (const d of result.documents) expect(d.boilerplateRatio).toBeGreaterThan(0);
  });

  it('the body paragraph two reports share is a finding, not boilerplate; the other bodies are in none', () => {
    const row: PairRow = {
      label: 'dup',
      fileA: 'r01.txt',
      snippetA: SHARED,
      fileB: 'r02.txt',
      snippetB: SHARED,
      note: '',
    };
    const shared = findingsWithBoth(result, row);
    expect(shared.map((c) => [c.kind, c.boilerplate, c.docCount])).toEqual([['exact', false, 2]]);
    const isChrome = (c: ResultCluster) =>
      c.members.every((m) => CHROME.includes(result.documents[m.doc].paragraphs[m.paragraph].text));
    expect(result.clusters.filter((c) => !isChrome(c)).map((c) => c.id)).toEqual(shared.map((c) => c.id));
    expect(result.clusters.filter((c) => c.boilerplate).every(isChrome)).toBe(true);
  });

  it('in a few reports of ten, a short line is kept apart by its shape and sentences are a copy like any other: no list of known chrome', async () => {
    const files: Record<string, string> = {};
    BODIES.forEach((body, i) => {
      const chrome = i < 2 ? CHROME : i < 4 ? CHROME.slice(0, 1) : [];
      files[`r${String(i + 1).padStart(2, '0')}.txt`] = [`第${i + 1}号工作报告`, body, ...chrome].join('\n\n') + '\n';
    });
    const rare = (await scanPaths([folder([], files)])).result;
    const holding = (line: string) =>
      rare.clusters
        .filter((c) =>
          (c.parts ?? [c.members]).some((part) =>
            part.some((m) => rare.documents[m.doc].paragraphs[m.paragraph].text === line),
          ),
        )
        .map((c) => [c.boilerplate, c.stock ?? null, c.docCount, c.parts?.length ?? 1]);
    expect(holding(CHROME[0])).toEqual([[true, 'line', 4, 1]]);
    expect(holding(CHROME[1])).toEqual([[false, null, 2, 2]]);
    expect(holding(CHROME[2])).toEqual([[false, null, 2, 2]]);
  });
});

// ---------------------------------------------------------------------------------------------
// English batch.

const ENGLISH = 'test/fixtures/english';
const englishRows = readPairs(join(ENGLISH, 'expected.tsv'));

describe('English batch: known copies are reported together, known non-copies are not', () => {
  let result: ScanResult;
  beforeAll(async () => {
    // Only the reports: a folder scan would read expected.tsv as one more report.
    const reports = readdirSync(ENGLISH)
      .filter((n) => n.endsWith('.txt'))
      .map((n) => join(ENGLISH, n));
    result = (await scanPaths([folder(reports)])).result;
  });

  it('reads the five reports and the rows of the fixture', () => {
    expect(result.documents).toHaveLength(5);
    expect(result.diagnostics).toEqual([]);
    expect(englishRows.filter((r) => r.label === 'dup').length).toBeGreaterThan(0);
    expect(englishRows.filter((r) => r.label === 'not-dup').length).toBeGreaterThan(0);
  });

  it.each(
    englishRows.map((r) => [`${r.label}: ${r.note} (${r.fileA.slice(0, 2)} ~ ${r.fileB.slice(0, 2)})`, r] as const),
  )('%s', (_title, row) => {
    const found = findingsWithBoth(result, row);
    if (row.label === 'dup') expect(found.length, 'no finding holds both passages').toBeGreaterThan(0);
    else
      expect(
        found.map((c) => c.id),
        'a finding holds both passages',
      ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Mixed Chinese and English in one paragraph.

const MIXED =
  '2023年我局推进digital government建设，上线了online service platform，全年受理building permit applications共计三千余件，' +
  '办理时限由二十个工作日压缩到八个工作日，群众满意度调查显示satisfaction rate持续提升。';
// One English word (online → mobile) and one Chinese character (局 → 办) changed.
const MIXED_EDITED = MIXED.replace('online', 'mobile').replace('我局', '我办');
// Every English word replaced, the Chinese untouched.
const MIXED_OTHER_WORDS = MIXED.replace('digital government', 'smart city')
  .replace('online service platform', 'unified help desk')
  .replace('building permit applications', 'business licence requests')
  .replace('satisfaction rate', 'public approval');

async function mixedScan(copy: string): Promise<{ result: ScanResult; row: PairRow }> {
  const files = {
    'a.txt': `甲区行政审批局2023年工作报告\n\n${MIXED}\n\n下一步我们将继续完善窗口服务制度，加强工作人员业务培训。\n`,
    'b.txt': `乙区政务服务中心2023年工作总结\n\n${copy}\n\n明年计划新建三个乡镇便民服务点，方便偏远村民就近办事。\n`,
  };
  const result = (await scanPaths([folder([], files)])).result;
  return { result, row: { label: 'dup', fileA: 'a.txt', snippetA: MIXED, fileB: 'b.txt', snippetB: copy, note: '' } };
}

describe('mixed-language paragraphs: Latin words and CJK characters both count', () => {
  it('the copy with one English word and one Chinese character changed is a near finding', async () => {
    expect(MIXED_EDITED).not.toBe(MIXED);
    const { result, row } = await mixedScan(MIXED_EDITED);
    const found = findingsWithBoth(result, row);
    expect(found.map((c) => [c.kind, c.scope, c.docCount])).toEqual([['near', 'across', 2]]);
    expect(found[0].similarity).toBeGreaterThan(0.9);
    expect(found[0].similarity).toBeLessThan(1);
  });

  it('the copy with all its English words replaced is not reported as exact', async () => {
    const { result, row } = await mixedScan(MIXED_OTHER_WORDS);
    const found = findingsWithBoth(result, row);
    expect(found.filter((c) => c.kind === 'exact' || c.kind === 'numbers').map((c) => c.kind)).toEqual([]);
    // Where the two are reported together, the words count: less alike than the one-word edit.
    const edited = await mixedScan(MIXED_EDITED);
    const editedSimilarity = findingsWithBoth(edited.result, edited.row)[0].similarity;
    for (const c of found) expect(c.similarity).toBeLessThan(editedSimilarity);
  });
});
