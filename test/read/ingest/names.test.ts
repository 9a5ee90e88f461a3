import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayNames, locate } from '../../../src/read/ingest/names.js';
import { readInput } from '../../../src/read/ingest/read.js';
import { DEFAULT_LIMITS } from '../../../src/read/ingest/limits.js';
import { invalidUtf8Bytes, utf8WithEscapes } from '../../../src/read/ingest/utf8.js';

/** Issue 13, item 5: names made on a Chinese Windows (GBK bytes) and names in no encoding at all. */

const GBK_REPORT = Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]); // 报告
const dir = mkdtempSync(join(tmpdir(), 'refrain-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('displayNames', () => {
  it('keeps UTF-8 names, decodes GBK names, escapes bytes that are neither', () => {
    expect(
      displayNames([
        Buffer.from('年度.txt'),
        Buffer.concat([GBK_REPORT, Buffer.from('.txt')]),
        Buffer.from([0x61, 0xff, 0x62]),
      ]),
    ).toEqual(['年度.txt', '报告.txt', 'a\\xFFb']);
  });

  it('writes a decoded name that another entry already has with escapes, so each shown name is one file', () => {
    expect(displayNames([Buffer.from('报告.txt'), Buffer.concat([GBK_REPORT, Buffer.from('.txt')])])).toEqual([
      '报告.txt',
      '\\xB1\\xA8\\xB8\\xE6.txt',
    ]);
  });
});

describe('locate and readInput', () => {
  it('find a file by its shown name through folders whose names are not UTF-8 either', () => {
    const folder = Buffer.concat([Buffer.from(`${dir}/`), GBK_REPORT]);
    mkdirSync(folder);
    const file = Buffer.concat([folder, Buffer.from('/'), Buffer.from([0xff]), Buffer.from('.txt')]);
    writeFileSync(file, '内容');
    expect(locate(`${dir}/报告/\\xFF.txt`)).toEqual(file);
    expect(locate(`${dir}/报告/missing.txt`)).toBeNull();
    const read = readInput(`${dir}/报告/\\xFF.txt`, DEFAULT_LIMITS);
    expect(read.ok && read.bytes.toString()).toBe('内容');
  });
});

describe('UTF-8 helpers', () => {
  it('count the bytes a decoder replaces, as maximal subparts', () => {
    expect(invalidUtf8Bytes(Buffer.from('报告 ok'))).toBe(0);
    // A cut three-byte character counts its two bytes; a lone continuation byte one; an overlong lead one.
    expect(invalidUtf8Bytes(Buffer.from([0xe6, 0x8a, 0x41, 0x80, 0xc0, 0xaf]))).toBe(5);
    expect(new TextDecoder().decode(Buffer.from([0xe6, 0x8a, 0x41, 0x80, 0xc0, 0xaf]))).toBe(
      '\ufffdA\ufffd\ufffd\ufffd',
    );
    expect(utf8WithEscapes(Buffer.from([0xe6, 0x8a, 0x41, 0xe6, 0x8a, 0xa5]))).toBe('\\xE6\\x8AA报');
  });
});
