import { beforeAll, describe, expect, it } from 'vitest';
import { scanPaths } from '../../src/scan/scan.js';
import {
  buildReport,
  csvField,
  escapeMarkdown,
  getReporter,
  jsonForScript,
  orderDocuments,
  paragraphMarks,
  ReportInputError,
  reporterFor,
  reporters,
  type ReportInput,
} from '../../src/report/index.js';
import type { ScanResult } from '../../src/types.js';
import { handMadeDecisions, handMadeResult } from '../support/report-fixture.js';

const input = (): ReportInput => ({ result: handMadeResult(), decisions: handMadeDecisions() });
const BOM = '\uFEFF';
const SETTINGS =
  'similarity threshold 0.5 · passages of 12 characters or more · queue from 25 characters of rare shared text · MinHash 60 hashes in 20 bands · refrain 0.1.0';

describe('markdown report of a hand-made scan', () => {
  it('says when, over what and how it was scanned and reviewed; has the summary table, the ranking, top findings with excerpts, every decision; escapes markup', () => {
    expect(getReporter('md')(input())).toBe(
      [
        '# refrain report',
        '',
        '- Scanned: 2026-01-01 08:30 UTC, refrain 0.1.0',
        '- Inputs: a (4 files)',
        '- Settings: similarity threshold 0.5 · passages of 12 characters or more · queue from 25 characters of rare shared text · MinHash 60 hashes in 20 bands',
        '- Reviewed: 1 of 3 findings, by 审计员甲, 2026-01-02 00:00 UTC',
        '',
        '| Figure | Value |',
        '|---|---:|',
        '| Reports | 3 |',
        '| Characters | 90 |',
        '| Text also found in other reports | 37.8% |',
        '| Text repeated inside its own report | 6.7% |',
        '| Boilerplate | 23.3% |',
        '| Findings | 3 (2 across reports, 1 inside one; 1 boilerplate) |',
        '| Spliced text | 0 |',
        '',
        '## Reports by templated share',
        '',
        '| # | Report | Templated | Within | Boilerplate | Shares most with |',
        '|---:|---|---:|---:|---:|---|',
        '| 1 | a/一号.txt | 50.0% | 0.0% | 25.0% | a/二号.txt (50.0%) |',
        '| 2 | a/二号.txt | 40.0% | 20.0% | 30.0% | a/一号.txt (50.0%) |',
        '| 3 | a/三号 \\[draft\\].txt | 10.0% | 0.0% | 10.0% | a/二号.txt (15.0%) |',
        '',
        '## Top findings',
        '',
        '### 1. Finding 0: copying across 2 reports',
        '',
        'near copy, similarity 0.80, 14 characters.',
        'Decision: **copied** by 审计员甲, 2026-01-02 00:00 UTC: same clause, "乡"→"镇"; see memo',
        '',
        '- a/一号.txt:3: 坚持“小事不出村,大事不出镇',
        '- a/二号.txt:2: 坚持“小事不出村,大事不出乡',
        '',
        '### 2. Finding 1: repeated inside one report (2 times)',
        '',
        'exact copy, similarity 1.00, 6 characters.',
        '',
        '- a/二号.txt:5: 重复一段话。',
        '- a/二号.txt:6: 重复一段话。',
        '',
        '### 3. Finding 2: boilerplate across 3 reports',
        '',
        'exact copy, similarity 1.00, 11 characters.',
        '',
        '- a/一号.txt:1: 扫一扫在手机打开当前页',
        '- a/二号.txt:1: 扫一扫在手机打开当前页',
        '- a/三号 \\[draft\\].txt:1: 扫一扫在手机打开当前页',
        '',
        '## Decisions',
        '',
        '| Finding | Decision | By | When | Note |',
        '|---:|---|---|---|---|',
        '| 0 | copied | 审计员甲 | 2026-01-02 00:00 UTC | same clause, "乡"→"镇"; see memo |',
        '',
        '## Files not scanned',
        '',
        '- a/坏.bin: error, binary file \\| \\<b\\>skipped\\</b\\>',
        '',
      ].join('\n'),
    );
  });

  it('lists a finding the reviewer called a false match nowhere among the top findings', () => {
    const md = getReporter('md')({
      result: handMadeResult(),
      decisions: [{ key: 'k-copy', label: 'false-match', note: '', at: '2026-01-03T00:00:00Z' }],
    });
    expect(md).not.toContain('Finding 0');
    expect(md).toContain('### 1. Finding 1: repeated inside one report (2 times)');
    expect(md).toContain('- Reviewed: 1 of 3 findings, 2026-01-03 00:00 UTC\n');
    // Its note is not lost: every decision is listed.
    expect(md).toContain('| 0 | false-match |  | 2026-01-03 00:00 UTC |  |');
  });

  it('lists --top findings, says how many more there are, and keeps every decision and its note', () => {
    const decisions = [
      {
        key: 'k-bp',
        label: 'boilerplate' as const,
        note: 'page chrome | 页眉',
        at: '2026-01-04T09:15:00.000Z',
        reviewer: 'li.ming',
      },
      { key: 'k-gone', label: 'copied' as const, note: 'a finding of an earlier scan', at: '2026-01-01T00:00:00Z' },
    ];
    const md = getReporter('md')({ result: handMadeResult(), decisions, top: 1 });
    expect(md).toContain(
      'The 1 finding most worth reading, of 3; `refrain report --top N` shows more, the CSV has them all.',
    );
    expect(md.match(/^### \d+\. Finding/gm)).toEqual(['### 1. Finding']);
    expect(md).toContain('| 2 | boilerplate | li.ming | 2026-01-04 09:15 UTC | page chrome \\| 页眉 |');
    expect(md).toContain('1 more decision is on findings not in this scan.');
    expect(md).toContain('- Reviewed: 1 of 3 findings, by li.ming, 2026-01-04 09:15 UTC\n');
    const none = getReporter('md')({ result: handMadeResult(), decisions: [], top: 0 });
    expect(none).toContain('The 0 findings most worth reading, of 3;');
    expect(none).toContain('## Decisions\n\nNo finding has been reviewed yet.\n');
  });

  it('prints counts with thousands separators', () => {
    const result = handMadeResult();
    result.documents[0].chars = 10_064_156;
    result.clusters[0].chars = 12_345;
    const md = getReporter('md')({ result, decisions: [] });
    expect(md).toContain('| Characters | 10,064,206 |');
    expect(md).toContain('near copy, similarity 0.80, 12,345 characters.');
  });
});

describe('csv reports of a hand-made scan', () => {
  it('has one row per finding member, RFC 4180 quoting, CRLF and a UTF-8 BOM', () => {
    const csv = getReporter('csv')(input());
    expect(csv.startsWith(BOM)).toBe(true);
    const scan = `2026-01-01T08:30:00.000Z,a (4 files),${SETTINGS}`;
    expect(csv.slice(1).split('\r\n')).toEqual([
      'finding,key,scope,kind,boilerplate,doc_count,similarity,decision,note,reviewer,decided_at,member,doc,path,past,reference,line,page,paragraph,last_paragraph,start,end,text,scan_at,scan_inputs,scan_settings',
      `0,k-copy,across,near,false,2,0.8000,copied,"same clause, ""乡""→""镇""; see memo",审计员甲,2026-01-02T00:00:00Z,0,0,a/一号.txt,,,3,,1,,0,14,"坚持“小事不出村,大事不出镇",${scan}`,
      `0,k-copy,across,near,false,2,0.8000,copied,"same clause, ""乡""→""镇""; see memo",审计员甲,2026-01-02T00:00:00Z,1,1,a/二号.txt,,,2,,1,,0,14,"坚持“小事不出村,大事不出乡",${scan}`,
      `1,k-within,within,exact,false,1,1.0000,,,,,0,1,a/二号.txt,,,5,,2,,,,重复一段话。,${scan}`,
      `1,k-within,within,exact,false,1,1.0000,,,,,1,1,a/二号.txt,,,6,,3,,,,重复一段话。,${scan}`,
      `2,k-bp,across,exact,true,3,1.0000,,,,,0,0,a/一号.txt,,,1,,0,,,,扫一扫在手机打开当前页,${scan}`,
      `2,k-bp,across,exact,true,3,1.0000,,,,,1,1,a/二号.txt,,,1,,0,,,,扫一扫在手机打开当前页,${scan}`,
      `2,k-bp,across,exact,true,3,1.0000,,,,,2,2,a/三号 [draft].txt,,,1,,0,,,,扫一扫在手机打开当前页,${scan}`,
      '',
    ]);
  });

  it('has one row per report with --per document', () => {
    const csv = reporterFor('csv', 'document')(input());
    expect(csv).toBe(
      BOM +
        [
          'doc,path,past,reference,encoding,format,chars,templated_ratio,within_ratio,boilerplate_ratio,past_ratio,recited_ratio,findings,top_shared_path,top_shared_ratio,scan_at,scan_inputs,scan_settings',
          `0,a/一号.txt,,,utf-8,txt,40,0.5000,0.0000,0.2500,,,2,a/二号.txt,0.5000,2026-01-01T08:30:00.000Z,a (4 files),${SETTINGS}`,
          `1,a/二号.txt,,,utf-8,txt,30,0.4000,0.2000,0.3000,,,3,a/一号.txt,0.5000,2026-01-01T08:30:00.000Z,a (4 files),${SETTINGS}`,
          `2,a/三号 [draft].txt,,,utf-8,txt,20,0.1000,0.0000,0.1000,,,1,a/二号.txt,0.1500,2026-01-01T08:30:00.000Z,a (4 files),${SETTINGS}`,
          '',
        ].join('\r\n'),
    );
  });

  it('quotes a passage holding a line break and keeps it whole', () => {
    const result = handMadeResult();
    result.clusters = [
      {
        ...result.clusters[2],
        id: 0,
        members: [
          { doc: 2, paragraph: 1 },
          { doc: 2, paragraph: 1, start: 0, end: 8 },
        ],
      },
    ];
    const rows = getReporter('csv')({ result, decisions: [] }).slice(1).split('\r\n');
    expect(rows[1]).toMatch(
      /^0,k-bp,across,exact,true,3,1\.0000,,,,,0,2,a\/三号 \[draft\]\.txt,,,2,,1,,,,"<script>alert\(1\)<\/script>\n第二行",/,
    );
    expect(rows[2]).toMatch(/^0,k-bp,across,exact,true,3,1\.0000,,,,,1,2,a\/三号 \[draft\]\.txt,,,2,,1,,0,8,<script>,/);
  });
});

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['，全角逗号', '，全角逗号'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
  it('writes nothing for a missing value and numbers and booleans as text', () => {
    expect([csvField(undefined), csvField(0), csvField(false)]).toEqual(['', '0', 'false']);
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['*bold* and `code`', '\\*bold\\* and \\`code\\`'],
    ['<img onerror=x>', '\\<img onerror=x\\>'],
    ['[link](x)', '\\[link\\](x)'],
    ['file_name.txt', 'file_name.txt'],
    ['_emphasis_', '\\_emphasis\\_'],
    ['line one\n  line two', 'line one line two'],
    ['# not a heading', '\\# not a heading'],
  ])('%j → %j', (value, expected) => {
    expect(escapeMarkdown(value)).toBe(expected);
  });
});

describe('jsonForScript', () => {
  it('leaves no "<" that could close the script element, and parses back to the same value', () => {
    const value = { text: '</script><!-- <script>alert(1)</script> & > \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('registry', () => {
  it('names every format', () => {
    expect(Object.keys(reporters)).toEqual(['json', 'md', 'csv', 'csv-documents', 'html', 'reference']);
  });
  it.each([
    [
      () => getReporter('pdf'),
      "unknown report format 'pdf'; valid formats: json, md, csv, csv-documents, html, reference",
    ],
    [
      () => getReporter('toString'),
      "unknown report format 'toString'; valid formats: json, md, csv, csv-documents, html, reference",
    ],
    [() => reporterFor('csv', 'page'), "unknown --per 'page'; valid values: document, finding"],
    [() => reporterFor('md', 'document'), "--per document goes with --format csv only, not 'md'"],
  ])('%# refuses with a message naming the valid choices', (call, message) => {
    expect(call).toThrowError(message);
  });
  it('json is the scan result plus the decisions', () => {
    const parsed = JSON.parse(getReporter('json')(input())) as unknown;
    expect(parsed).toEqual({ ...handMadeResult(), decisions: handMadeDecisions() });
  });
});

describe('buildReport', () => {
  it('keeps the latest decision of a key, ranks reports, and does not touch its input', () => {
    const i = input();
    const before = JSON.stringify(i);
    const report = buildReport(i);
    expect(JSON.stringify(i)).toBe(before);
    expect(report.findings[0].decision).toEqual({
      label: 'copied',
      note: 'same clause, "乡"→"镇"; see memo',
      at: '2026-01-02T00:00:00Z',
      reviewer: '审计员甲',
    });
    expect(report.ranking.map((r) => r.doc)).toEqual([0, 1, 2]);
    expect(report.order).toEqual([1, 0, 2]);
    expect(report.topFindings).toEqual([0, 1, 2]);
  });

  it('highlights copying strong and boilerplate muted, per paragraph', () => {
    const docs = buildReport(input()).documents;
    expect(docs[0].paragraphs.map((p) => p.marks)).toEqual([
      [{ start: 0, end: 11, tone: 'boilerplate', findings: [2] }],
      [{ start: 0, end: 14, tone: 'copy', findings: [0] }],
    ]);
    expect(docs[1].paragraphs[2].marks).toEqual([{ start: 0, end: 6, tone: 'copy', findings: [1] }]);
    expect(docs[2].paragraphs[1].marks).toEqual([]);
  });

  it.each([
    [
      'a member names a missing report',
      (r: ScanResult) => (r.clusters[0].members[1].doc = 9),
      'clusters[0].members[1]: document 9 does not exist',
    ],
    [
      'a member names a missing paragraph',
      (r: ScanResult) => (r.clusters[1].members[0].paragraph = 7),
      'clusters[1].members[0]: document 1 has no paragraph 7',
    ],
    [
      'a span runs past its paragraph',
      (r: ScanResult) => (r.clusters[0].members[0].end = 99),
      'clusters[0].members[0]: span 0..99 is outside paragraph 1 (length 42)',
    ],
    [
      'a pair names a missing report',
      (r: ScanResult) => (r.documentPairs[2].b = 5),
      'documentPairs[2]: document 5 does not exist',
    ],
    ['ids are not positions', (r: ScanResult) => (r.documents[1].id = 4), 'documents[1]: id is 4, expected 1'],
  ])('refuses a result where %s', (_title, spoil, message) => {
    const result = handMadeResult();
    spoil(result);
    expect(() => buildReport({ result, decisions: [] })).toThrow(new ReportInputError(message));
  });
});

describe('orderDocuments', () => {
  it('puts reports that share much next to each other', () => {
    const pairs = [
      { a: 0, b: 2, sharedRatio: 0.6 },
      { a: 1, b: 3, sharedRatio: 0.5 },
      { a: 2, b: 3, sharedRatio: 0.1 },
    ];
    // Start at 2 (largest total), chain to 0; 0 shares nothing more, so restart at 3 (next largest total), then 1.
    expect(orderDocuments(4, pairs)).toEqual([2, 0, 3, 1]);
  });
  it('keeps id order when nothing is shared', () => {
    expect(orderDocuments(3, [])).toEqual([0, 1, 2]);
  });
});

describe('paragraphMarks', () => {
  it('cuts overlapping covers into stretches; copying wins where both cover', () => {
    expect(
      paragraphMarks(10, [
        { start: 0, end: 6, tone: 'boilerplate', finding: 2 },
        { start: 4, end: 8, tone: 'copy', finding: 0 },
      ]),
    ).toEqual([
      { start: 0, end: 4, tone: 'boilerplate', findings: [2] },
      { start: 4, end: 6, tone: 'copy', findings: [0, 2] },
      { start: 6, end: 8, tone: 'copy', findings: [0] },
    ]);
  });
  it('merges touching stretches of one finding and clips to the paragraph', () => {
    expect(
      paragraphMarks(5, [
        { start: 0, end: 3, tone: 'copy', finding: 1 },
        { start: 3, end: 9, tone: 'copy', finding: 1 },
      ]),
    ).toEqual([{ start: 0, end: 5, tone: 'copy', findings: [1] }]);
  });
});

describe('reports of the corpus scan (reviewed snapshots: refresh with -u only after reading the diff)', () => {
  let corpus: ReportInput;
  beforeAll(async () => {
    const { result } = await scanPaths(['corpus']);
    // The time of the scan fixed, so the snapshots hold.
    corpus = { result: { ...result, scan: { ...result.scan!, at: '2026-01-01T00:00:00.000Z' } }, decisions: [] };
  });
  it('markdown', async () => {
    await expect(getReporter('md')(corpus)).toMatchFileSnapshot('__snapshots__/report-corpus.md');
  });
  it('csv per finding member', async () => {
    await expect(getReporter('csv')(corpus)).toMatchFileSnapshot('__snapshots__/report-corpus.csv');
  });
  it('csv per report', async () => {
    await expect(getReporter('csv-documents')(corpus)).toMatchFileSnapshot('__snapshots__/report-corpus-documents.csv');
  });
});

describe('an empty scan', () => {
  it.each(Object.keys(reporters))('%s renders without findings or reports', (name) => {
    const result: ScanResult = { ...handMadeResult(), documents: [], clusters: [], documentPairs: [], diagnostics: [] };
    const out = getReporter(name)({ result, decisions: [] });
    // A reference set of no findings is an empty text; every other format still says what was scanned.
    if (name === 'reference') expect(out).toBe('');
    else expect(out.length).toBeGreaterThan(0);
    if (name === 'md') expect(out).toContain('| Reports | 0 |\n');
    if (name === 'md') expect(out).toContain('No findings.');
  });
});
