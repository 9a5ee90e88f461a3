import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { segment } from '../../../src/read/segment/segment.js';

const show = (text: string) => segment(text).map((p) => `${p.line}:${p.text}`);

describe('segment', () => {
  it('keeps one paragraph per line for Chinese text without blank lines', () => {
    expect(show('一、标题\n第一段内容很长。\n第二段内容。')).toEqual([
      '1:一、标题',
      '2:第一段内容很长。',
      '3:第二段内容。',
    ]);
  });

  it('joins PDF fragments set apart by blank lines until numbering starts a new paragraph', () => {
    const pdf = [
      ' 一、',
      '',
      '推进法治政府建设',
      '',
      ' ',
      '',
      '（一）',
      '',
      '加强学习宣传',
      '',
      '紧跟上级决策部署，依法行',
      '',
      '政水平。',
      '',
      '一是突出学习重点。',
      '',
      '（二）',
      '',
      '完善组织领导',
    ].join('\n');
    expect(show(pdf)).toEqual([
      '1:一、推进法治政府建设',
      '7:（一）加强学习宣传紧跟上级决策部署，依法行政水平。一是突出学习重点。',
      '17:（二）完善组织领导',
    ]);
  });

  it('ends a numbered heading glued to its paragraph where the PDF left a gap: seed 000', () => {
    const paragraphs = segment(readFileSync('corpus/000_8507adb33dc1f7a6.txt', 'utf8')).filter((p) => p.line > 24);
    expect(paragraphs.slice(0, 2).map((p) => `${p.line}:${p.text}`)).toEqual([
      '25:一、推进法治政府建设的主要举措和成效',
      '31:（一）加强学习宣传，不断增强法治工作意识',
    ]);
    expect(paragraphs[2].line).toBe(37);
    expect(
      paragraphs[2].text.startsWith('紧跟上级决策部署，落实学法制度，不断增强新时期依法行政水平。一是突出学习重点。'),
    ).toBe(true);
  });

  // PDF text: fragments set apart by one blank line; null stands for the wider gap of an empty PDF line ('', ' ', '').
  const fragments = (...parts: (string | null)[]) =>
    parts
      .map((p) => (p === null ? ['', ' ', ''] : [p, '']))
      .flat()
      .join('\n');

  it('ends a made-up numbered heading at a wider gap, and goes on joining the fragments after it', () => {
    const text = fragments(
      '（二）',
      '完善组织领导',
      null,
      '成立以镇长为组长的领导小组，',
      '统筹推进全镇法',
      '治建设。',
      '一是健全制度。',
    );
    expect(show(text)).toEqual([
      '1:（二）完善组织领导',
      '8:成立以镇长为组长的领导小组，统筹推进全镇法治建设。一是健全制度。',
    ]);
  });

  it('does not split numbered items that are not headings', () => {
    const cases: [string, (string | null)[]][] = [
      [
        'no wider gap: the item goes on',
        ['（一）', '加强学习宣传，不断增强', '法治工作意识和能力，紧跟上级决策部', '署，落实学法制度。'],
      ],
      [
        'broken off at a comma before the gap (a page break)',
        ['（二）', '全镇共排查化解矛盾纠纷，', null, '办结率达100%，群众满意度不断提', '高。'],
      ],
      [
        'a sentence, not a heading',
        ['1.', '全年共办理行政复议案件12件。', null, '其中维持原行政行为10件，纠', '正2件，调解结', '案3件。'],
      ],
      [
        'too long for a heading',
        [
          '（三）',
          '严格规范公正文明执法深入推进行政执法三项制度全面落实行政执法责任制',
          null,
          '持续规范执法行为，全年',
          '无投诉。',
        ],
      ],
      ['the next fragment goes on with a comma', ['（四）', '加强普法宣传', null, '，深入开展法律进村居活', '动。']],
      ['no numbering', ['推进法治政府建设', '加强学习宣传', null, '紧跟上级决策部署，', '依法行政。']],
    ];
    for (const [why, parts] of cases) {
      expect(show(fragments(...parts)), why).toEqual([`1:${parts.filter((p): p is string => p !== null).join('')}`]);
    }
  });

  it('joins hard-wrapped English prose, with the space back, and keeps blank-line paragraphs apart', () => {
    const text = [
      'The council met twelve times this year and approved the budget for the',
      'coming year after a long debate about the state of the roads in the',
      'north of the district.',
      '',
      'Second paragraph, short.',
    ].join('\n');
    expect(show(text)).toEqual([
      '1:The council met twelve times this year and approved the budget for the coming year after a long debate about the state of the roads in the north of the district.',
      '5:Second paragraph, short.',
    ]);
  });

  it('keeps short page-chrome lines apart', () => {
    expect(show('扫一扫在手机打开当前页\n版权声明:\n联系方式:0750-5524538')).toHaveLength(3);
  });

  it('reflows the PDF half of seed 000 so the fixture snippet stands in one paragraph', () => {
    const paragraphs = segment(readFileSync('corpus/000_8507adb33dc1f7a6.txt', 'utf8'));
    const pdf = paragraphs.filter((p) => p.line > 25);
    expect(
      pdf.some((p) =>
        p.text.includes('不断增强新时期依法行政水平。一是突出学习重点。把学习习近平法治思想作为新时期做好法治建设的纲'),
      ),
    ).toBe(true);
  });
});
