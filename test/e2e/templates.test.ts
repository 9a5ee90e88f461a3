import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanPaths } from '../../src/scan/scan.js';
import type { ResultCluster, ScanResult } from '../../src/types.js';
import { TOWNS, writeTownBatch } from '../support/town-batch.js';

let dir: string;
let result: ScanResult;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-templates-'));
  writeTownBatch(dir);
  result = (await scanPaths([dir])).result;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const textOf = (f: ResultCluster, i: number, [s, e]: [number, number]) =>
  result.documents[f.members[i].doc].paragraphs[f.members[i].paragraph].text.slice(s, e);

describe('a template filled in by ten reports', () => {
  it('is one finding with the skeleton and a slot table of ten rows: the town a name, the counts numbers', () => {
    const found = result.clusters.filter((f) =>
      f.members.some((m) => result.documents[m.doc].paragraphs[m.paragraph].text.includes('共开展法治宣传活动')),
    );
    expect(found).toHaveLength(1);
    const f = found[0];
    expect(f.docCount).toBe(10);
    expect([f.boilerplate, f.stock, f.content]).toEqual([false, undefined, expect.any(Number)]);
    const t = f.template!;
    expect(t.pieces.join('…')).toBe(
      '2024年，…镇共开展法治宣传活动…场次，发放宣传资料…余份，受教育群众…余人次，' +
        '依托农村集市、学校课堂和新时代文明实践站点，推动普法宣传教育向村屯延伸，调处化解矛盾纠纷…件，调解成功率保持在较高水平。',
    );
    expect(t.slots.map((s) => s.kind)).toEqual(['name', 'number', 'number', 'number', 'number']);
    const rows = f.members.map((_, i) => t.slots.map((s) => textOf(f, i, s.values[i])));
    expect(rows).toHaveLength(10);
    const byTown = new Map(rows.map((r) => [r[0], r.slice(1)]));
    expect(new Set(byTown.keys())).toEqual(new Set(TOWNS));
    expect(byTown.get('东山')).toEqual(['14', '3200', '5500', '42']);
    expect(t.slots[0].distance).toBe(1);
  });
});
