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

const TITLE = '深入贯彻《中共中央关于全面推进依法治国若干重大问题的决定》总体部署';
const SPLICED = TITLE.replace('关于', '三升体育平台');
const REFERENCE = '中共中央关于全面推进依法治国若干重大问题的决定';
const filled = (town: string, n: number) => `2024年，${town}镇开展宣传${n}场次。`;

/** [start, end] of `part` in `text` (its first occurrence). */
function span(text: string, part: string): [number, number] {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`'${part}' is not in '${text}'`);
  return [at, at + part.length];
}

/**
 * A small scan with references made by hand: report 甲 recites the reference's title (finding
 * 2, boilerplate 'recited'), report 乙 has it with a gambling site's name spliced in place of 关于
 * (finding 0, spliced), and three reports fill in one template with their town and a count
 * (finding 1). Document 3 is the reference.
 */
export function sourcesResult(): ScanResult {
  const [sStart, sEnd] = span(SPLICED, '三升体育平台');
  const quoted = span(SPLICED, REFERENCE.replace('关于', '三升体育平台'));
  const recited = span(TITLE, REFERENCE);
  const town = (t: string, n: number): [number, number] => span(filled(t, n), t);
  const count = (t: string, n: number): [number, number] => span(filled(t, n), String(n));
  const documents = [
    doc(0, 'a/甲.txt', [0, 0, 0], 60, [
      [1, TITLE],
      [3, filled('甲', 12)],
    ]),
    doc(1, 'a/乙.txt', [0.4, 0, 0], 60, [
      [1, SPLICED],
      [3, filled('乙', 15)],
    ]),
    doc(2, 'a/丙.txt', [0.2, 0, 0], 30, [[1, filled('丙', 9)]]),
    { ...doc(3, 'ref/决定.txt', [0, 0, 0], 23, [[1, REFERENCE]]), reference: true as const },
  ];
  documents[0].recitedRatio = 0.5;
  documents[1].recitedRatio = 0;
  documents[2].recitedRatio = 0;
  const base = { scope: 'across' as const, similarity: 0.9, content: 20 };
  return {
    ...handMadeResult(),
    scan: { ...handMadeResult().scan!, references: [{ path: 'ref', files: 1 }] },
    documents,
    clusters: [
      {
        ...base,
        id: 0,
        kind: 'spliced',
        boilerplate: false,
        docCount: 2,
        chars: 23,
        key: 'k-spliced',
        members: [
          { doc: 3, paragraph: 0 },
          { doc: 1, paragraph: 0, start: quoted[0], end: quoted[1] },
        ],
        splices: [{ member: 1, paragraph: 0, start: sStart, end: sEnd, text: '三升体育平台', canonical: '关于' }],
      },
      {
        ...base,
        id: 1,
        kind: 'names',
        boilerplate: false,
        docCount: 3,
        chars: 16,
        key: 'k-template',
        members: [
          { doc: 0, paragraph: 1 },
          { doc: 1, paragraph: 1 },
          { doc: 2, paragraph: 0 },
        ],
        template: {
          pieces: ['2024年，', '镇开展宣传', '场次。'],
          slots: [
            { kind: 'name', distance: 1, values: [town('甲', 12), town('乙', 15), town('丙', 9)] },
            { kind: 'number', distance: 1, values: [count('甲', 12), count('乙', 15), count('丙', 9)] },
          ],
        },
      },
      {
        ...base,
        id: 2,
        kind: 'exact',
        boilerplate: true,
        stock: 'recited',
        docCount: 2,
        chars: 23,
        key: 'k-recited',
        members: [
          { doc: 3, paragraph: 0 },
          { doc: 0, paragraph: 0, start: recited[0], end: recited[1] },
        ],
      },
    ],
    documentPairs: [{ a: 1, b: 2, sharedRatio: 0.2 }],
    diagnostics: [],
  };
}
