import type { ResultCluster, ResultDocument, ScanResult, TemplateSlot } from '../../src/types.js';

/**
 * Scans by hand for the review's template, splice and recitation views: the fields the engine
 * gives (see docs/json.md), with offsets worked out from the text as it is built.
 */

type Piece = string | { value: string };

/** Text from shared pieces and slot values, with each value's [start, end) in it. */
function fill(pieces: Piece[]): { text: string; values: [number, number][] } {
  let text = '';
  const values: [number, number][] = [];
  for (const p of pieces) {
    if (typeof p === 'string') text += p;
    else {
      values.push([text.length, text.length + p.value.length]);
      text += p.value;
    }
  }
  return { text, values };
}

function doc(id: number, path: string, texts: string[], extra: Partial<ResultDocument> = {}): ResultDocument {
  return {
    id,
    path,
    encoding: 'utf-8',
    format: 'txt',
    hash: `h${id}`,
    chars: texts.join('').length,
    templatedRatio: 0.2,
    withinRatio: 0,
    boilerplateRatio: 0.05,
    paragraphs: texts.map((text, index) => ({ index, line: index * 2 + 1, text })),
    ...extra,
  };
}

function scan(documents: ResultDocument[], clusters: ResultCluster[]): ScanResult {
  return {
    schema: 1,
    tool: 'refrain',
    version: '0.2.0',
    settings: { threshold: 0.5, minTokens: 12, minContent: 25, numHashes: 60, bands: 20 },
    documents,
    clusters,
    documentPairs: [],
    diagnostics: [],
  };
}

export const TOWNS = [
  '那吾镇',
  '广海镇',
  '东山镇',
  '石门镇',
  '青龙镇',
  '白沙镇',
  '柳江镇',
  '河口镇',
  '新圩镇',
  '大坪镇',
];
/** Slot 4 of the towns' template: a phrase some towns lengthened, too wide for 80 columns. */
export const LONG_PHRASE = '依托农村集市、学校课堂和新时代文明实践站点等阵地';
const SHORT_PHRASE = '依托农村集市';

/** Town i's values for the five slots: its name, two counts, a phrase, a count. */
export function townValues(i: number): string[] {
  return [TOWNS[i], `${12 + i}`, `${3000 + 100 * i}`, i % 2 === 1 ? LONG_PHRASE : SHORT_PHRASE, `${40 + i}`];
}

/**
 * Ten town reports filling one template of five slots (finding 0, `names`), and a near copy
 * between two of them with no template (finding 1).
 */
export function townsResult(): ScanResult {
  const filled = TOWNS.map((_, i) => {
    const [name, events, leaflets, phrase, cases] = townValues(i).map((value) => ({ value }));
    return fill([
      '2024年，',
      name,
      '共开展法治宣传活动',
      events,
      '场次，发放宣传资料',
      leaflets,
      '余份，',
      phrase,
      '，推动普法宣传教育向村屯延伸，调处化解矛盾纠纷',
      cases,
      '件。',
    ]);
  });
  const own = (i: number) => `${TOWNS[i]}司法所联合派出所走进村屯，为群众讲解法律知识${i}。`;
  const documents = TOWNS.map((town, i) =>
    doc(i, `reports/${town}.txt`, [`${town}2024年法治政府建设工作报告`, filled[i].text, own(i)]),
  );
  const kinds: TemplateSlot['kind'][] = ['name', 'number', 'number', 'text', 'number'];
  const distances = [1, 1, 1, 0.75, 1];
  const template = {
    pieces: [
      '2024年，',
      '共开展法治宣传活动',
      '场次，发放宣传资料',
      '余份，',
      '，推动普法宣传教育向村屯延伸，调处化解矛盾纠纷',
      '件。',
    ],
    slots: kinds.map((kind, j) => ({ kind, distance: distances[j], values: filled.map((f) => f.values[j]) })),
  };
  const names: ResultCluster = {
    id: 0,
    scope: 'across',
    kind: 'names',
    boilerplate: false,
    content: 80,
    docCount: 10,
    similarity: 0.8,
    chars: filled[0].text.length,
    key: 'k-towns',
    members: TOWNS.map((_, i) => ({ doc: i, paragraph: 1 })),
    template,
  };
  const near: ResultCluster = {
    id: 1,
    scope: 'across',
    kind: 'near',
    boilerplate: false,
    content: 30,
    docCount: 2,
    similarity: 0.9,
    chars: own(0).length,
    key: 'k-own',
    members: [
      { doc: 0, paragraph: 2 },
      { doc: 1, paragraph: 2 },
    ],
  };
  return scan(documents, [names, near]);
}

/** Three reports filling a template of `slots` number slots: a table too wide for one band. */
export function manySlotsResult(slots: number): ScanResult {
  const reports = ['甲县', '乙县', '丙县'];
  const filled = reports.map((_, r) => {
    const pieces: Piece[] = ['全年'];
    for (let j = 0; j < slots; j++) pieces.push(`第${j + 1}项`, { value: `${1000 * (r + 1) + j}` });
    return fill([...pieces, '。']);
  });
  const documents = reports.map((name, r) => doc(r, `${name}.txt`, [filled[r].text]));
  const pieces = ['全年第1项', ...Array.from({ length: slots - 1 }, (_, j) => `第${j + 2}项`), '。'];
  const cluster: ResultCluster = {
    id: 0,
    scope: 'across',
    kind: 'numbers',
    boilerplate: false,
    content: 40,
    docCount: 3,
    similarity: 0.7,
    chars: filled[0].text.length,
    key: 'k-many',
    members: reports.map((_, r) => ({ doc: r, paragraph: 0 })),
    template: {
      pieces,
      slots: Array.from({ length: slots }, (_, j) => ({
        kind: 'number' as const,
        distance: 1,
        values: filled.map((f) => f.values[j]),
      })),
    },
  };
  return scan(documents, [cluster]);
}

/** The real title of the 2014 decision, and the title as a mirrored page spliced it. */
export const REAL_TITLE = '中共中央关于全面推进依法治国若干重大问题的决定';
export const SPAM = '三升体育平台';
const SPLICED_LINE = `深入贯彻《中共中央${SPAM}全面推进依法治国若干重大问题的决定》总体部署，紧扣中央全面深化改革。`;
const FAITHFUL_LINE = `认真贯彻《${REAL_TITLE}》，推进依法行政。`;

/**
 * A reference document (the decision) and two reports: one with the title spliced (finding 0,
 * `spliced`, the reference its first member), one reciting it faithfully (finding 1, recited).
 */
export function recitedResult(): ScanResult {
  const reference = doc(0, 'reference/依法治国决定.txt', [REAL_TITLE, '（2014年10月23日通过）'], {
    reference: true,
    templatedRatio: 0,
    boilerplateRatio: 0,
  });
  const mirror = doc(1, 'reports/那吾镇.txt', ['市委、市政府:', SPLICED_LINE], { recitedRatio: 0.07 });
  const faithful = doc(2, 'reports/广海镇.txt', [FAITHFUL_LINE], { recitedRatio: 0.42 });
  const start = SPLICED_LINE.indexOf(SPAM);
  const spliced: ResultCluster = {
    id: 0,
    scope: 'across',
    kind: 'spliced',
    boilerplate: false,
    content: 20,
    docCount: 2,
    similarity: 0.9,
    chars: REAL_TITLE.length,
    key: 'k-spliced',
    members: [
      { doc: 0, paragraph: 0 },
      { doc: 1, paragraph: 1, start: 5, end: 5 + REAL_TITLE.length + SPAM.length - 2 },
    ],
    splices: [{ member: 1, paragraph: 1, start, end: start + SPAM.length, text: SPAM, canonical: '关于' }],
  };
  const recited: ResultCluster = {
    id: 1,
    scope: 'across',
    kind: 'exact',
    boilerplate: true,
    stock: 'recited',
    content: 20,
    docCount: 2,
    similarity: 1,
    chars: REAL_TITLE.length,
    key: 'k-recited',
    members: [
      { doc: 0, paragraph: 0 },
      { doc: 2, paragraph: 0, start: 5, end: 5 + REAL_TITLE.length },
    ],
  };
  return scan([reference, mirror, faithful], [spliced, recited]);
}
