import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractors, ExtractError, htmlToText, decodeHtml } from '../../../src/read/ingest/formats/index.js';
import { itemsToLines, type PdfItem } from '../../../src/read/ingest/formats/pdf.js';
import { foldIdeographs } from '../../../src/read/ingest/formats/ideographs.js';
import { stripArtefacts, shiftOffset, ARTEFACTS } from '../../../src/read/ingest/artefacts.js';
import { foldChinese } from '../../../src/read/normalize/fold-chinese.js';
import { segment } from '../../../src/read/segment/segment.js';
import { ingestFile, registerExtractor, sha256 } from '../../../src/read/ingest/index.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join('test/fixtures/formats', name)));
const seed = (name: string) => readFileSync(join('corpus', name), 'utf8').replace(/\r\n?/g, '\n');
const squeeze = (s: string) => s.replace(/\s+/gu, '');
/** The seed's non-empty lines, trimmed: its paragraphs as written. */
const seedLines = (name: string) =>
  seed(name)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

describe('pdf', () => {
  const cleanSeed = () => {
    const lines = seed('000_8507adb33dc1f7a6.txt').split('\n');
    return lines
      .slice(
        0,
        lines.findIndex((l) => l.trim() === '一、'),
      )
      .map((l) => l.trim())
      .filter((l) => l !== '');
  };

  test('text PDF: every printed line, in order, with the pages where they start', async () => {
    const bytes = fixture('000-report.pdf');
    const size = bytes.length;
    const out = await extractors.pdf(bytes, '000-report.pdf');
    expect(bytes.length).toBe(size); // the caller's bytes are not handed over to pdf.js
    expect(out.format).toBe('pdf');
    expect(out.warnings).toBeUndefined();
    expect(squeeze(out.text)).toBe(squeeze(cleanSeed().join('')));
    const lines = out.text.split('\n');
    // Titles are in a font with a predefined CMap (UniGB-UCS2-H), which needs pdf.js's CMap files.
    expect(lines.slice(0, 3)).toEqual(['黔江区黑溪镇人民政府', '2021年度法治政府建设情况报告', '区依法治区办：']);
    // Each line was written as two text items on one baseline.
    expect(lines[3]).toBe('2021年，黑溪镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落');
    expect(out.pageStarts).toHaveLength(4);
    const starts = out.pageStarts!;
    expect(starts[0]).toBe(0);
    expect(out.text.slice(starts[1]).startsWith('职法律工作者；全镇47名综治网格')).toBe(true);
    expect(out.text.slice(starts[2]).startsWith('，底数清，有效提高矛盾纠纷的调处')).toBe(true);
    expect(out.text.slice(starts[3]).startsWith('题，广泛开展法治宣传活动，营造良')).toBe(true);
    for (const s of starts.slice(1)) expect(out.text[s - 1]).toBe('\n');
  });

  test("text PDF: the lines the layout shows to start a paragraph are exactly the seed paragraphs' first lines", async () => {
    const out = await extractors.pdf(fixture('000-report.pdf'), '000-report.pdf');
    const lines = out.text.split('\n');
    const paragraphs = cleanSeed().map(squeeze);
    const starting = out.paragraphLines!.map((n) => squeeze(lines[n - 1]));
    expect(starting).toHaveLength(paragraphs.length);
    starting.forEach((line, i) => expect(paragraphs[i].startsWith(line), line).toBe(true));
  });

  test('text PDF: each seed paragraph comes back whole from the segment stage, on its page', async () => {
    const out = await extractors.pdf(fixture('000-report.pdf'), '000-report.pdf');
    const segments = segment(out.text);
    const pageOf = (offset: number) => out.pageStarts!.filter((s) => s <= offset).length;
    for (const paragraph of cleanSeed().slice(2)) {
      const found = segments.find((s) => squeeze(s.text).includes(squeeze(paragraph)));
      expect(found, paragraph.slice(0, 20)).toBeDefined();
    }
    const third = segments.find((s) => s.text.startsWith('三是责任落实到位'))!;
    expect(pageOf(third.start)).toBe(2);
    // Page 4 opens in the middle of the last paragraph, which starts on page 3.
    const last = segments.find((s) => s.text.includes('一是加强依法行政能力建设'))!;
    expect(pageOf(last.start)).toBe(3);
    expect(last.start + last.text.length).toBeGreaterThan(out.pageStarts![3]);
  });

  test('a PDF whose text map names radicals for 广 矛 长 门 reads as the report was written', async () => {
    const out = await extractors.pdf(fixture('003-radicals.pdf'), '003-radicals.pdf');
    // pdf.js hands over ⼴ (U+2F34), ⽭ (U+2F6D), ⻓ (U+2ED3) and ⻔ (U+2ED4) for this file.
    expect(out.text).not.toMatch(/[\u2e80-\u2fdf]/u);
    expect(squeeze(out.text)).toContain('化解社会矛盾纠纷。广海镇加强对群体性');
    const seed003 = seedLines('003_b19ea781908929a7.txt');
    const paragraph = seed003.find((l) => l.startsWith('(四)'))!;
    expect(squeeze(out.text)).toContain(squeeze(paragraph));
  });

  test('scanned PDF with no text layer is an error that says so', async () => {
    await expect(extractors.pdf(fixture('scanned.pdf'), 'scanned.pdf')).rejects.toThrow(
      new ExtractError('no text layer: scanned PDF? run OCR first'),
    );
  });

  test('a PDF with some scanned pages is read, with a warning naming the pages left out', async () => {
    const out = await extractors.pdf(fixture('partly-scanned.pdf'), 'partly-scanned.pdf');
    expect(out.text.split('\n')[0]).toBe('黔江区黑溪镇人民政府');
    expect(out.text.split('\n')[1].startsWith('2021年，黑溪镇坚持以习近平')).toBe(true);
    expect(out.pageStarts).toEqual([0, out.text.length]);
    expect(out.paragraphLines).toEqual([1, 2]);
    expect(out.warnings).toEqual(['page 2 of 2 carries no text (scanned images?); run OCR to include it']);
  });

  test('corrupt and non-PDF files are ExtractErrors with a reason', async () => {
    const truncated = fixture('000-report.pdf').slice(0, 300);
    const err = await extractors.pdf(truncated, 'x.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as Error).message).toMatch(/^cannot read PDF \(.+\)$/);
    const notPdf = await extractors.pdf(new TextEncoder().encode('hello, not a pdf'), 'y.pdf').catch((e: unknown) => e);
    expect(notPdf).toBeInstanceOf(ExtractError);
    expect((notPdf as Error).message).toMatch(/^cannot read PDF/);
  });

  test('items on one baseline join; a change of y starts a line; Latin words keep their gap', () => {
    const item = (str: string, x: number, y: number, width: number): PdfItem => ({ str, x, y, width, height: 10 });
    const lines = itemsToLines([
      item('法治政府', 72, 700, 40),
      item('建设报告', 112, 700.3, 40), // same line, jitter in y
      item('annual', 72, 680, 30),
      item('report', 106, 680, 30), // 4 units apart, no space character: a word gap
      item('2021', 136.5, 680, 20), // touching: no gap
      item('', 156, 680, 0),
      item('  ', 72, 660, 5), // whitespace only: no line
      item('第二页', 72, 640, 30),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['法治政府建设报告', 'annual report2021', '第二页']);
  });
});

describe('docx', () => {
  test('paragraphs stay paragraphs, runs are joined, the _GoBack bookmark leaves no trace', async () => {
    const bytes = fixture('002-report.docx');
    const out = await extractors.docx(bytes, '002-report.docx');
    expect(out.format).toBe('docx');
    const expected = seedLines('002_a2fffb7c7f62c0d4.txt').map((l) => l.replace('[bookmark: _GoBack]', ''));
    expect(out.text.split('\n')).toEqual(expected);
    expect(out.text).not.toContain('bookmark');
    expect(segment(out.text).map((s) => s.text)).toEqual(expected);
  });

  test('a file that is not a Word document is an ExtractError', async () => {
    const err = await extractors
      .docx(new TextEncoder().encode('not a zip at all'), 'bad.docx')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as Error).message).toMatch(/^cannot read \.docx \(.+\)$/);
  });
});

describe('html', () => {
  test('page with site chrome: article text line by line; scripts, styles, nav, header, footer, hidden dropped', async () => {
    const out = await extractors.html(fixture('003-page.html'), '003-page.html');
    expect(out.format).toBe('html');
    expect(out.encoding).toBe('utf-8');
    const expected = seedLines('003_b19ea781908929a7.txt')
      .filter((l) => !l.startsWith('联系方式')) // in the page's <footer>
      .map((l) => (l === '您现在的位置 :' ? '您现在的位置 : 首页 > 政务公开' : l));
    expect(out.text.split('\n')).toEqual(expected);
    for (const gone of [
      'siteName',
      '统计代码',
      '脚本写入',
      '办事服务',
      '专题专栏',
      '长者模式',
      '网站标识码',
      '二维码',
      'float',
    ]) {
      expect(out.text).not.toContain(gone);
    }
  });

  test('block elements break lines, inline ones do not; entities decoded; whitespace collapsed', () => {
    const html =
      '<html><body><div>第一<b>段</b>&nbsp;文字</div><p>A  &amp;\n B<br>C</p>' +
      '<table><tr><td>甲</td><td>乙</td></tr></table><ul><li>一</li><li>二</li></ul>' +
      '<pre>line 1\n  line 2</pre><p>法治\n   政府, 建设\n报告</p><!-- comment --></body></html>';
    // A source line break between two CJK characters is no space; after a comma it is one.
    expect(htmlToText(html)).toBe(
      ['第一段 文字', 'A & B', 'C', '甲', '乙', '一', '二', 'line 1', 'line 2', '法治政府, 建设报告'].join('\n'),
    );
  });

  test('dropped: script, style, noscript, template, nav, header, footer, aside, role=navigation, hidden', () => {
    const html =
      '<head><title>T</title></head><body><script>s()</script><style>p{}</style><noscript>n</noscript>' +
      '<template><p>t</p></template><nav>nav</nav><header>h</header><aside>a</aside>' +
      '<div role="navigation">r</div><div hidden>hid</div><div style="color:red; display: none">dn</div>' +
      '<p>kept</p><footer>f</footer></body>';
    expect(htmlToText(html)).toBe('kept');
  });

  test('declared GB2312 page is decoded as GB18030', () => {
    const head = new TextEncoder().encode(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>',
    );
    const gbk = [0xb7, 0xa8, 0xd6, 0xce]; // 法治
    const tail = new TextEncoder().encode('</p></body></html>');
    const bytes = new Uint8Array([...head, ...gbk, ...tail]);
    const decoded = decodeHtml(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(htmlToText(decoded.text)).toBe('法治');
  });

  test('a page that is not valid in its declared charset is detected instead, with a warning', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="utf-8"><p>'), 0xb7, 0xa8, 0xd6, 0xce]);
    const out = await extractors.html(bytes, 'x.html');
    expect(out.text).toBe('法治');
    expect(out.encoding).toBe('gb18030');
    expect(out.warnings).toEqual(['page is not valid utf-8 as it declares; detected the encoding instead']);
  });

  test('htm and xhtml use the same extractor', () => {
    expect(extractors.htm).toBe(extractors.html);
    expect(extractors.xhtml).toBe(extractors.html);
  });
});

describe('stripArtefacts', () => {
  test('removes Word bookmarks, pandoc anchors, zero-width characters and soft hyphens, counting them', () => {
    const one = stripArtefacts('[bookmark: _GoBack]全面推行严格规范');
    expect(one.text).toBe('全面推行严格规范');
    expect(one.removed).toBe(1);
    expect(one.cuts).toEqual([{ start: 0, end: 19, reason: ARTEFACTS[0].reason }]);
    const many = stripArtefacts('甲[bookmark: _Toc123]乙[]{#_Toc9 .anchor}丙\u200b丁\ufeff戊\u00adsoft');
    expect(many.text).toBe('甲乙丙丁戊soft');
    expect(many.removed).toBe(5);
    expect(many.cuts.map((c) => ARTEFACTS.findIndex((a) => a.reason === c.reason))).toEqual([0, 1, 2, 2, 3]);
    expect(stripArtefacts('no artefacts [here] {#x}')).toEqual({
      text: 'no artefacts [here] {#x}',
      removed: 0,
      cuts: [],
    });
  });

  test('seed 002 without its artefact equals the paragraph of the Word file', async () => {
    const line = seed('002_a2fffb7c7f62c0d4.txt')
      .split('\n')
      .find((l) => l.includes('[bookmark'))!;
    const stripped = stripArtefacts(line);
    expect(stripped.removed).toBe(1);
    const docx = await extractors.docx(fixture('002-report.docx'), '002-report.docx');
    expect(docx.text.split('\n')).toContain(stripped.text.trim());
  });

  test('offsets found before stripping (page starts) move with the text', () => {
    const text = 'p1 \u200bone\n[bookmark: x]p2 two\np3';
    const { text: out, cuts } = stripArtefacts(text);
    const starts = [0, text.indexOf('[bookmark'), text.indexOf('p3')];
    expect(starts.map((o) => shiftOffset(o, cuts))).toEqual([0, out.indexOf('p2'), out.indexOf('p3')]);
    // An offset inside a removed stretch lands where the stretch was.
    expect(shiftOffset(text.indexOf('x]'), cuts)).toBe(out.indexOf('p2'));
  });

  test('every pattern is global and has a reason', () => {
    for (const a of ARTEFACTS) {
      expect(a.pattern.global).toBe(true);
      expect(a.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('foldChinese', () => {
  test('Traditional to Simplified, character by character, length kept', () => {
    expect(foldChinese('法治政府建設報告')).toBe('法治政府建设报告');
    expect(foldChinese('乾隆頭髮發展裡面後來臺灣衛生乾淨這個')).toBe('干隆头发发展里面后来台湾卫生干净这个');
  });

  test('non-Han text is untouched, including surrogate pairs and lone surrogates', () => {
    const other = 'Annual report 2021, ﬁne — «ok» 。，、カタカナ 한국어 😀 \ud800 x\n\t';
    expect(foldChinese(other)).toBe(other);
    const mixed = `頭${other}髮`;
    expect(foldChinese(mixed)).toBe(`头${other}发`);
  });

  test('the Traditional mirror of seed 001 folds to exactly what the seed folds to', () => {
    const traditional = readFileSync('test/fixtures/formats/001-traditional.txt', 'utf8');
    const original = seed('001_efdfc4879b8da8ba.txt');
    expect(traditional).not.toBe(original);
    expect(traditional.length).toBe(original.length);
    expect(foldChinese(traditional)).toBe(foldChinese(original));
  });

  test('Simplified seeds come back unchanged except 著, which folds to 着 on both sides', () => {
    for (const name of ['000_8507adb33dc1f7a6.txt', '001_efdfc4879b8da8ba.txt', '003_b19ea781908929a7.txt']) {
      const text = seed(name);
      expect(foldChinese(text)).toBe(text);
    }
    const text = seed('002_a2fffb7c7f62c0d4.txt');
    expect(foldChinese(text)).toBe(text.replaceAll('著', '着'));
  });

  test('folding twice is folding once', () => {
    const text = readFileSync('test/fixtures/formats/001-traditional.txt', 'utf8');
    const once = foldChinese(text);
    expect(foldChinese(once)).toBe(once);
  });
});

describe('foldIdeographs', () => {
  test('Kangxi radicals, radical-supplement forms and compatibility ideographs become the unified ideographs', () => {
    expect(foldIdeographs('社会⽭盾纠纷、⼴海镇、⻓期、⻔户、⻢上')).toBe('社会矛盾纠纷、广海镇、长期、门户、马上');
    // A supplement form whose ideograph is outside the BMP, and a compatibility ideograph.
    expect(foldIdeographs('⺇ \uf914')).toBe('\u{20628} \u6a02');
  });

  test('leaves everything else alone, unified ideographs in the compatibility block included', () => {
    const text = '﨑 法治 abc ２０２１ ⿰ \u2fd6 𠀀';
    expect(foldIdeographs(text)).toBe(text);
  });
});

describe('through ingest', () => {
  for (const [ext, extractor] of Object.entries(extractors)) registerExtractor(ext, extractor);

  test('each format becomes a document; the file hash is of the untouched bytes', async () => {
    for (const [name, format] of [
      ['000-report.pdf', 'pdf'],
      ['002-report.docx', 'docx'],
      ['003-page.html', 'html'],
    ]) {
      const bytes = fixture(name);
      const hash = sha256(new Uint8Array(bytes));
      const result = await ingestFile({ path: name, bytes }, 0);
      expect(result.ok, name).toBe(true);
      if (!result.ok) continue;
      expect(result.document.format).toBe(format);
      expect(result.document.hash).toBe(hash);
      expect(result.document.pageStarts !== undefined).toBe(format === 'pdf');
    }
  });

  test('a .txt keeps its radicals as written: only PDF extraction folds them', async () => {
    const bytes = new TextEncoder().encode('化解社会⽭盾纠纷\n');
    const result = await ingestFile({ path: 'notes.txt', bytes }, 0);
    expect(result.ok && result.document.text).toBe('化解社会⽭盾纠纷\n');
  });

  test('a scanned PDF becomes a diagnostic, not an empty document', async () => {
    const result = await ingestFile({ path: 'scans/scanned.pdf', bytes: fixture('scanned.pdf') }, 0);
    expect(result).toEqual({
      ok: false,
      diagnostic: { path: 'scans/scanned.pdf', level: 'error', message: 'no text layer: scanned PDF? run OCR first' },
    });
  });
});
