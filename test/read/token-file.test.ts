import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/read/analyze.js';
import { defaultSettings } from '../../src/settings.js';
import { joinStreams, tokensAt } from '../../src/read/token-streams.js';
import { TokenFile } from '../../src/read/token-file.js';
import type { Document, StreamsInMemory, TokenStreams } from '../../src/types.js';

const doc = (id: number, text: string): Document => ({
  id,
  path: `${id}.txt`,
  encoding: 'utf-8',
  format: 'txt',
  hash: String(id),
  text,
});
const streamsOf = (d: Document) => analyzeDocument(d, defaultSettings).streams as StreamsInMemory;
const docs = [
  doc(0, '一、2023年共开展普法宣传15场次，受教育群众5000余人次。\n\nShort line\n\n第二，推进3项改革，完成2,500件。'),
  doc(1, ''),
  doc(2, 'The council met 12 times in 2024.\n\n坚持以习近平新时代中国特色社会主义思想为指导。'),
];
const all = (s: TokenStreams) =>
  Array.from({ length: s.tokenStart.length - 1 }, (_, p) => {
    const t = tokensAt(s, p);
    return [[...t.masked], [...t.digits]];
  });

const made: string[] = [];
const scratchDir = () => {
  made.push(mkdtempSync(join(tmpdir(), 'refrain-test-')));
  return made[made.length - 1];
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('token streams on disk', () => {
  it('give every paragraph the tokens and digit runs the streams in memory give', () => {
    const file = TokenFile.open(scratchDir());
    try {
      const inMemory = docs.map(streamsOf);
      const onDisk = inMemory.map((s) => file.add(s));
      expect('masked' in onDisk[0]).toBe(false);
      onDisk.forEach((s, i) => expect(all(s)).toEqual(all(inMemory[i])));
      // Read twice (the second time from the cache), and joined, some on disk and some not.
      expect(all(onDisk[2])).toEqual(all(inMemory[2]));
      const joined = joinStreams([onDisk[0], inMemory[1], streamsOf(docs[2])], file);
      const wanted = joinStreams(inMemory);
      expect('masked' in joined).toBe(false);
      expect([...joined.tokenStart]).toEqual([...wanted.tokenStart]);
      expect([...joined.digitStart]).toEqual([...wanted.digitStart]);
      expect(all(joined)).toEqual(all(wanted));
      expect(all(joined).length).toBeGreaterThan(3);
    } finally {
      file.close();
    }
  });

  it('leave nothing in the scratch folder, even while open, and are not joined without their file', () => {
    const scratch = scratchDir();
    const file = TokenFile.open(scratch);
    const onDisk = file.add(streamsOf(docs[0]));
    // The file has no name: a scan killed midway leaves no token file behind.
    expect(readdirSync(scratch)).toEqual([]);
    expect(all(onDisk)).toEqual(all(streamsOf(docs[0])));
    expect(() => joinStreams([onDisk])).toThrow(/without their file/);
    file.close();
    file.close();
    expect(readdirSync(scratch)).toEqual([]);
    expect(existsSync(scratch)).toBe(true);
  });
});
