import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import type { ScanResult } from '../../src/types.js';
import { handMadeResult } from '../support/report-fixture.js';

describe('buildReport of a finding whose members are runs of paragraphs', () => {
  it('keeps its parts, and highlights the copies, not the paragraphs between them', () => {
    const base = handMadeResult();
    const texts = ['第一段相同的文字。', '各自不同的一段。', '第三段相同的文字。'];
    const paragraphs = texts.map((text, index) => ({ index, line: index + 1, text }));
    const result: ScanResult = {
      ...base,
      documents: [0, 1].map((id) => ({ ...base.documents[id], paragraphs })),
      clusters: [
        {
          ...base.clusters[0],
          members: [
            { doc: 0, paragraph: 0, lastParagraph: 2 },
            { doc: 1, paragraph: 0, lastParagraph: 2 },
          ],
          parts: [
            [
              { doc: 0, paragraph: 0 },
              { doc: 1, paragraph: 0 },
            ],
            [
              { doc: 0, paragraph: 2 },
              { doc: 1, paragraph: 2 },
            ],
          ],
        },
      ],
      documentPairs: [],
    };
    const report = buildReport({ result, decisions: [] });
    expect(report.findings[0].parts).toHaveLength(2);
    expect(report.documents[0].paragraphs.map((p) => p.marks.length)).toEqual([1, 0, 1]);
  });
});
