import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/read/normalize/normalize.js';
import { comparable, relate, relateSelf } from '../../../src/compare/align/relate.js';
import { align } from '../../../src/compare/align/tiling.js';

const opts = { threshold: 0.5, minTokens: 12, minWholeTokens: 8 };
const norm = (s: string) => normalize(s, { skipNumbering: true });

/** Renders what relate() found as short text: kind, and the passage of each side. */
function show(a: string, b: string): string[] {
  const na = norm(a);
  const nb = norm(b);
  return relate(comparable(na), comparable(nb), opts).map((r) => {
    const sa = a.slice(na.starts[r.aStart], na.ends[r.aEnd - 1]);
    const sb = b.slice(nb.starts[r.bStart], nb.ends[r.bEnd - 1]);
    return `${r.kind} [${sa}] ~ [${sb}]`;
  });
}

const base = '2023年共开展普法宣传15场次，现场派发各类宣传资料2000余份，受教育群众5000余人次。';

describe('relate', () => {
  const table: Array<[string, string, string, string[]]> = [
    ['identical paragraphs', base, base, [`exact [${base.slice(0, -1)}] ~ [${base.slice(0, -1)}]`]],
    ['only numbers differ', base, base.replace('2023', '2024').replace('15', '9').replace('2000', '1800'), ['numbers']],
    ['punctuation and numbering differ only', '4.全年' + base, '5、全年' + base.replace(/，/g, ','), ['exact']],
    ['a few characters changed', base, base.replace('现场派发', '现场发放').replace('受教育', '教育'), ['near']],
    [
      'shorter contained in longer',
      '完善镇、村、组三级矛盾纠纷排查、调解、处置、督办和考核机制',
      '二是强化矛盾纠纷调处。主动开展矛盾纠纷排查调处工作,完善镇、村、组三级矛盾纠纷排查、调解、处置、督办与考核机制,实行矛盾纠纷动态管理。',
      ['partial'],
    ],
    [
      'same topic, different text',
      '优化法治营商环境，增强惠民强企力度，持续深化放管服改革。',
      '健全决策机制，提升行政决策品质，严格落实重大行政决策程序。',
      [],
    ],
    ['too short to matter', '依法行政', '依法行政', []],
  ];
  it.each(table)('%s', (_name, a, b, expected) => {
    const got = show(a, b);
    expect(got.map((g) => (expected[0]?.includes('[') ? g : g.split(' ')[0]))).toEqual(expected);
  });

  it('finds a clause shared by otherwise different paragraphs, with its offsets', () => {
    const a =
      '为解决我镇因高速征地引起的矛盾纠纷，镇党委、政府加强信访工作，明确了重点案件领导包挂、镇村干部分级负责的工作责任制。截至目前，我镇共受理群众来访145人次。';
    const b =
      '以重点疑难问题化解为突破口,健全班子成员定期接访的工作机制,落实重点案件领导包挂、镇村干部分级负责的工作责任制。严格执行《信访条例》。';
    expect(show(a, b)).toEqual([
      'exact [重点案件领导包挂、镇村干部分级负责的工作责任制] ~ [重点案件领导包挂、镇村干部分级负责的工作责任制]',
    ]);
  });

  it('is symmetric in what it finds', () => {
    const a = comparable(
      norm(
        '秉持“小事不出村，大事不出乡，矛盾不上交”的准则，全面推广新时代“枫桥经验”，为从源头预防和化解各类社会矛盾纠纷指明方向。',
      ),
    );
    const b = comparable(
      norm('坚持“小事不出村,大事不出镇,矛盾不上交”的原则,全面推行新时代“枫桥经验”矛盾化解机制,以群众工作为抓手。'),
    );
    const ab = relate(a, b, opts);
    const ba = relate(b, a, opts);
    expect(ab).toHaveLength(1);
    expect(ba.map((r) => [r.bStart, r.bEnd, r.aStart, r.aEnd, r.kind])).toEqual(
      ab.map((r) => [r.aStart, r.aEnd, r.bStart, r.bEnd, r.kind]),
    );
  });
});

describe('align', () => {
  it('chains exact runs across small edits into one region', () => {
    const a = Uint32Array.from([1, 2, 3, 4, 5, 6, 9, 7, 8, 10, 11, 12]);
    const b = Uint32Array.from([1, 2, 3, 4, 5, 6, 99, 98, 7, 8, 10, 11, 12]);
    expect(align(a, b)).toEqual([
      { aStart: 0, aEnd: 12, bStart: 0, bEnd: 13, matched: 11, longest: 6, tiles: [0, 0, 6, 7, 8, 5] },
    ]);
  });
  it('keeps far-apart runs in separate regions', () => {
    const gap = Array.from({ length: 30 }, (_, i) => 1000 + i);
    const a = Uint32Array.from([1, 2, 3, 4, ...gap, 5, 6, 7, 8]);
    const b = Uint32Array.from([1, 2, 3, 4, ...gap.map((x) => x + 500), 5, 6, 7, 8]);
    expect(align(a, b).map((r) => [r.aStart, r.aEnd, r.bStart, r.bEnd])).toEqual([
      [0, 4, 0, 4],
      [34, 38, 34, 38],
    ]);
  });
});

describe('relate on passages with numbers', () => {
  const clause = '落实重点案件领导包挂、镇村干部分级负责的工作责任制，全年化解信访积案12件';
  const a = `截至2023年底，我镇共受理群众来访145人次。${clause}。`;
  it('calls a passage exact when only numbers outside it differ', () => {
    const b = `以重点疑难问题化解为突破口，2024年共接访98人次，召开3次会议，健全班子成员定期接访机制。${clause}。`;
    expect(show(a, b).map((s) => s.split(' ')[0])).toEqual(['exact']);
  });
  it('calls it numbers when a number inside it differs', () => {
    const b = `以重点疑难问题化解为突破口，2023年共接访145人次，健全班子成员定期接访机制。${clause.replace('12', '7')}。`;
    expect(show(a, b).map((s) => s.split(' ')[0])).toEqual(['numbers']);
  });
});

describe('relateSelf', () => {
  it('finds a sentence a paragraph says twice, never the paragraph matching itself in place', () => {
    const sentence = '今年我镇共调处各类矛盾纠纷一百二十件，调处成功率达到百分之九十八以上。';
    const text = `${sentence}同时加强人民调解员队伍建设，举办培训班三期。${sentence.replace('一百二十', '一百三十')}`;
    const n = norm(text);
    const found = relateSelf(comparable(n), opts).map((r) => [
      r.kind,
      text.slice(n.starts[r.aStart], n.ends[r.aEnd - 1]),
      text.slice(n.starts[r.bStart], n.ends[r.bEnd - 1]),
    ]);
    expect(found).toEqual([['near', sentence.slice(0, -1), sentence.replace('一百二十', '一百三十').slice(0, -1)]]);
    expect(relateSelf(comparable(norm(sentence)), opts)).toEqual([]);
  });
});
