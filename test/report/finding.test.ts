import { describe, expect, it } from 'vitest';
import { initialState } from '../../cli/review/state.js';
import {
  findingHeadline,
  findingTone,
  KIND_WORDS,
  KINDS,
  memberPieces,
  memberText,
  reviewOrder,
  worthReadingFirst,
} from '../../src/report/finding.js';
import { buildReport, getReporter } from '../../src/report/index.js';
import type { Decision, DecisionLabel, ResultMember } from '../../src/types.js';
import { fixtureResult } from '../support/review-fixture.js';

const AT = '2026-01-01T00:00:00.000Z';
const decided = (key: string, label: DecisionLabel): Decision => ({ key, label, note: '', at: AT });

describe('reviewOrder', () => {
  it('is the order of finding ids, whatever order the findings are held in', () => {
    expect(reviewOrder([{ id: 0 }, { id: 1 }, { id: 2 }])).toEqual([0, 1, 2]);
    expect(reviewOrder([{ id: 2 }, { id: 0 }, { id: 1 }])).toEqual([1, 2, 0]);
    expect(reviewOrder([])).toEqual([]);
  });
});

describe('worthReadingFirst', () => {
  const finding = (id: number, boilerplate: boolean, label?: DecisionLabel) => ({
    id,
    boilerplate,
    ...(label ? { decision: { label, note: '', at: AT } } : {}),
  });

  it('keeps the review order whatever the decisions, leaving out only false matches', () => {
    const findings = [
      finding(0, false, 'boilerplate'),
      finding(1, false),
      finding(2, false, 'false-match'),
      finding(3, true, 'copied'),
      finding(4, true),
    ];
    expect(worthReadingFirst(findings)).toEqual([0, 1, 3, 4]);
  });
});

describe('the review UI and the reports', () => {
  it('list findings in one order, however the reviewer decided', () => {
    // Finding 0 called boilerplate, the scan's boilerplate (3) called copying, 2 a false match.
    const decisions = [
      decided('k-within', 'boilerplate'),
      decided('k-slogan', 'copied'),
      decided('k-partial', 'false-match'),
    ];
    const result = fixtureResult();
    const review = initialState({ result, decisions }).order;
    expect(review).toEqual([0, 1, 2, 3]);
    const report = buildReport({ result, decisions });
    expect(report.topFindings).toEqual(review.filter((id) => id !== 2));
    const markdown = getReporter('md')({ result, decisions });
    const headings = [...markdown.matchAll(/^### \d+\. Finding (\d+):/gm)].map((m) => Number(m[1]));
    expect(headings).toEqual([0, 1, 3]);
    const csv = getReporter('csv')({ result, decisions });
    const rows = csv
      .split('\r\n')
      .slice(1, -1)
      .map((row) => Number(row.split(',')[0]));
    expect([...new Set(rows)]).toEqual(review);
  });
});

describe('findingTone', () => {
  it.each([
    [false, undefined, 'copy'],
    [true, undefined, 'boilerplate'],
    [false, 'boilerplate', 'boilerplate'],
    [true, 'copied', 'copy'],
    [false, 'false-match', null],
    [true, 'false-match', null],
  ] as const)('boilerplate %s, decided %s: %s', (boilerplate, label, tone) => {
    expect(findingTone({ boilerplate, decision: label ? { label } : undefined })).toBe(tone);
  });
});

describe('memberText and memberPieces', () => {
  const paragraphs = ['第一段文字', '第二段', '第三段文字'];
  const textOf = (p: number) => paragraphs[p];
  const lengthOf = (p: number) => paragraphs[p].length;

  it.each<[string, ResultMember, string, { paragraph: number; start: number; end: number }[]]>([
    ['a whole paragraph', { doc: 0, paragraph: 1 }, '第二段', [{ paragraph: 1, start: 0, end: 3 }]],
    ['a span of one', { doc: 0, paragraph: 0, start: 1, end: 3 }, '一段', [{ paragraph: 0, start: 1, end: 3 }]],
    ['a span to its end', { doc: 0, paragraph: 2, start: 3 }, '文字', [{ paragraph: 2, start: 3, end: 5 }]],
    [
      'a run of paragraphs, one per line',
      { doc: 0, paragraph: 0, lastParagraph: 2 },
      '第一段文字\n第二段\n第三段文字',
      [
        { paragraph: 0, start: 0, end: 5 },
        { paragraph: 1, start: 0, end: 3 },
        { paragraph: 2, start: 0, end: 5 },
      ],
    ],
  ])('%s', (_name, member, text, pieces) => {
    expect(memberText(member, textOf)).toBe(text);
    expect(memberPieces(member, lengthOf)).toEqual(pieces);
  });
});

describe('words', () => {
  it('names every kind, closest copy first', () => {
    expect(KINDS).toEqual(['exact', 'numbers', 'names', 'near', 'partial', 'spliced']);
    expect(KINDS.map((k) => KIND_WORDS[k])).toEqual([
      'exact copy',
      'same but for numbers',
      'template filled in (names and numbers)',
      'near copy',
      'partly contained',
      'text spliced in',
    ]);
  });

  it('heads a finding by where it stands and what the scan made of it', () => {
    const f = { scope: 'across', boilerplate: false, docCount: 1200, pastReports: 0, members: [1, 2] } as const;
    expect(findingHeadline(f)).toBe('copying across 1,200 reports');
    expect(findingHeadline({ ...f, boilerplate: true, pastReports: 1 })).toBe(
      'boilerplate across 1,200 reports (1 past)',
    );
    expect(findingHeadline({ ...f, scope: 'within' })).toBe('repeated inside one report (2 times)');
    expect(findingHeadline({ ...f, scope: 'within', boilerplate: true })).toBe(
      'boilerplate repeated inside one report (2 times)',
    );
    // References are no reports: the finding says which reports quote them.
    expect(findingHeadline({ ...f, docCount: 2, references: 1, boilerplate: true })).toBe(
      'recites a reference in 1 report',
    );
    expect(findingHeadline({ ...f, references: 2 })).toBe('recites 2 references in 1,198 reports');
  });
});
