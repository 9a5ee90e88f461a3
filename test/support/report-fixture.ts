import type { Decision, ResultDocument, ScanResult } from '../../src/types.js';

function doc(
  id: number,
  path: string,
  ratios: [number, number, number],
  chars: number,
  paras: [number, string][],
): ResultDocument {
  return {
    id,
    path,
    encoding: 'utf-8',
    format: 'txt',
    hash: `h${id}`,
    chars,
    templatedRatio: ratios[0],
    withinRatio: ratios[1],
    boilerplateRatio: ratios[2],
    paragraphs: paras.map(([line, text], index) => ({ index, line, text })),
  };
}

/**
 * A small scan made by hand: a copied clause between reports 0 and 1 (decided twice: the later
 * decision counts), a paragraph repeated inside report 1, page chrome in all three (boilerplate),
 * and text that must be escaped in every format (quotes, commas, pipes, markup, a line break).
 */
export function handMadeResult(): ScanResult {
  return {
    schema: 1,
    tool: 'refrain',
    version: '0.1.0',
    settings: { threshold: 0.5, minTokens: 12, minContent: 25, numHashes: 60, bands: 20 },
    scan: { at: '2026-01-01T08:30:00.000Z', inputs: [{ path: 'a', files: 4 }], workspace: 'audit.db', kept: 0 },
    documents: [
      doc(0, 'a/一号.txt', [0.5, 0, 0.25], 40, [
        [1, '扫一扫在手机打开当前页'],
        [3, '坚持“小事不出村,大事不出镇”的原则, "quoted" | pipe *star*'],
      ]),
      doc(1, 'a/二号.txt', [0.4, 0.2, 0.3], 30, [
        [1, '扫一扫在手机打开当前页'],
        [2, '坚持“小事不出村,大事不出乡”的准则'],
        [5, '重复一段话。'],
        [6, '重复一段话。'],
      ]),
      doc(2, 'a/三号 [draft].txt', [0.1, 0, 0.1], 20, [
        [1, '扫一扫在手机打开当前页'],
        [2, '<script>alert(1)</script>\n第二行'],
      ]),
    ],
    clusters: [
      {
        id: 0,
        scope: 'across',
        kind: 'near',
        boilerplate: false,
        docCount: 2,
        similarity: 0.8,
        chars: 14,
        content: 14,
        key: 'k-copy',
        members: [
          { doc: 0, paragraph: 1, start: 0, end: 14 },
          { doc: 1, paragraph: 1, start: 0, end: 14 },
        ],
      },
      {
        id: 1,
        scope: 'within',
        kind: 'exact',
        boilerplate: false,
        docCount: 1,
        similarity: 1,
        chars: 6,
        content: 6,
        key: 'k-within',
        members: [
          { doc: 1, paragraph: 2 },
          { doc: 1, paragraph: 3 },
        ],
      },
      {
        id: 2,
        scope: 'across',
        kind: 'exact',
        boilerplate: true,
        docCount: 3,
        similarity: 1,
        chars: 11,
        content: 0,
        key: 'k-bp',
        members: [
          { doc: 0, paragraph: 0 },
          { doc: 1, paragraph: 0 },
          { doc: 2, paragraph: 0 },
        ],
      },
    ],
    documentPairs: [
      { a: 0, b: 1, sharedRatio: 0.5 },
      { a: 0, b: 2, sharedRatio: 0.1 },
      { a: 1, b: 2, sharedRatio: 0.15 },
    ],
    diagnostics: [{ path: 'a/坏.bin', level: 'error', message: 'binary file | <b>skipped</b>' }],
  };
}

export function handMadeDecisions(): Decision[] {
  return [
    {
      key: 'k-copy',
      label: 'copied',
      note: 'same clause, "乡"→"镇"; see memo',
      at: '2026-01-02T00:00:00Z',
      reviewer: '审计员甲',
    },
    { key: 'k-copy', label: 'false-match', note: 'first look', at: '2026-01-01T00:00:00Z' },
  ];
}
