import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { nameList, shortNames } from '../../../cli/text/names.js';
import { fitTo, truncate } from '../../../cli/text/width.js';

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

describe('shortNames', () => {
  it('drops folders and extensions, keeping folders only where names would clash', () => {
    expect(shortNames(['reports/2024/003.txt', 'reports/2025/003.txt', 'reports/2025/黑溪镇.pdf', 'a.b.md', 'README'])).toEqual([
      '2024/003',
      '2025/003',
      '黑溪镇',
      'a.b',
      'README',
    ]);
  });

  it('takes Windows separators and names that stay equal', () => {
    expect(shortNames(['C:\\audit\\x\\001.txt', 'C:\\audit\\y\\001.docx', 'same.txt', 'same.txt'])).toEqual(['x/001', 'y/001', 'same', 'same']);
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
