/**
 * Stock text: what every report of the genre carries and nobody copied from anybody. Official
 * formulas and slogans inside prose, the numbered section headings, the title, the mandatory
 * statistics table (the same row labels everywhere, the report's own numbers) and the page chrome
 * of the sites that publish the reports. The catalogue numbers every stock text; the truth names
 * them by that number.
 */

/** A stock phrase inside a paragraph: [start, end) in the paragraph's text, index in the catalogue. */
export type StockInsertion = [start: number, end: number, phrase: number];

/** Formulas of the genre, besides those the seeds share: each stands in most real reports. */
const GENERIC_FORMULAS = [
  '坚持以习近平新时代中国特色社会主义思想为指导',
  '全面贯彻党的二十大和二十届二中、三中全会精神',
  '深入学习贯彻习近平法治思想',
  '坚持严格规范公正文明执法',
  '切实履行推进法治建设第一责任人职责',
  '运用法治思维和法治方式深化改革、推动发展、化解矛盾、维护稳定',
  '落实“谁执法谁普法”普法责任制',
  '把法治政府建设摆在工作全局的重要位置',
  '坚持和发展新时代“枫桥经验”',
  '深化“放管服”改革',
  '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度',
  '切实保障群众的知情权、参与权和监督权',
  '增强“四个意识”、坚定“四个自信”、做到“两个维护”',
  '深刻领悟“两个确立”的决定性意义',
  '坚持以人民为中心的发展思想',
  '营造办事依法、遇事找法、解决问题用法、化解矛盾靠法的法治环境',
  '推动法治政府建设向纵深发展',
  '为经济社会高质量发展提供坚实法治保障',
  '在县委、县政府的坚强领导下',
  '现将有关情况报告如下',
  '扎实推进“八五”普法规划',
  '持续优化法治化营商环境',
  '做到依法决策、科学决策、民主决策',
  '统筹推进法治政府建设各项工作',
  '着力提升基层治理法治化水平',
];

/** The numbered sections every report has, in order; the third holds the statistics table. */
export const SECTION_HEADINGS = [
  '一、推进法治政府建设的主要举措和成效',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '三、政府信息公开工作情况统计',
  '四、存在的不足和原因',
  '五、下一步工作打算',
];
/** Index in SECTION_HEADINGS of the table's section. */
export const TABLE_SECTION = 2;

const SUBHEADINGS = [
  '（一）加强组织领导，压实工作责任',
  '（二）深化普法宣传，营造法治氛围',
  '（三）规范行政执法，提升执法水平',
  '（四）化解矛盾纠纷，维护社会稳定',
  '（五）推进政务公开，保障群众知情权',
  '（六）健全决策机制，提升决策质量',
];

const TABLE_HEADER = '项目 | 本年新增 | 本年办理 | 累计';
/** Row labels of the statistics table of 政府信息公开年度报告, as every report prints them. */
const TABLE_LABELS = [
  '规章',
  '行政规范性文件',
  '行政许可',
  '行政处罚',
  '行政强制',
  '行政事业性收费',
  '本年新收政府信息公开申请数量',
  '上年结转政府信息公开申请数量',
  '予以公开',
  '部分公开（区分处理的，只计这一情形，不计其他情形）',
  '不予公开',
  '本机关不掌握相关政府信息',
  '其他处理',
  '结转下年度继续办理',
  '行政复议结果维持',
  '行政复议结果纠正',
  '行政诉讼未经复议直接起诉',
  '行政诉讼复议后起诉',
];

/** Lines of the publishing site, above and below the report. The footer is each site's own. */
const CHROME_TOP = ['首页 > 政务公开 > 法定主动公开内容 > 法治政府建设', '【字体：大 中 小】 打印本页 关闭窗口'];
const CHROME_BOTTOM = ['扫一扫在手机打开当前页', '打印本页 关闭窗口'];

const TITLE_OFFICE = '人民政府';
const TITLE_REPORT = '年度法治政府建设情况报告';

/**
 * Formulas are drawn with weight rank^-0.9: of the ~45, the first makes 18% of the insertions
 * (four or five a report), the last 0.6% (in one report of eight).
 */
const FORMULA_SKEW = 0.9;

/** Every stock text of a batch by number, and which numbers play which part. */
export interface StockCatalogue {
  texts: string[];
  /** Formulas put inside prose, most frequent first. */
  formulas: number[];
  sections: number[];
  subheadings: number[];
  tableHeader: number;
  tableLabels: number[];
  chromeTop: number[];
  chromeBottom: number[];
  titleOffice: number;
  titleReport: number;
  /** Cumulative weights of `formulas`. */
  cumulative: number[];
  /** `formulas`, longest first. */
  byLength: number[];
}

/**
 * The catalogue of a batch: the seeds' recurring phrases (those not already a heading, title or
 * chrome line) and the generic formulas, ranked in an order `shuffle` picks, then the line stock.
 */
export function stockCatalogue(recurring: string[], shuffle: <T>(list: T[]) => T[]): StockCatalogue {
  const texts: string[] = [];
  const add = (t: string) => texts.push(t) - 1;
  const lines = [...SECTION_HEADINGS, ...SUBHEADINGS, ...CHROME_TOP, ...CHROME_BOTTOM, TITLE_REPORT];
  const own = recurring.filter((p) => !lines.some((l) => l.includes(p) || p.includes(l)));
  const formulas = shuffle([...new Set([...own, ...GENERIC_FORMULAS])]).map(add);
  const cumulative: number[] = [];
  let sum = 0;
  formulas.forEach((_, rank) => cumulative.push((sum += (rank + 1) ** -FORMULA_SKEW)));
  return {
    texts,
    formulas,
    cumulative,
    byLength: [...formulas].sort((a, b) => texts[b].length - texts[a].length || a - b),
    sections: SECTION_HEADINGS.map(add),
    subheadings: SUBHEADINGS.map(add),
    tableHeader: add(TABLE_HEADER),
    tableLabels: TABLE_LABELS.map(add),
    chromeTop: CHROME_TOP.map(add),
    chromeBottom: CHROME_BOTTOM.map(add),
    titleOffice: add(TITLE_OFFICE),
    titleReport: add(TITLE_REPORT),
  };
}

/** A formula drawn by rank: the first few stand in nearly every report, the last in a few. */
function drawFormula(rng: () => number, catalogue: StockCatalogue): number {
  const c = catalogue.cumulative;
  const x = rng() * c[c.length - 1];
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return catalogue.formulas[lo];
}

// Inside a template, a stock phrase is kept between markers until the copy is written out, so
// edits stay out of it and its offsets can be read after slots and edits have moved it.
const CLOSE = 0xe000;
const OPEN = 0xe100;
const CLAUSE_END = /[，。；,;]/u;

function marked(phrase: number, text: string): string {
  return String.fromCharCode(OPEN + phrase) + text + String.fromCharCode(CLOSE);
}

/** Which positions of `chars` are inside a marked phrase, markers included. */
export function markedMask(chars: readonly string[]): Uint8Array {
  const mask = new Uint8Array(chars.length);
  let inside = false;
  chars.forEach((c, i) => {
    const code = c.charCodeAt(0);
    if (code >= OPEN && code <= 0xf8ff) inside = true;
    mask[i] = inside ? 1 : 0;
    if (code === CLOSE) inside = false;
  });
  return mask;
}

/**
 * Marks the formulas a text already holds: seed paragraphs recite them, and text written by the
 * character model comes upon them. Longer formulas first; an occurrence overlapping a marked
 * one is left as it is.
 */
export function markNative(text: string, catalogue: StockCatalogue): string {
  const taken = new Uint8Array(text.length);
  const found: Array<[number, number]> = [];
  for (const id of catalogue.byLength) {
    const phrase = catalogue.texts[id];
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
      if (taken.subarray(at, at + phrase.length).some((x) => x === 1)) continue;
      taken.fill(1, at, at + phrase.length);
      found.push([at, id]);
    }
  }
  let out = text;
  for (const [at, id] of found.sort((a, b) => b[0] - a[0])) {
    const end = at + catalogue.texts[id].length;
    out = out.slice(0, at) + marked(id, out.slice(at, end)) + out.slice(end);
  }
  return out;
}

/** Puts `count` formulas at clause boundaries of `text` (its start, or after a clause's end). */
export function insertStock(rng: () => number, text: string, catalogue: StockCatalogue, count: number): string {
  const mask = markedMask([...text]);
  const boundaries = [0];
  // Code units and code points agree here: the text is CJK of the BMP and ASCII.
  for (let i = 1; i < text.length; i++) if (CLAUSE_END.test(text[i - 1]) && !mask[i - 1]) boundaries.push(i);
  const at = new Set<number>();
  for (let k = 0; k < count; k++) at.add(boundaries[Math.floor(rng() * boundaries.length)]);
  let out = text;
  for (const i of [...at].sort((a, b) => b - a)) {
    const phrase = drawFormula(rng, catalogue);
    out = out.slice(0, i) + marked(phrase, catalogue.texts[phrase]) + '，' + out.slice(i);
  }
  return out;
}

/** The text without markers, and where each marked phrase ended up. */
export function unmarkStock(text: string): { text: string; stock: StockInsertion[] } {
  const stock: StockInsertion[] = [];
  let out = '';
  let open: [number, number] | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CLOSE && open) {
      stock.push([open[0], out.length, open[1]]);
      open = null;
    } else if (code >= OPEN && code <= 0xf8ff) open = [out.length, code - OPEN];
    else out += text[i];
  }
  return { text: out, stock };
}
