import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { decodeText } from '../../../src/read/ingest/decode.js';
import type { ScanResult } from '../../../src/types.js';

const seed = 'corpus/004_8c642f3c1dbf128b.txt';
const text = readFileSync(seed, 'utf8');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-enc-'));
  copyFileSync(seed, join(dir, 'a-seed.txt'));
  copyFileSync('test/fixtures/encodings/004.gb18030.txt', join(dir, 'b-gb18030.txt'));
  writeFileSync(join(dir, 'c-utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  writeFileSync(join(dir, 'd-empty.txt'), '');
  writeFileSync(
    join(dir, 'e-binary.dat'),
    Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x80, 0x00, 0x00, 0x7f, 0x03]),
  );
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
    const run = spawnSync(
      process.execPath,
      ['dist/cli/main.js', 'scan', dir, '--no-workspace', '--json', out, '--quiet'],
      { encoding: 'utf8' },
    );
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
    const result = JSON.parse(readFileSync(out, 'utf8')) as ScanResult;
    const byName = (n: string) => result.documents.find((d) => d.path.endsWith(n))!;
    expect(byName('b-gb18030.txt').encoding).toBe('gb18030');
    expect(byName('c-utf16le.txt').encoding).toBe('utf-16le');
    expect(
      result.diagnostics.map((d: { path: string; level: string }) => [d.path.slice(dir.length + 1), d.level]),
    ).toEqual([
      ['d-empty.txt', 'error'],
      ['e-binary.dat', 'error'],
    ]);
    expect(result.diagnostics[0].message).toMatch(/empty/);
    expect(result.diagnostics[1].message).toMatch(/binary/);
    // The three documents are one text: one exact run of paragraphs in all three, the long
    // item-7 paragraph whole in one of its copies.
    type Member = { doc: number; paragraph: number; start?: number };
    const runs = result.clusters.filter((c: { parts?: Member[][] }) => c.parts);
    expect(runs).toHaveLength(1);
    expect(runs[0].kind).toBe('exact');
    expect(new Set(runs[0].members.map((m: Member) => m.doc))).toEqual(new Set([0, 1, 2]));
    const seedDoc = byName('a-seed.txt');
    const para = seedDoc.paragraphs.find((p: { text: string }) => p.text.startsWith('7.结合“法律八进”'))!;
    const part = runs[0].parts!.find((p: Member[]) =>
      p.some((m) => m.doc === seedDoc.id && m.paragraph === para.index && m.start === undefined),
    )!;
    expect(new Set(part.map((m: Member) => m.doc))).toEqual(new Set([0, 1, 2]));
    // All of each copy is found in the others: as copying, or as its headings and stock phrases.
    for (const d of result.documents) {
      expect(d.templatedRatio).toBeGreaterThan(0.9);
      expect(d.templatedRatio + d.boilerplateRatio).toBeGreaterThan(0.95);
    }
  });
});

describe('decodeText: a few bad bytes or NULs keep the report; only binary is binary (issue 13, item 3)', () => {
  const seedBytes = Buffer.from(text, 'utf8');
  /** The seed with `insert` spliced in at a line start (a character boundary). */
  const spliced = (insert: Buffer) => {
    const at = seedBytes.indexOf(0x0a, seedBytes.length >> 1) + 1;
    return Buffer.concat([seedBytes.subarray(0, at), insert, seedBytes.subarray(at)]);
  };

  it('six invalid bytes in a UTF-8 report: decoded, each replaced with U+FFFD, and counted in a warning', () => {
    const decoded = decodeText(spliced(Buffer.from([0xff, 0xfe, 0x80, 0x80, 0xc0, 0xc1])));
    expect(decoded).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      warnings: ['6 bytes not valid UTF-8 replaced with U+FFFD (�)'],
    });
    if (decoded.ok) expect(decoded.text.replace(/\ufffd{6}/, '')).toBe(text);
  });

  it('a GB18030 report with a damaged character: decoded as GB18030, the damage counted', () => {
    const gb = readFileSync('test/fixtures/encodings/004.gb18030.txt');
    const at = gb.indexOf(0x0a, gb.length >> 1) + 1;
    const damaged = Buffer.concat([gb.subarray(0, at), Buffer.from([0x81, 0x0a]), gb.subarray(at)]);
    const decoded = decodeText(damaged);
    expect(decoded).toMatchObject({
      ok: true,
      encoding: 'gb18030',
      warnings: ['1 invalid GB18030 sequence replaced with U+FFFD (�)'],
    });
  });

  it('a short text with NUL bytes is UTF-8 with the NULs removed, not UTF-16', () => {
    const decoded = decodeText(Buffer.from('Annual report\0\0 of the council.\0\n'));
    expect(decoded).toEqual({
      ok: true,
      encoding: 'utf-8',
      text: 'Annual report of the council.\n',
      warnings: ['3 NUL characters removed'],
    });
  });

  it('NULs after the first 64 KB are removed too, not stored', () => {
    const long = Buffer.concat([seedBytes, seedBytes, seedBytes, seedBytes, seedBytes, Buffer.alloc(10)]);
    expect(long.indexOf(0)).toBeGreaterThan(65536);
    const decoded = decodeText(long);
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8', warnings: ['10 NUL characters removed'] });
    if (decoded.ok) expect(decoded.text).not.toContain('\0');
  });

  it('a UTF-8 file padded with NULs (left by a crash) keeps its text', () => {
    const decoded = decodeText(Buffer.concat([seedBytes, Buffer.alloc(4096)]));
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8', text, warnings: ['4,096 NUL characters removed'] });
  });

  it('UTF-16LE English without a BOM is told by its zero bytes', () => {
    expect(decodeText(Buffer.from('Annual report.\nThe council met twice.\n', 'utf16le'))).toEqual({
      ok: true,
      encoding: 'utf-16le',
      text: 'Annual report.\nThe council met twice.\n',
    });
  });

  it('random bytes, an executable, a SQLite database and a refrain workspace are binary', () => {
    let seed = 1;
    const random = Buffer.from(
      Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff),
    );
    expect(decodeText(random)).toEqual({
      ok: false,
      message: 'binary file (not text in UTF-8, UTF-16 or GB18030), skipped',
    });
    const sqlite = Buffer.alloc(4096);
    sqlite.write('SQLite format 3\0', 'latin1');
    expect(decodeText(sqlite)).toEqual({ ok: false, message: 'binary file (SQLite database), skipped' });
    sqlite.writeUInt32BE(0x5246524e, 68);
    expect(decodeText(sqlite)).toEqual({
      ok: false,
      message: 'binary file (a refrain workspace, not a report), skipped',
    });
    expect(decodeText(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toEqual({
      ok: false,
      message: 'binary file (ELF executable), skipped',
    });
  });

  it('text with a terminal colour code on every line is text', () => {
    const coloured = text
      .split('\n')
      .map((l) => `\x1b[1m${l}\x1b[0m`)
      .join('\n');
    expect(decodeText(Buffer.from(coloured))).toMatchObject({ ok: true, encoding: 'utf-8', text: coloured });
  });
});
