import { describe, expect, it } from 'vitest';
import { analyzeDocument, prepareParagraph } from '../../src/read/analyze.js';
import { defaultSettings } from '../../src/settings.js';
import { tokensAt } from '../../src/read/token-streams.js';
import { comparable } from '../../src/compare/align/relate.js';
import type { Document, StreamsInMemory } from '../../src/types.js';

const text = [
  '一、2023年共开展普法宣传15场次，受教育群众5000余人次。',
  '',
  'Short line',
  '',
  '第二，推进3项改革，完成2,500件。',
].join('\n');
const doc: Document = { id: 0, path: 'a.txt', encoding: 'utf-8', format: 'txt', hash: 'x', text };

describe('token streams', () => {
  it("hold each paragraph's comparison tokens and its digit runs, in shared memory", () => {
    const a = analyzeDocument(doc, defaultSettings);
    expect(a.streams).toBeDefined();
    const s = a.streams as StreamsInMemory;
    expect(s.masked.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(s.tokenStart.length).toBe(a.paragraphs.length + 1);
    a.paragraphs.forEach((p, i) => {
      const want = comparable(prepareParagraph(p.text));
      const got = tokensAt(s, i);
      expect([...got.masked]).toEqual([...want.masked]);
      expect([...got.digits]).toEqual([...want.digits]);
    });
    // 2023, 15, 5000 in the first paragraph; 3 and 2,500 in the last.
    expect(s.digitStart[1] - s.digitStart[0]).toBe(3);
    expect(s.digits.length).toBe(5);
  });
});
