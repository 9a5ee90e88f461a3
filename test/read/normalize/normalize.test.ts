import { describe, expect, it } from 'vitest';
import { DIGITS, countChars, normalize, numberingLength } from '../../../src/read/normalize/normalize.js';

/** Renders tokens back as the source text each came from, joined by '|'. */
const pieces = (text: string, skipNumbering = false) => {
  const n = normalize(text, { skipNumbering });
  return [...n.tokens].map((_, i) => text.slice(n.starts[i], n.ends[i])).join('|');
};

describe('normalize', () => {
  it.each([
    ['CJK: one token per character, punctuation dropped', '法治，政府。', '法|治|政|府'],
    ['Latin: one token per word', 'The Council met.', 'The|Council|met'],
    ['mixed text', '运用LED显示屏', '运|用|LED|显|示|屏'],
    ['numbers stay whole, with decimals', '共3.8万元，2021年', '共|3.8|万|元|2021|年'],
    ['full-width forms are folded but offsets kept', 'ＡＢＣ１２', 'ＡＢＣ|１２'],
    ['characters outside the BMP are one token', '𠀀𠀁好', '𠀀|𠀁|好'],
  ])('%s', (_name, text, expected) => {
    expect(pieces(text)).toBe(expected);
  });

  it('masks every digit run to one token, and only in the masked stream', () => {
    const a = normalize('2021年共145人次');
    const b = normalize('2025年共9人次');
    expect([...a.masked]).toEqual([...b.masked]);
    expect([...a.tokens]).not.toEqual([...b.tokens]);
    expect(a.masked[0]).toBe(DIGITS);
  });

  it('folds case and full width: ＬＥＤ equals led', () => {
    expect([...normalize('ＬＥＤ').tokens]).toEqual([...normalize('led').tokens]);
  });

  it.each([
    ['一、主要举措', 2],
    ['（一）加强学习', 3],
    ['(1) 加强', 4],
    ['1、 推进', 3],
    ['4.聚焦基层', 2],
    ['第一，要', 3],
    ['2021年', 0],
    ['1.5亿元', 0],
    ['一是突出重点', 0],
  ])('numbering of %s is %i characters', (text, length) => {
    expect(numberingLength(text)).toBe(length);
  });

  it('skips numbering when asked, keeping offsets into the original text', () => {
    expect(pieces('（一）加强', true)).toBe('加|强');
  });

  it('counts characters without whitespace, by code point', () => {
    expect(countChars('法治 建设\n𠀀')).toBe(5);
  });
});

describe('normalize without offsets', () => {
  it('gives the same tokens, and no offsets', () => {
    const text = '一、2023年，全镇共开展法治宣传活动15场次（Legal Aid Week）；發放資料3,000余份。';
    const full = normalize(text, { skipNumbering: true });
    const lean = normalize(text, { skipNumbering: true, noOffsets: true });
    expect([...lean.tokens]).toEqual([...full.tokens]);
    expect([...lean.masked]).toEqual([...full.masked]);
    expect(lean.starts.length).toBe(0);
    expect(lean.ends.length).toBe(0);
    expect(full.starts.length).toBe(full.tokens.length);
  });
});
