import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../../src/workspace/index.js';
import { scanIntoWorkspace } from '../../src/scan/index.js';

const dir = mkdtempSync(join(tmpdir(), 'refrain-follow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PARAGRAPH =
  '今年镇里成立了由镇长任组长的便民服务工作专班，把户籍办理、社保参保和土地流转三项业务合并到一个窗口，群众平均等候时间从四十分钟缩短到十二分钟，全年办件一万二千余件，没有发生一起投诉。';
const report = (town: string, changed: string) =>
  `${town}2024年度工作报告\n${PARAGRAPH.replace('群众', changed)}\n${town}还完成了其他各项工作任务。\n`;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('a decision on a finding', () => {
  it('follows it when an added report makes another place its first member (and so its key)', async () => {
    const a = report('青石镇', '居民');
    const b = report('白马镇', '村民');
    // A third near copy whose bytes sort first: compared first, it leads the finding.
    let c = '';
    for (let i = 0; !c || sha(c) > sha(a) || sha(c) > sha(b); i++)
      c = report(`金沙${'乡'.repeat(1 + (i % 3))}${i}号`, '百姓');
    writeFileSync(join(dir, 'a.txt'), a);
    writeFileSync(join(dir, 'b.txt'), b);
    const ws = join(dir, 'w.db');
    const first = await scanIntoWorkspace([join(dir, 'a.txt'), join(dir, 'b.txt')], { workspace: ws });
    const finding = first.result.clusters.find((f) => !f.boilerplate)!;
    expect(finding.docCount).toBe(2);
    const w = openWorkspace(ws);
    w.decide(finding.key, 'copied', 'county template');
    w.close();

    writeFileSync(join(dir, 'c.txt'), c);
    const second = await scanIntoWorkspace([join(dir, 'c.txt')], { workspace: ws });
    const grown = second.result.clusters.find((f) => f.docCount === 3)!;
    expect(grown.key).not.toBe(finding.key);
    const again = openWorkspace(ws, { readonly: true });
    expect(again.decisions().find((d) => d.key === grown.key)).toMatchObject({
      label: 'copied',
      note: 'county template',
    });
    again.close();
  });
});
