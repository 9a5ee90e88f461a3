import { describe, expect, it } from 'vitest';
import { segmentMarkdown } from '../../../src/read/segment/markdown.js';

describe('segmentMarkdown', () => {
  it('joins wrapped lines of a block, keeps headings, items and rows apart, leaves fenced code out', () => {
    const text = [
      '# 年度报告',
      '',
      '全年组织干部职工集中学法十二次，',
      '邀请县司法局律师讲授行政诉讼知识。',
      '',
      'The council met eleven times in 2024, with an average of',
      'fourteen residents in the public gallery.',
      '- repair the footpaths on Mill Lane',
      '  and Church Walk',
      '- a new play area',
      '',
      '| Service | Requests |',
      '| --- | --- |',
      '| Footpaths | 64 |',
      '```',
      'not a paragraph',
      '```',
    ].join('\n');
    expect(segmentMarkdown(text).map((p) => [p.line, p.text])).toEqual([
      [1, '# 年度报告'],
      [3, '全年组织干部职工集中学法十二次，邀请县司法局律师讲授行政诉讼知识。'],
      [6, 'The council met eleven times in 2024, with an average of fourteen residents in the public gallery.'],
      [8, '- repair the footpaths on Mill Lane and Church Walk'],
      [10, '- a new play area'],
      [12, '| Service | Requests |'],
      [13, '| --- | --- |'],
      [14, '| Footpaths | 64 |'],
    ]);
  });
});
