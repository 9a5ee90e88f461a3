import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TextFile } from '../../src/read/text-file.js';
import type { Paragraph } from '../../src/types.js';

const made: string[] = [];
const scratchDir = () => {
  made.push(mkdtempSync(join(tmpdir(), 'refrain-test-')));
  return made[made.length - 1];
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const paragraphs: Paragraph[] = [
  { index: 0, line: 1, text: '某某市人民政府2023年法治政府建设情况报告' },
  { index: 1, line: 3, page: 2, text: 'Annual report on the rule of law — naïve café, 2023.' },
  { index: 2, line: 5, text: '' },
  { index: 3, line: 6, page: 3, text: '😀 outside the basic plane, and 一、加强组织领导' },
];

describe('paragraph text on disk', () => {
  it('gives each paragraph its text, line and page back, and the same JSON as in memory', () => {
    const scratch = scratchDir();
    const file = TextFile.open(scratch);
    // A document without pages, one with, one where some paragraph has none.
    const stored = [paragraphs.slice(0, 1), paragraphs.slice(1, 2), paragraphs.slice(2)].flatMap((d) => file.add(d));
    expect(stored.map((p) => p.text)).toEqual(paragraphs.map((p) => p.text));
    expect(stored.map((p) => [p.index, p.line, p.page])).toEqual(paragraphs.map((p) => [p.index, p.line, p.page]));
    // Read again, from the cache and then after other reads.
    expect(stored[1].text).toBe(paragraphs[1].text);
    expect(JSON.stringify(stored, null, 2)).toBe(JSON.stringify(paragraphs, null, 2));
    // The file has no name: nothing is left in the scratch folder even while it is open.
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('takes the paragraphs of a document in order only', () => {
    const file = TextFile.open(scratchDir());
    expect(() => file.add([paragraphs[0], paragraphs[2]])).toThrow(/paragraph 2 out of order/);
  });

  it('says when the scratch folder cannot hold it, as a ScratchError', () => {
    const missing = join(scratchDir(), 'gone');
    expect(() => TextFile.open(missing)).toThrow(
      expect.objectContaining({
        name: 'ScratchError',
        message: expect.stringMatching(/could not make its text file: ENOENT.*--scratch/) as string,
      }),
    );
  });
});
