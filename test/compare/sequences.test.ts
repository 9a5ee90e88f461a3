import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanPaths } from '../../src/scan/scan.js';
import { joinSequences } from '../../src/compare/sequences.js';
import type { ResultCluster, ResultMember } from '../../src/types.js';

const finding = (members: ResultMember[], extra: Partial<ResultCluster> = {}): ResultCluster => ({
  id: 0,
  scope: 'across',
  kind: 'exact',
  boilerplate: false,
  content: 50,
  docCount: 2,
  similarity: 1,
  chars: 100,
  key: `k${members[0].paragraph}`,
  members,
  ...extra,
});
const length = () => 100;
const show = (fs: ResultCluster[]) =>
  fs.map(
    (f) =>
      f.members
        .map((m) => `${m.doc}:${m.paragraph}${m.lastParagraph === undefined ? '' : `-${m.lastParagraph}`}`)
        .join(' ') + (f.parts ? ` (${f.parts.length} parts)` : ''),
  );

describe('joinSequences', () => {
  it('joins copies that follow each other in both reports into one run, over a paragraph left out', () => {
    const out = joinSequences(
      [
        finding([
          { doc: 0, paragraph: 2 },
          { doc: 1, paragraph: 3 },
        ]),
        finding(
          [
            { doc: 0, paragraph: 3 },
            { doc: 1, paragraph: 4 },
          ],
          { boilerplate: true, stock: 'line', content: 4 },
        ),
        finding(
          [
            { doc: 0, paragraph: 5 },
            { doc: 1, paragraph: 5 },
          ],
          { kind: 'near', similarity: 0.9 },
        ),
      ],
      length,
    );
    expect(show(out)).toEqual(['0:2-5 1:3-5 (3 parts)']);
    expect(out[0]).toMatchObject({ kind: 'near', similarity: 0.9, boilerplate: false, content: 104 });
  });

  it('keeps apart copies that do not advance together, stand in other reports, or are only a clause', () => {
    const out = joinSequences(
      [
        finding([
          { doc: 0, paragraph: 2 },
          { doc: 1, paragraph: 3 },
        ]),
        finding([
          { doc: 0, paragraph: 3 },
          { doc: 1, paragraph: 1 },
        ]),
        finding([
          { doc: 0, paragraph: 4 },
          { doc: 2, paragraph: 5 },
        ]),
        finding([
          { doc: 0, paragraph: 5, start: 0, end: 20 },
          { doc: 1, paragraph: 6, start: 10, end: 30 },
        ]),
      ],
      length,
    );
    expect(show(out).sort()).toEqual(['0:2 1:3', '0:3 1:1', '0:4 2:5', '0:5 1:6']);
  });

  it('is all boilerplate only when every copy is', () => {
    const out = joinSequences(
      [
        finding(
          [
            { doc: 0, paragraph: 0 },
            { doc: 1, paragraph: 0 },
          ],
          { boilerplate: true, stock: 'line' },
        ),
        finding(
          [
            { doc: 0, paragraph: 1 },
            { doc: 1, paragraph: 1 },
          ],
          { boilerplate: true, stock: 'line' },
        ),
      ],
      length,
    );
    expect(out[0]).toMatchObject({ boilerplate: true, stock: 'line' });
  });
});

const dir = mkdtempSync(join(tmpdir(), 'refrain-sequences-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a recycled report', () => {
  const body = [
    '一、推进法治政府建设的主要举措和成效',
    '青石镇党委政府把法治政府建设纳入全镇经济社会发展总体规划，年初召开专题会议研究部署，镇长与各办所负责人签订目标责任书，年底逐项考核。',
    '全年组织干部职工集中学法十二次，邀请县司法局律师讲授行政诉讼和信访法律知识，干部参学率达到百分之九十八以上。',
    '推行行政执法公示、执法全过程记录和重大执法决定法制审核，镇综合执法队配备执法记录仪十台，案卷评查合格率达到百分之百。',
    '二、存在的不足和原因',
    '个别村干部依法办事意识不强，调处土地纠纷时仍凭经验办事，基层法律顾问作用发挥不够充分，群众在家门口获得法律服务还不便利。',
  ];
  it('is one finding naming its paragraph range on each side, its copies inside it', async () => {
    writeFileSync(join(dir, '2023.txt'), ['青石镇2023年度法治政府建设情况报告', ...body].join('\n') + '\n');
    const again = body.map((p) => p.replaceAll('青石镇', '白马镇'));
    again[3] =
      '今年镇里新建了便民服务中心，办事群众可以在一个窗口办完户籍、社保和土地流转手续，平均等候时间缩短到十分钟。';
    writeFileSync(join(dir, '2024.txt'), ['白马镇2024年度法治政府建设情况报告', ...again].join('\n') + '\n');
    const { result } = await scanPaths([dir]);
    const runs = result.clusters.filter((c) => c.members.some((m) => m.lastParagraph !== undefined));
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run.boilerplate).toBe(false);
    expect(run.members.map((m) => [m.doc, m.paragraph, m.lastParagraph]).sort()).toEqual([
      [0, 0, 6],
      [1, 0, 6],
    ]);
    // The title (its place and year changed), the heading, two paragraphs, a heading and the last
    // paragraph: the rewritten paragraph between them is not a copy.
    expect(run.parts!.map((p) => p.map((m) => m.paragraph))).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
      [5, 5],
      [6, 6],
    ]);
    // Nothing of the two reports is reported again outside the run.
    expect(result.clusters).toHaveLength(1);
  });
});
