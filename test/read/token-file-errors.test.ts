import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// A disk that fills up: every write refused as the system refuses it then.
vi.mock('node:fs', async (original) => ({
  ...(await original<typeof import('node:fs')>()),
  writeSync: () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  },
}));

const { TokenFile } = await import('../../src/read/token-file.js');
const { TextFile } = await import('../../src/read/text-file.js');
const { StreamsBuilder } = await import('../../src/read/token-streams.js');
const { prepareParagraph } = await import('../../src/read/analyze.js');

const made: string[] = [];
const scratchDir = () => {
  made.push(mkdtempSync(join(tmpdir(), 'refrain-test-')));
  return made[made.length - 1];
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('token file errors', () => {
  it('say that the scratch folder is full and what to do, as a ScratchError', () => {
    const b = new StreamsBuilder();
    b.add(prepareParagraph('坚持以习近平新时代中国特色社会主义思想为指导。'));
    const file = TokenFile.open(scratchDir());
    try {
      expect(() => file.add(b.finish())).toThrow(
        expect.objectContaining({
          name: 'ScratchError',
          message: expect.stringMatching(/could not write its token file: ENOSPC.*--scratch/) as string,
        }),
      );
    } finally {
      file.close();
    }
  });

  it('say the same of the text file', () => {
    const file = TextFile.open(scratchDir());
    expect(() => file.add([{ index: 0, line: 1, text: '一、加强组织领导' }])).toThrow(
      expect.objectContaining({
        name: 'ScratchError',
        message: expect.stringMatching(/could not write its text file: ENOSPC.*--scratch/) as string,
      }),
    );
  });

  it('say so when the scratch folder cannot hold a new folder', () => {
    const missing = join(scratchDir(), 'gone');
    expect(() => TokenFile.open(missing)).toThrow(/could not make its token file: ENOENT/);
    expect(readdirSync(join(missing, '..'))).toEqual([]);
  });
});
