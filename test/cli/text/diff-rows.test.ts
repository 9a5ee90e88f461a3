import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import fc from 'fast-check';
import { diffTexts, diffTextsDetailed, type DiffPart } from '../../../src/diff/index.js';
import { alignRows, cellWidth, LayoutError, stackRows, type Row, type Segment } from '../../../cli/text/diff-rows.js';

/** A diff as one short string: `[-removed-]{+added+}` around changes. */
function showParts(parts: DiffPart[]): string {
  return parts.map((p) => (p.op === 'same' ? p.text : p.op === 'del' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}

/** A cell as text, padding shown as '.', so alignment is visible in the expected strings. */
function showCell(cells: Segment[]): string {
  return cells.map((s) => (s.op === 'pad' ? '.'.repeat(s.text.length) : s.text)).join('');
}

function showRows(rows: Row[]): string[] {
  return rows.map((r) => `${showCell(r.left)}|${showCell(r.right)}`);
}

describe('diffTexts', () => {
  const cases: { name: string; a: string; b: string; want: string; level: string }[] = [
    { name: 'identical', a: '依法行政', b: '依法行政', want: '依法行政', level: 'char' },
    { name: 'both empty', a: '', b: '', want: '', level: 'char' },
    {
      name: 'CJK: one character replaced',
      a: '那吾镇人民政府',
      b: '那吾乡人民政府',
      want: '那吾[-镇-]{+乡+}人民政府',
      level: 'char',
    },
    {
      name: 'CJK: digits compared per character',
      a: '化解率达99%',
      b: '化解率达98%',
      want: '化解率达9[-9-]{+8+}%',
      level: 'char',
    },
    { name: 'CJK: insertion', a: '法治建设', b: '法治政府建设', want: '法治{+政府+}建设', level: 'char' },
    {
      name: 'alphabetic: whole words',
      a: 'the quick fox',
      b: 'the slow fox',
      want: 'the [-quick-]{+slow+} fox',
      level: 'word',
    },
    {
      name: 'mixed: a Latin word is one token',
      a: '推行APP办理',
      b: '推行APK办理',
      want: '推行[-APP-]{+APK+}办理',
      level: 'token',
    },
    {
      name: 'mixed: CJK characters are tokens of their own',
      a: '使用OA系统',
      b: '使用OA平台',
      want: '使用OA[-系统-]{+平台+}',
      level: 'token',
    },
    {
      name: 'outside the BMP: one character, not two halves',
      a: '甲𠀀乙',
      b: '甲𠀁乙',
      want: '甲[-𠀀-]{+𠀁+}乙',
      level: 'char',
    },
    { name: 'only additions', a: '', b: '新增', want: '{+新增+}', level: 'char' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = diffTextsDetailed(c.a, c.b);
      expect(showParts(d.parts)).toBe(c.want);
      expect(d.level).toBe(c.level);
      expect(d.coarse).toBe(false);
    });
  }

  it('keeps both texts recoverable from the parts', () => {
    const a = '一是深化法治教育培训，构建全方位学习体系。二是强化制度体系建设。';
    const b = '一是深化法治宣传教育，构建多层次学习体系。三是完善制度体系。';
    const parts = diffTexts(a, b);
    expect(
      parts
        .filter((p) => p.op !== 'add')
        .map((p) => p.text)
        .join(''),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.op !== 'del')
        .map((p) => p.text)
        .join(''),
    ).toBe(b);
  });

  it('falls back to sentences, and says so, when the texts are too different for the budget', () => {
    const a = '第一句相同。第二句完全不一样甲乙丙。第三句相同。';
    const b = '第一句相同。另外一些毫无关系的文字丁戊己。第三句相同。';
    const d = diffTextsDetailed(a, b, { maxCost: 10 });
    expect(d.level).toBe('sentence');
    expect(d.coarse).toBe(true);
    expect(showParts(d.parts)).toBe(
      '第一句相同。[-第二句完全不一样甲乙丙。-]{+另外一些毫无关系的文字丁戊己。+}第三句相同。',
    );
  });

  it('falls back to whole texts when even sentences are over budget', () => {
    const a = Array.from({ length: 40 }, (_, i) => `甲${i}。`).join('');
    const b = Array.from({ length: 40 }, (_, i) => `乙${i}。`).join('');
    const d = diffTextsDetailed(a, b, { maxCost: 10 });
    expect(d.level).toBe('whole');
    expect(d.parts).toEqual([
      { op: 'del', text: a },
      { op: 'add', text: b },
    ]);
  });

  it('stays fine-grained for a 2,000-character paragraph with a few edits', () => {
    const base = '坚持和发展新时代枫桥经验，完善社会矛盾纠纷多元预防调处化解综合机制。'.repeat(60).slice(0, 2000);
    const edited = base.slice(0, 500) + '乡' + base.slice(501, 1500) + '村' + base.slice(1501);
    const d = diffTextsDetailed(base, edited);
    expect(d.coarse).toBe(false);
    expect(d.parts.filter((p) => p.op !== 'same').length).toBe(4);
  });
});

describe('alignRows', () => {
  const cases: { name: string; parts: DiffPart[]; width: number; marks?: boolean; want: string[] }[] = [
    {
      name: 'a replacement starts at the same column on both sides',
      parts: [
        { op: 'same', text: '那吾' },
        { op: 'del', text: '镇' },
        { op: 'add', text: '乡' },
        { op: 'same', text: '政府' },
      ],
      width: 20,
      want: ['那吾[-镇-]政府|那吾{+乡+}政府'],
    },
    {
      name: 'a deletion pads the right side before the shared text',
      parts: [
        { op: 'same', text: '法治' },
        { op: 'del', text: '政府' },
        { op: 'same', text: '建设' },
      ],
      width: 20,
      want: ['法治[-政府-]建设|法治........建设'],
    },
    {
      name: 'without marks, changes take only their own width',
      parts: [
        { op: 'same', text: 'ab' },
        { op: 'add', text: 'XY' },
        { op: 'same', text: 'c' },
      ],
      width: 10,
      marks: false,
      want: ['ab..c|abXYc'],
    },
    {
      name: 'wraps at the width, counting a CJK character as two columns',
      parts: [{ op: 'same', text: '一二三四五六七' }],
      width: 6,
      want: ['一二三|一二三', '四五六|四五六', '七|七'],
    },
    {
      name: 'a wide character that would straddle the edge moves to the next row',
      parts: [{ op: 'same', text: 'a一二三' }],
      width: 6,
      want: ['a一二|a一二', '三|三'],
    },
    {
      name: 'a long removal runs ahead; the right side gets blank rows before the shared text',
      parts: [
        { op: 'same', text: '甲' },
        { op: 'del', text: '一二三四五六' },
        { op: 'same', text: '乙' },
      ],
      width: 8,
      want: ['甲[-一二|甲', '三四五|', '六-]乙|....乙'],
    },
    {
      name: 'a line break in shared text ends the row on both sides',
      parts: [
        { op: 'same', text: '第一行\n第' },
        { op: 'del', text: '二' },
        { op: 'add', text: '三' },
        { op: 'same', text: '行' },
      ],
      width: 20,
      want: ['第一行|第一行', '第[-二-]行|第{+三+}行'],
    },
    {
      name: 'a surrogate pair is one two-column character',
      parts: [
        { op: 'same', text: '𠀀𠀁' },
        { op: 'add', text: '𠀂' },
      ],
      width: 6,
      want: ['𠀀𠀁|𠀀𠀁', '|{+𠀂+}'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(showRows(alignRows(c.parts, c.width, { marks: c.marks }))).toEqual(c.want);
    });
  }

  it('never lets a cell exceed the width, even for a marked character wider than the column', () => {
    const rows = alignRows([{ op: 'del', text: '中' }], 2);
    expect(showRows(rows)).toEqual(['[-|', '中|', '-]|']);
    for (const row of rows) expect(cellWidth(row.left)).toBeLessThanOrEqual(2);
  });

  it('keeps shared text in step on real report text at several widths', () => {
    const a = '坚持“小事不出村，大事不出镇，矛盾不上交”的原则，将12个网格纳入法治管理范畴，化解率达99%。';
    const b = '坚持“小事不出村，大事不出乡，矛盾不上交”的原则，将15个网格纳入法治管理范畴，化解率达98%。';
    const parts = diffTexts(a, b);
    for (const width of [10, 17, 40, 58]) {
      const rows = alignRows(parts, width);
      for (const row of rows) {
        expect(cellWidth(row.left)).toBeLessThanOrEqual(width);
        expect(cellWidth(row.right)).toBeLessThanOrEqual(width);
      }
      // Every shared run starts at the same row and column on both sides.
      const starts = (side: 'left' | 'right') =>
        rows.flatMap((row, r) => {
          let col = 0;
          const found: string[] = [];
          for (const seg of row[side]) {
            if (seg.op === 'same') found.push(`${r}:${col}:${seg.text}`);
            col += stringWidth(seg.text);
          }
          return found;
        });
      expect(starts('left')).toEqual(starts('right'));
      expect(rows.map((r) => showCell(r.left.filter((s) => s.op !== 'pad' && !s.mark))).join('')).toBe(a);
      expect(rows.map((r) => showCell(r.right.filter((s) => s.op !== 'pad' && !s.mark))).join('')).toBe(b);
    }
  });

  it('rejects a width it cannot honour', () => {
    expect(() => alignRows([], 1)).toThrow(LayoutError);
    expect(() => alignRows([], 1)).toThrow('diff column width must be an integer of at least 2, got 1');
  });
});

describe('stackRows', () => {
  it('puts the old line above the new one where they differ, and shared lines once', () => {
    const parts: DiffPart[] = [
      { op: 'same', text: '一二三\n那吾' },
      { op: 'del', text: '镇' },
      { op: 'add', text: '乡' },
      { op: 'same', text: '政府' },
    ];
    const lines = stackRows(parts, 20).map(
      (l) => `${l.changed ? (l.side === 'left' ? '-' : '+') : ' '} ${showCell(l.cells)}`,
    );
    expect(lines).toEqual(['  一二三', '- 那吾[-镇-]政府', '+ 那吾{+乡+}政府']);
  });

  it('gives a pure addition only its new line', () => {
    const lines = stackRows([{ op: 'add', text: '新增' }], 20).map((l) => `${l.side} ${showCell(l.cells)}`);
    expect(lines).toEqual(['right {+新增+}']);
  });
});

describe('alignRows on random texts (property)', () => {
  // Characters of every width class: ASCII, CJK (2 columns), outside the BMP, and a line end.
  const char = fc.constantFrom('a', 'b', ' ', '法', '治', '镇', '乡', '𠀀', '。', '1', '\n');
  const text = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(''));

  it('keeps every cell within the width, both texts whole, and shared text in step', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 2, max: 30 }), fc.boolean(), (a, b, width, marks) => {
        const parts = diffTexts(a, b);
        const rows = alignRows(parts, width, { marks });
        const plain = (side: 'left' | 'right') =>
          rows.map((r) =>
            r[side]
              .filter((s) => s.op !== 'pad' && !s.mark)
              .map((s) => s.text)
              .join(''),
          );
        for (const row of rows) {
          expect(cellWidth(row.left)).toBeLessThanOrEqual(width);
          expect(cellWidth(row.right)).toBeLessThanOrEqual(width);
        }
        // Line ends are layout, not content: compare the texts without them.
        expect(plain('left').join('')).toBe(a.replace(/\n/g, ''));
        expect(plain('right').join('')).toBe(b.replace(/\n/g, ''));
        const sameAt = (side: 'left' | 'right') =>
          rows.flatMap((row, r) => {
            let col = 0;
            return row[side].flatMap((seg) => {
              const at = seg.op === 'same' ? [`${r}:${col}:${seg.text}`] : [];
              col += stringWidth(seg.text);
              return at;
            });
          });
        expect(sameAt('left')).toEqual(sameAt('right'));
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('alignRows with highlighted runs', () => {
  it('marks a change cut into runs once, and keeps the highlighted run apart', () => {
    const rows = alignRows(
      [
        { op: 'same', text: '中共中央' },
        { op: 'del', text: '关于' },
        { op: 'add', text: '三升' },
        { op: 'add', text: '体育平台', highlight: true },
        { op: 'same', text: '全面' },
      ],
      40,
    );
    expect(showRows(rows)).toEqual(['中共中央[-关于-]........全面|中共中央{+三升体育平台+}全面']);
    expect(rows[0].right.filter((s) => s.highlight)).toEqual([{ text: '体育平台', op: 'add', highlight: true }]);
  });
});
