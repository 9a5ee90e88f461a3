import { describe, expect, it } from 'vitest';
import { buildReport, getReporter, ReportInputError } from '../../src/report/index.js';
import { shortPieces, skeletonText, slotHeading, slotKinds, templateFamilies } from '../../src/report/templates.js';
import type { ReportFinding } from '../../src/report/types.js';
import type { ScanResult } from '../../src/types.js';
import { sourcesResult } from '../support/report-fixture.js';

describe('a template finding in the report', () => {
  it("carries each member's value in each slot as text, beside the offsets", () => {
    const t = buildReport({ result: sourcesResult(), decisions: [] }).findings[1].template!;
    expect(t.pieces).toEqual(['2024年，', '镇开展宣传', '场次。']);
    expect(t.slots.map((s) => [s.kind, s.texts])).toEqual([
      ['name', ['甲', '乙', '丙']],
      ['number', ['12', '15', '9']],
    ]);
    expect(t.slots[0].values[1]).toEqual([6, 7]);
  });

  it('is a skeleton and a slot table in the Markdown: one row per member, kind and distance in the header', () => {
    const md = getReporter('md')({ result: sourcesResult(), decisions: [] });
    const at = md.indexOf('### 2. Finding 1: copying across 3 reports');
    expect(at).toBeGreaterThan(0);
    expect(md.slice(at).split('\n').slice(0, 12)).toEqual([
      '### 2. Finding 1: copying across 3 reports',
      '',
      'template filled in (names and numbers), similarity 0.90, 16 characters.',
      '',
      'Template (the text every member shares, its slots numbered):',
      '',
      '> 2024年，**(1)**镇开展宣传**(2)**场次。',
      '',
      '| Member | (1) name, distance 1.00 | (2) number, distance 1.00 |',
      '|---|---|---|',
      '| a/甲.txt:3 | 甲 | 12 |',
      '| a/乙.txt:3 | 乙 | 15 |',
    ]);
  });

  it.each([
    [
      'a slot has a value too few',
      (r: ScanResult) => r.clusters[1].template!.slots[1].values.pop(),
      'clusters[1].template.slots[1]: 2 values for 3 members',
    ],
    [
      'a value runs past its paragraph',
      (r: ScanResult) => (r.clusters[1].template!.slots[0].values[2] = [6, 99]),
      'clusters[1].template.slots[0].values[2]: span 6..99 is outside paragraph 0 (length 16)',
    ],
    [
      'pieces and slots do not fit',
      (r: ScanResult) => r.clusters[1].template!.pieces.pop(),
      'clusters[1].template: 2 slots need 3 pieces, not 2',
    ],
  ])('is refused when %s', (_title, spoil, message) => {
    const result = sourcesResult();
    spoil(result);
    expect(() => buildReport({ result, decisions: [] })).toThrow(new ReportInputError(message));
  });
});

describe('templateFamilies', () => {
  const family = (id: number, docCount: number, references = 0) =>
    ({ id, docCount, references, template: { pieces: ['', ''], slots: [] } }) as unknown as ReportFinding;

  it('lists the findings with a template, most reports first (references not counted), then by id', () => {
    const none = { id: 4, docCount: 9, references: 0 } as unknown as ReportFinding;
    expect(templateFamilies([family(0, 2), family(1, 3, 1), family(2, 5), family(3, 2), none])).toEqual([2, 0, 1, 3]);
  });
});

describe('skeleton and slot wording', () => {
  it('numbers the slots between the pieces, and cuts long pieces in the middle', () => {
    expect(skeletonText(['a', 'b', ''], (i) => `<${i}>`)).toBe('a<1>b<2>');
    expect(shortPieces(['一二三四五六七八九十', '短'], 5)).toEqual(['一二…九十', '短']);
  });

  it('names a slot by number, kind and distance, and counts kinds', () => {
    expect(slotHeading({ kind: 'number', distance: 0.25 }, 1)).toBe('(2) number, distance 0.25');
    expect(slotKinds([{ kind: 'name' }, { kind: 'number' }, { kind: 'number' }, { kind: 'text' }])).toBe(
      'name, number ×2, text',
    );
  });
});
