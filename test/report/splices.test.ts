import { describe, expect, it } from 'vitest';
import { buildReport, getReporter, paragraphMarks, ReportInputError } from '../../src/report/index.js';
import { insteadSources } from '../../src/report/splices.js';
import type { Decision, ScanResult } from '../../src/types.js';
import { sourcesResult } from '../support/report-fixture.js';

const falseMatch: Decision = { key: 'k-spliced', label: 'false-match', note: '', at: '2026-01-03T00:00:00Z' };

describe('splices in the report', () => {
  it('are placed: report, line, the text around them, and who says what instead', () => {
    expect(buildReport({ result: sourcesResult(), decisions: [] }).splices).toEqual([
      {
        finding: 0,
        member: 1,
        doc: 1,
        path: 'a/乙.txt',
        paragraph: 0,
        line: 1,
        start: 9,
        end: 15,
        text: '三升体育平台',
        canonical: '关于',
        before: '深入贯彻《中共中央',
        after: '全面推进依法治国若干重大问题的决…',
        otherReports: [],
        otherReferences: [3],
      },
    ]);
  });

  it('are marked in the report text even when the reviewer called the finding a false match', () => {
    const report = buildReport({ result: sourcesResult(), decisions: [falseMatch] });
    expect(report.documents[1].paragraphs[0].marks).toEqual([
      { start: 9, end: 15, tone: 'copy', findings: [0], splice: true },
    ]);
    expect(report.splices.map((s) => s.decision?.label)).toEqual(['false-match']);
  });

  it('come first in the Markdown, above what was scanned, whatever the decision', () => {
    const md = getReporter('md')({ result: sourcesResult(), decisions: [falseMatch] });
    expect(md.split('\n').slice(0, 10)).toEqual([
      '# refrain report',
      '',
      '## Spliced text',
      '',
      'Text one report alone has where the other reports or the reference agree, foreign to the batch: spam spliced into a copied page. Listed first, whatever the decisions.',
      '',
      '| # | Report | Spliced in | Instead | Finding |',
      '|---:|---|---|---|---|',
      '| 1 | a/乙.txt:1 | 深入贯彻《中共中央**三升体育平台**全面推进依法治国若干重大问题的决… | **关于**, in the reference ref/决定.txt | 0 (false-match) |',
      '',
    ]);
    expect(md).toContain('| Spliced text | 1 |');
    // The finding itself, once its false match is left out of the top findings, is not lost: the list above names it.
    expect(md).not.toContain('Finding 0:');
  });

  it('are said in the finding of the Markdown, the reference member labelled', () => {
    const md = getReporter('md')({ result: sourcesResult(), decisions: [] });
    expect(md).toContain(
      [
        '### 1. Finding 0: recites a reference in 1 report',
        '',
        'text spliced in, similarity 0.90, 23 characters.',
        'Spliced in a/乙.txt:1: **三升体育平台**; instead: **关于**, in the reference ref/决定.txt.',
        '',
        '- ref/决定.txt:1 (reference): 中共中央关于全面推进依法治国若干重大问题的决定',
        '- a/乙.txt:1: 中共中央三升体育平台全面推进依法治国若干重大问题的决定',
      ].join('\n'),
    );
  });

  it.each([
    [
      'a splice names a member the finding does not have',
      (r: ScanResult) => (r.clusters[0].splices![0].member = 5),
      'clusters[0].splices[0]: the finding has no member 5',
    ],
    [
      'a splice stands outside its member',
      (r: ScanResult) => (r.clusters[0].splices![0].paragraph = 1),
      'clusters[0].splices[0]: paragraph 1 is not in member 1',
    ],
    [
      'a splice runs past its paragraph',
      (r: ScanResult) => (r.clusters[0].splices![0].end = 90),
      'clusters[0].splices[0]: span 9..90 is outside paragraph 0 (length 37)',
    ],
  ])('are refused when %s', (_title, spoil, message) => {
    const result = sourcesResult();
    spoil(result);
    expect(() => buildReport({ result, decisions: [] })).toThrow(new ReportInputError(message));
  });
});

describe('insteadSources', () => {
  const path = (d: number) => `r${d}.txt`;
  it.each([
    [{ otherReports: [], otherReferences: [3] }, 'the reference r3.txt'],
    [{ otherReports: [1], otherReferences: [] }, 'the other report (r1.txt)'],
    [{ otherReports: [1, 2, 4], otherReferences: [] }, 'the other 3 reports'],
    [{ otherReports: [1, 2], otherReferences: [3, 5] }, 'the references r3.txt, r5.txt and the other 2 reports'],
  ])('%j → %s', (s, words) => {
    expect(insteadSources(s, path)).toBe(words);
  });
});

describe('paragraphMarks with spliced text', () => {
  it('marks the spliced stretch apart from the copying around it', () => {
    expect(
      paragraphMarks(10, [
        { start: 0, end: 10, tone: 'copy', finding: 0 },
        { start: 3, end: 5, tone: 'copy', finding: 0, splice: true },
      ]),
    ).toEqual([
      { start: 0, end: 3, tone: 'copy', findings: [0] },
      { start: 3, end: 5, tone: 'copy', findings: [0], splice: true },
      { start: 5, end: 10, tone: 'copy', findings: [0] },
    ]);
  });
});

describe('spliced text that holds markup', () => {
  it('is shown as text in the HTML and the Markdown, never as markup', () => {
    const result = sourcesResult();
    const para = result.documents[1].paragraphs[0];
    // Same length as 三升体育平台, so every offset holds.
    para.text = para.text.replace('三升体育平台', '<img/>');
    result.clusters[0].splices![0].text = '<img/>';
    const html = getReporter('html')({ result, decisions: [] });
    expect(html).toContain('<mark class="splice">&lt;img/&gt;</mark>');
    expect(html).not.toContain('<img/>');
    expect(getReporter('md')({ result, decisions: [] })).toContain('**\\<img/\\>**');
  });
});
