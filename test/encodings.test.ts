import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { decodeText } from '../src/ingest/decode.js';

const seed = 'corpus/004_8c642f3c1dbf128b.txt';
const text = readFileSync(seed, 'utf8');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-enc-'));
  copyFileSync(seed, join(dir, 'a-seed.txt'));
  copyFileSync('test/fixtures/encodings/004.gb18030.txt', join(dir, 'b-gb18030.txt'));
  writeFileSync(join(dir, 'c-utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  writeFileSync(join(dir, 'd-empty.txt'), '');
  writeFileSync(join(dir, 'e-binary.dat'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x80, 0x00, 0x00, 0x7f, 0x03]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decodeText', () => {
  const swap = (b: Buffer) => {
    const out = Buffer.alloc(b.length);
    for (let i = 0; i + 1 < b.length; i += 2) {
      out[i] = b[i + 1];
      out[i + 1] = b[i];
    }
    return out;
  };
  const cases: Array<[string, Uint8Array, string | null]> = [
    ['UTF-8', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8-bom'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), swap(Buffer.from(text, 'utf16le'))]), 'utf-16be'],
    ['UTF-16BE without BOM', swap(Buffer.from(text, 'utf16le')), 'utf-16be'],
    ['GB18030', readFileSync('test/fixtures/encodings/004.gb18030.txt'), 'gb18030'],
    ['ASCII English', Buffer.from('Annual report.\nThe council met twice.\n'), 'utf-8'],
    ['empty', Buffer.alloc(0), null],
    ['PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), null],
  ];
  it.each(cases)('%s', (_name, bytes, encoding) => {
    const decoded = decodeText(bytes);
    if (encoding === null) {
      expect(decoded.ok).toBe(false);
      return;
    }
    expect(decoded).toMatchObject({ ok: true, encoding });
    if (decoded.ok && _name !== 'ASCII English') expect(decoded.text).toBe(text);
  });
});

describe('scan of a folder with re-encoded copies and bad files', () => {
  it('finds both copies as exact copies of the seed, lists the bad files, exits 0', () => {
    const out = join(dir, 'out.json');
    const run = spawnSync(process.execPath, ['dist/cli/main.js', 'scan', dir, '--no-workspace', '--json', out, '--quiet'], { encoding: 'utf8' });
    // --quiet drops the summary, never the files skipped.
    expect(run.stderr).toBe(
      [
        'refrain: 2 files skipped:',
        `  error: ${join(dir, 'd-empty.txt')}: empty file, skipped`,
        `  error: ${join(dir, 'e-binary.dat')}: binary file (not text in UTF-8, UTF-16 or GB18030), skipped`,
        '',
      ].join('\n'),
    );
    expect(run.status).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    const byName = (n: string) => result.documents.find((d: { path: string }) => d.path.endsWith(n));
    expect(byName('b-gb18030.txt').encoding).toBe('gb18030');
    expect(byName('c-utf16le.txt').encoding).toBe('utf-16le');
    expect(result.diagnostics.map((d: { path: string; level: string }) => [d.path.slice(dir.length + 1), d.level])).toEqual([
      ['d-empty.txt', 'error'],
      ['e-binary.dat', 'error'],
    ]);
    expect(result.diagnostics[0].message).toMatch(/empty/);
    expect(result.diagnostics[1].message).toMatch(/binary/);
    // The long item-7 paragraph stands whole in all three documents, in one exact finding.
    const seedDoc = byName('a-seed.txt');
    const para = seedDoc.paragraphs.find((p: { text: string }) => p.text.startsWith('7.结合“法律八进”'));
    const finding = result.clusters.find((c: { members: Array<{ doc: number; paragraph: number; start?: number }> }) =>
      c.members.some((m) => m.doc === seedDoc.id && m.paragraph === para.index && m.start === undefined),
    );
    expect(finding.kind).toBe('exact');
    expect(new Set(finding.members.map((m: { doc: number }) => m.doc))).toEqual(new Set([0, 1, 2]));
    for (const d of result.documents) expect(d.templatedRatio).toBeGreaterThan(0.95);
  });
});
