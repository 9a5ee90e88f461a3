import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { segment } from '../src/segment/segment.js';

const show = (text: string) => segment(text).map((p) => `${p.line}:${p.text}`);

describe('segment', () => {
  it('keeps one paragraph per line for Chinese text without blank lines', () => {
    expect(show('一、标题\n第一段内容很长。\n第二段内容。')).toEqual(['1:一、标题', '2:第一段内容很长。', '3:第二段内容。']);
  });

  it('joins PDF fragments set apart by blank lines until numbering starts a new paragraph', () => {
    const pdf = [' 一、', '', '推进法治政府建设', '', ' ', '', '（一）', '', '加强学习宣传', '', '紧跟上级决策部署，依法行', '', '政水平。', '', '一是突出学习重点。', '', '（二）', '', '完善组织领导'].join('\n');
    expect(show(pdf)).toEqual(['1:一、推进法治政府建设', '7:（一）加强学习宣传紧跟上级决策部署，依法行政水平。一是突出学习重点。', '17:（二）完善组织领导']);
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
    expect(pdf.some((p) => p.text.includes('不断增强新时期依法行政水平。一是突出学习重点。把学习习近平法治思想作为新时期做好法治建设的纲'))).toBe(true);
  });
});
