import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { nameList, shortNames } from '../../../cli/text/names.js';
import {
  fitTo,
  pad,
  textWidth,
  truncate,
  truncateStart,
  withoutLastCharacter,
  wrapStyled,
} from '../../../cli/text/width.js';

const ATTACK = '\x1b]0;pwned\x07\x1b[2J';
const SHOWN = '␛]0;pwned␇␛[2J';

describe('truncate', () => {
  it('leaves text that fits alone and cuts by display columns, a CJK character taking two', () => {
    expect(truncate('法治政府', 8)).toBe('法治政府');
    expect(truncate('法治政府建设', 7)).toBe('法治政…');
    expect(truncate('法治政府建设', 8)).toBe('法治政…');
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
    expect(truncate('abc', 0)).toBe('');
  });

  it('never splits a grapheme: accents, emoji sequences and surrogate pairs stay whole', () => {
    const accented = 'cafe\u0301s and more';
    expect(truncate(accented, 5)).toBe('cafe\u0301…');
    const family = 'ab👨‍👩‍👧xyz';
    expect(truncate(family, 4)).toBe('ab…');
    expect(truncate('𠀀𠀁𠀂', 5)).toBe('𠀀𠀁…');
    for (const w of [1, 2, 3, 4, 5, 6]) expect(stringWidth(truncate(family, w))).toBeLessThanOrEqual(w);
  });

  it('fitTo pads or cuts to exactly the width, either side', () => {
    expect(fitTo('96%', 4, 'right')).toBe(' 96%');
    expect(fitTo('法治政府建设', 8)).toBe('法治政… ');
    expect(stringWidth(fitTo('法治政府建设', 7))).toBe(7);
  });
});

const FAMILY = '👨‍👩‍👧';
const FLAG = '🇨🇳';
const ACCENTED = 'e\u0301';

describe('truncateStart', () => {
  it('keeps the end in at most the width, never splitting a grapheme', () => {
    expect(truncateStart('法治政府', 8)).toBe('法治政府');
    expect(truncateStart('法治政府建设', 7)).toBe('…府建设');
    expect(truncateStart('法治政府建设', 8)).toBe('…府建设');
    expect(truncateStart(`xy${FAMILY}${FLAG}`, 5)).toBe(`…${FAMILY}${FLAG}`);
    expect(truncateStart(`xy${FAMILY}${FLAG}`, 4)).toBe(`…${FLAG}`);
    expect(truncateStart(`${FAMILY}ab`, 3)).toBe('…ab');
    expect(truncateStart('abc', 0)).toBe('');
    for (const w of [1, 2, 3, 4, 5])
      expect(stringWidth(truncateStart(`${FAMILY}${ACCENTED}法${FLAG}`, w))).toBeLessThanOrEqual(w);
  });
});

describe('withoutLastCharacter', () => {
  // Cutting the last code point instead left half an emoji sequence, a flag, or a bare 'e'.
  it.each([
    ['法𠀀', '法'],
    [`ab${FAMILY}`, 'ab'],
    [`caf${ACCENTED}`, 'caf'],
    [`国${FLAG}`, '国'],
    ['a', ''],
    ['', ''],
  ])('%j loses its last character: %j', (text, left) => {
    expect(withoutLastCharacter(text)).toBe(left);
  });
});

describe('wrapStyled', () => {
  const texts = (lines: { text: string }[][]) => lines.map((l) => l.map((s) => s.text).join(''));

  it('wraps by display columns, a CJK character taking two', () => {
    expect(texts(wrapStyled('法治政府建设', 5, () => 'plain'))).toEqual(['法治', '政府', '建设']);
    expect(texts(wrapStyled('ab法治', 3, () => 'plain'))).toEqual(['ab', '法', '治']);
  });

  it('never splits a grapheme across lines, and styles each by the offset it starts at', () => {
    const text = `a${FAMILY}b${ACCENTED}${FLAG}c`;
    const lines = wrapStyled(text, 2, (offset) => offset);
    expect(texts(lines)).toEqual(['a', FAMILY, `b${ACCENTED}`, FLAG, 'c']);
    expect(lines.flat().map((s) => s.style)).toEqual([0, 1, 9, 10, 12, 16]);
    for (const line of texts(lines)) expect(stringWidth(line)).toBeLessThanOrEqual(2);
  });

  it("ends a line at '\n', shows a tab as a blank and other control characters as symbols", () => {
    expect(texts(wrapStyled('甲\t乙\n丙\x1b', 10, () => 'plain'))).toEqual(['甲 乙', '丙␛']);
  });

  it('measures the symbols it shows: an escape sequence among CJK text', () => {
    const lines = wrapStyled(`深入学习领会${ATTACK}法治思想`, 12, () => 'plain');
    for (const l of texts(lines)) expect(stringWidth(l)).toBeLessThanOrEqual(12);
    expect(texts(lines).join('')).toBe(`深入学习领会${SHOWN}法治思想`);
  });
});

describe('measuring text with control characters', () => {
  it('measures, pads and cuts the symbols shown, not the raw characters', () => {
    const text = `报告${ATTACK}正文`;
    // string-width takes the escape sequence for colour and counts it as nothing.
    expect(stringWidth(ATTACK)).toBeLessThan(SHOWN.length);
    expect(textWidth(ATTACK)).toBe(SHOWN.length);
    expect(fitTo(text, 24)).toBe(`报告${SHOWN}正文  `);
    expect(stringWidth(fitTo(text, 24))).toBe(24);
    expect(pad(ATTACK, 16)).toBe(`${SHOWN}  `);
    expect(truncate(text, 8)).toBe('报告␛]0…');
  });
});

describe('shortNames', () => {
  it('drops folders and extensions, keeping folders only where names would clash', () => {
    expect(
      shortNames(['reports/2024/003.txt', 'reports/2025/003.txt', 'reports/2025/黑溪镇.pdf', 'a.b.md', 'README']),
    ).toEqual(['2024/003', '2025/003', '黑溪镇', 'a.b', 'README']);
  });

  it('takes Windows separators and names that stay equal', () => {
    expect(shortNames(['C:\\audit\\x\\001.txt', 'C:\\audit\\y\\001.docx', 'same.txt', 'same.txt'])).toEqual([
      'x/001',
      'y/001',
      'same',
      'same',
    ]);
  });
});

describe('nameList', () => {
  it('shows every name when they fit', () => {
    expect(nameList(['000', '004'], 2, 20)).toBe('000, 004');
    expect(nameList(['000', '004'], 5, 20)).toBe('000, 004 +3');
  });

  it('shortens names alike, and shows fewer (counting the rest) rather than cut them below 8 columns', () => {
    const names = ['004_8c642f3c1dbf128b', '000_8507adb33dc1f7a6', '003_b19ea781908929a7'];
    expect(nameList(names, 3, 24)).toBe('004_8c64…, 000_8507… +1');
    expect(nameList(names, 3, 14)).toBe('004_8c642f… +2');
    for (const w of [8, 14, 24, 30]) expect(stringWidth(nameList(names, 3, w))).toBeLessThanOrEqual(w);
  });
});
