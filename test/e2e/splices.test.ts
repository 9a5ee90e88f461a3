import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanPaths } from '../../src/scan/scan.js';
import type { ResultCluster, ScanResult } from '../../src/types.js';

const TITLE = (inserted: string) =>
  `镇党委深入贯彻《中共中央${inserted}全面推进依法治国若干重大问题的决定》总体部署，紧扣中央、省、市关于法治政府建设的各项要求，把法治建设纳入全镇经济社会发展总体规划。`;
const SLOGAN = (inserted: string) =>
  `全镇上下始终坚持以人民为中心的发展思想，${inserted}把群众满意作为检验法治工作成效的根本标准，推动各项工作任务落地见效。`;
const TOWN = (town: string) =>
  `${town}镇司法所联合派出所走进村屯，为群众讲解土地承包和婚姻家庭方面的法律知识，全年开展法律咨询活动二十余场，解答群众疑问三百余条。`;
const OWN = [
  '今年以来，镇里围绕乡村振兴重点任务，持续完善村规民约，推动移风易俗。',
  '镇政府严格落实重大行政决策程序，对涉及群众切身利益的事项广泛征求意见。',
  '全年共办理行政复议答复案件两件，行政诉讼应诉案件一件，均按期办结。',
  '镇综治中心实行矛盾纠纷分级分类处置，做到小事不出村、大事不出镇。',
];

let dir: string;
let result: ScanResult;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-splices-'));
  const reports = [
    ['a-那吾.txt', [OWN[0], TITLE('关于'), SLOGAN(''), TOWN('那吾')]],
    ['b-广海.txt', [OWN[1], TITLE('关于'), SLOGAN(''), TOWN('广海')]],
    ['c-东山.txt', [OWN[2], TITLE('关于'), SLOGAN('')]],
    // A mirrored page: the title with a gambling site's name where 关于 stood, the slogan with one spliced in.
    ['d-mirror.txt', [OWN[3], TITLE('三升体育平台'), SLOGAN('澳门皇冠官方网站，')]],
  ] as const;
  for (const [name, paragraphs] of reports) writeFileSync(join(dir, name), paragraphs.join('\n\n'));
  result = (await scanPaths([dir])).result;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const holding = (text: string) =>
  result.clusters.filter((f) =>
    f.members.some((m) =>
      result.documents[m.doc].paragraphs
        .slice(m.paragraph, (m.lastParagraph ?? m.paragraph) + 1)
        .some((p) => p.text.includes(text)),
    ),
  );
const pathOf = (f: ResultCluster, member: number) => result.documents[f.members[member].doc].path;

describe('text spliced into a copy', () => {
  it('flags the spliced title: the gambling name in place of 关于, with what the other reports say', () => {
    const [f] = holding('若干重大问题的决定');
    expect(f.kind).toBe('spliced');
    const s = f.splices!.find((x) => x.canonical === '关于')!;
    expect([s.text, s.canonical]).toEqual(['三升体育平台', '关于']);
    expect(pathOf(f, s.member)).toMatch(/d-mirror\.txt$/);
    const m = f.members[s.member];
    expect(result.documents[m.doc].paragraphs[s.paragraph].text.slice(s.start, s.end)).toBe('三升体育平台');
  });

  it('flags the spliced slogan, an insertion the other reports do not have', () => {
    const [f] = holding('检验法治工作成效的根本标准');
    expect(f.kind).toBe('spliced');
    const s = f.splices!.find((x) => x.text.startsWith('澳门'))!;
    expect([s.text, s.canonical]).toEqual(['澳门皇冠官方网站，', '']);
    expect(pathOf(f, s.member)).toMatch(/d-mirror\.txt$/);
  });

  it('lists splices first, in the queue', () => {
    expect([result.clusters[0].kind, result.clusters[0].boilerplate]).toEqual(['spliced', false]);
    expect(result.clusters.slice(1).some((f) => f.splices)).toBe(false);
  });

  it('does not flag a place name filled in', () => {
    const found = holding('司法所联合派出所走进村屯');
    expect(found).toHaveLength(1);
    expect(found[0].kind).not.toBe('spliced');
    expect(found[0].splices).toBeUndefined();
  });
});
