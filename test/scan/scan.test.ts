import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanPaths } from '../../src/scan/scan.js';
import { resolveSettings } from '../../src/settings.js';

let dir: string;
const para2023 =
  '2023年，全镇共开展法治宣传活动15场次，发放宣传资料3000余份，受教育群众5000余人次，调处化解矛盾纠纷220余件，调解成功率达到98%。';
const para2024 =
  '2024年，全镇共开展法治宣传活动18场次，发放宣传资料3500余份，受教育群众6200余人次，调处化解矛盾纠纷240余件，调解成功率达到99%。';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-pipe-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(
    join(dir, 'a.txt'),
    `甲镇2023年法治政府建设工作报告\n${para2023}\n我镇坚持把学习贯彻习近平法治思想作为首要政治任务，落实各项制度。\n`,
  );
  writeFileSync(
    join(dir, 'sub', 'b.txt'),
    `关于乙镇依法行政情况的说明\n${para2024}\n全面推行行政执法公示制度，规范执法行为，接受群众监督。\n`,
  );
  writeFileSync(join(dir, '.hidden.txt'), para2023);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanPaths', () => {
  it('classifies a paragraph copied with only its year and counts changed as numbers', async () => {
    const { result } = await scanPaths([dir]);
    expect(result.documents.map((d) => d.path.slice(dir.length + 1))).toEqual(['a.txt', 'sub/b.txt']);
    const numbers = result.clusters.filter((c) => c.kind === 'numbers');
    expect(numbers).toHaveLength(1);
    expect(numbers[0]).toMatchObject({ scope: 'across', docCount: 2 });
    // The representative is whichever report comes first by content, not by name.
    expect(numbers[0].members.map((m) => [m.doc, m.paragraph, m.start]).sort()).toEqual([
      [0, 1, undefined],
      [1, 1, undefined],
    ]);
  });

  it('finds a sentence repeated inside one paragraph', async () => {
    const sentence = '今年我镇共调处各类矛盾纠纷一百二十件，调处成功率达到百分之九十八以上。';
    const own = mkdtempSync(join(tmpdir(), 'refrain-self-'));
    writeFileSync(
      join(own, 'a.txt'),
      `甲镇工作报告\n${sentence}同时加强人民调解员队伍建设，举办培训班三期。${sentence}\n`,
    );
    const { result } = await scanPaths([own]);
    rmSync(own, { recursive: true, force: true });
    expect(result.clusters.map((c) => [c.scope, c.kind, c.members.map((m) => [m.paragraph, m.start, m.end])])).toEqual([
      [
        'within',
        'exact',
        [
          [1, 0, 34],
          [1, 57, 91],
        ],
      ],
    ]);
  });

  it('gives the same result with the text and tokens on disk, and no analyses when only the result is wanted', async () => {
    const held = await scanPaths([dir]);
    const spilled = await scanPaths([dir], { engine: { engine: 'duckdb' }, resultOnly: true });
    expect(spilled.analyses).toEqual([]);
    expect(held.analyses).toHaveLength(2);
    // The paragraphs on disk read their text back, and write the same JSON as those in memory.
    expect(spilled.result.documents[1].paragraphs[1].text).toBe(para2024);
    const json = (r: typeof held.result) => JSON.stringify({ ...r, scan: undefined });
    expect(json(spilled.result)).toBe(json(held.result));
    expect(held.result.clusters.length).toBeGreaterThan(0);
  });

  it('refuses a path that does not exist, naming it', async () => {
    await expect(scanPaths([join(dir, 'nope')])).rejects.toThrow(/no such file or folder: .*nope/);
  });
});

describe('resolveSettings', () => {
  it('reports every bad field at once and leaves the input alone', () => {
    const input = { threshold: 2, bands: 7 };
    expect(() => resolveSettings(input)).toThrow(/threshold must be in \(0, 1\].*bands must divide numHashes/);
    expect(input).toEqual({ threshold: 2, bands: 7 });
  });
});
