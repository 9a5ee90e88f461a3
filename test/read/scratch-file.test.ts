import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readThrough, worthReading } from '../../src/read/scratch-file.js';
import { TextFile } from '../../src/read/text-file.js';
import { TokenFile } from '../../src/read/token-file.js';

const GB = 2 ** 30;
const MB = 2 ** 20;
const file = (size: number) => ({ fd: -1, size });

describe('worthReading', () => {
  it('takes the files in order while they fit in 75% of the memory available', () => {
    const texts = file(5 * GB);
    const tokens = file(6 * GB);
    expect(worthReading([texts, tokens], 14 * GB)).toEqual([texts]);
    expect(worthReading([texts, tokens], 15 * GB)).toEqual([texts, tokens]);
    // The first does not fit; the second still does on its own.
    expect(worthReading([tokens, texts], 7.5 * GB)).toEqual([texts]);
    expect(worthReading([tokens, texts], 6 * GB)).toEqual([]);
  });

  it('leaves small files to the reads at random', () => {
    expect(worthReading([file(100 * MB), file(100 * MB)], 16 * GB)).toEqual([]);
    expect(worthReading([file(200 * MB), file(100 * MB)], 16 * GB)).toHaveLength(2);
    expect(worthReading([file(0)], 16 * GB)).toEqual([]);
  });
});

describe('readThrough', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refrain-through-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every byte of each file, in chunks, and stops where a file ends', async () => {
    const fd = openSync(join(dir, 'a.bin'), 'w+');
    const chunk = Buffer.alloc(3 * MB, 7);
    for (let i = 0; i < 7; i++) writeSync(fd, chunk);
    try {
      expect(await readThrough([{ fd, size: 21 * MB }])).toBe(21 * MB);
      expect(
        await readThrough([
          { fd, size: 5 * MB },
          { fd, size: 1 },
        ]),
      ).toBe(5 * MB + 1);
      // A size past the end reads what is there.
      expect(await readThrough([{ fd, size: 30 * MB }])).toBe(21 * MB);
    } finally {
      closeSync(fd);
    }
  });

  it("reads the scan's own token and text files as written", async () => {
    const tokens = TokenFile.open(dir);
    const texts = TextFile.open(dir);
    try {
      tokens.add({
        tokenStart: Uint32Array.of(0, 3),
        digitStart: Uint32Array.of(0, 1),
        masked: Uint32Array.of(1, 2, 3),
        digits: Uint32Array.of(4),
      });
      texts.add([{ index: 0, line: 1, text: '依法行政' }]);
      expect([tokens.size, texts.size]).toEqual([16, 12]);
      expect(await readThrough([tokens, texts])).toBe(28);
    } finally {
      tokens.close();
    }
  });
});
