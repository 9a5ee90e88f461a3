import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS, fileClock, LimitError } from '../../../src/read/ingest/limits.js';
import { refrain, ROOT } from '../../support/cli-run.js';
import { deepHtml, docx, pdf } from '../../support/hostile-files.js';

/**
 * Issue 13, item 8: one file cannot stall or sink a scan. Each file over a limit is skipped
 * with a message naming the limit and how to raise it; everything else is scanned.
 */

const SEED = join(ROOT, 'corpus', '000_8507adb33dc1f7a6.txt');
const LINE = 'The council reviewed the annual report on the rule of law and approved it for publication.';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-limits-'));
  copyFileSync(SEED, join(dir, 'a-report.txt'));
  writeFileSync(
    join(dir, 'small.pdf'),
    pdf(3, (p) => `Page ${p}. ${LINE}`),
  );
  writeFileSync(join(dir, 'deep.html'), deepHtml(10_000, '深层嵌套的段落文字应当读出，而不是让调用栈溢出。'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(files: string[], ...options: string[]) {
  const run = refrain(dir, ['scan', ...files, '--no-workspace', '-q', '--json', '-', ...options]);
  if (!run.json) throw new Error(`no result (status ${run.status}): ${run.stderr}`);
  return { ...run, result: run.json };
}

describe('defaults a real report never reaches', () => {
  it('a PDF of 10,001 pages is refused before a page is read; the other files are scanned', () => {
    writeFileSync(
      join(dir, 'long.pdf'),
      pdf(10_001, (p) => `Page ${p}.`),
    );
    const { result, stderr } = scan(['a-report.txt', 'small.pdf', 'long.pdf']);
    expect(result.documents.map((d) => d.path)).toEqual(['a-report.txt', 'small.pdf']);
    expect(result.diagnostics).toEqual([
      {
        path: 'long.pdf',
        level: 'error',
        message: 'PDF of 10,001 pages, over the limit of 10,000 pages (--limit pages=N raises it), skipped',
      },
    ]);
    expect(stderr).toContain('long.pdf: PDF of 10,001 pages');
  });

  it('a .docx whose text unpacks to more than 64 MB is refused before it is unpacked', () => {
    const bomb = docx('法治政府建设年度报告的正文段落。'.repeat(20), 80_000);
    writeFileSync(join(dir, 'bomb.docx'), bomb);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const { result } = scan(['a-report.txt', 'bomb.docx']);
    expect(result.documents.map((d) => d.path)).toEqual(['a-report.txt']);
    expect(result.diagnostics).toEqual([
      {
        path: 'bomb.docx',
        level: 'error',
        message: 'its text (XML) unpacks to 76 MB, over the limit of 64 MB (--limit unpacked-mb=N raises it), skipped',
      },
    ]);
  });

  it('a 1 GB file is refused by its size, without being read', () => {
    // Sparse: a gigabyte on paper, no disk used.
    writeFileSync(join(dir, 'huge.txt'), '');
    truncateSync(join(dir, 'huge.txt'), 1024 ** 3);
    const { result } = scan(['a-report.txt', 'huge.txt']);
    expect(result.diagnostics).toEqual([
      {
        path: 'huge.txt',
        level: 'error',
        message: 'file of 1,024 MB, over the limit of 512 MB (--limit file-mb=N raises it), skipped',
      },
    ]);
  });

  it('HTML nested 10,000 elements deep is read (walked without recursion)', () => {
    const { result } = scan(['deep.html']);
    expect(result.diagnostics).toEqual([]);
    expect(result.documents[0].paragraphs.map((p) => p.text)).toEqual([
      '深层嵌套的段落文字应当读出，而不是让调用栈溢出。',
    ]);
  });
});

describe('--limit NAME=VALUE sets each limit; the message names the one hit', () => {
  it('pages, characters, file size', () => {
    // Text of 11,684 bytes cannot be within 2,000 characters (at most 4 bytes a character): not decoded at all.
    const { result } = scan(['a-report.txt', 'small.pdf'], '--limit', 'pages=2', '--limit', 'chars=2000');
    expect(result.documents).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        path: 'a-report.txt',
        level: 'error',
        message:
          'text file of 11,684 bytes, too long, over the limit of 2,000 characters (--limit chars=N raises it), skipped',
      },
      {
        path: 'small.pdf',
        level: 'error',
        message: 'PDF of 3 pages, over the limit of 2 pages (--limit pages=N raises it), skipped',
      },
    ]);
    const { result: sized } = scan(['a-report.txt', 'small.pdf'], '--limit', 'file-mb=0.001');
    expect(sized.diagnostics).toEqual([
      {
        path: 'a-report.txt',
        level: 'error',
        message: 'file of 11,684 bytes, over the limit of 0.001 MB (--limit file-mb=N raises it), skipped',
      },
      {
        path: 'small.pdf',
        level: 'error',
        message: 'file of 1,381 bytes, over the limit of 0.001 MB (--limit file-mb=N raises it), skipped',
      },
    ]);
  });

  it('text longer than the characters limit once extracted', () => {
    const { result } = scan(['a-report.txt'], '--limit', 'chars=3000');
    expect(result.diagnostics).toEqual([
      {
        path: 'a-report.txt',
        level: 'error',
        message: 'text too long, over the limit of 3,000 characters (--limit chars=N raises it), skipped',
      },
    ]);
  });

  it('time: checked after every PDF page and while walking HTML', () => {
    const { result } = scan(['small.pdf', 'deep.html'], '--limit', 'seconds=0.000001');
    const message = 'took too long to read, over the limit of 0.000001 seconds (--limit seconds=N raises it), skipped';
    expect(result.diagnostics).toEqual([
      { path: 'deep.html', level: 'error', message },
      { path: 'small.pdf', level: 'error', message },
    ]);
  });

  it('a bad --limit is a usage error', () => {
    for (const [spec, error] of [
      [
        'pages',
        "refrain: --limit takes NAME=VALUE with NAME one of file-mb, pages, unpacked-mb, seconds, chars; got 'pages'\n",
      ],
      [
        'width=3',
        "refrain: --limit takes NAME=VALUE with NAME one of file-mb, pages, unpacked-mb, seconds, chars; got 'width=3'\n",
      ],
      ['pages=0', "refrain: --limit pages takes a number above 0, got '0'\n"],
    ]) {
      const run = refrain(dir, ['scan', 'a-report.txt', '--no-workspace', '--limit', spec]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(error);
    }
  });
});

describe('fileClock', () => {
  it('throws a LimitError naming the seconds limit once the time is up, not before', () => {
    let now = 1000;
    const clock = fileClock({ ...DEFAULT_LIMITS, seconds: 2 }, () => now);
    now = 2999;
    expect(() => clock.check()).not.toThrow();
    now = 3001;
    expect(() => clock.check()).toThrow(LimitError);
    expect(() => clock.check()).toThrow(
      'took too long to read, over the limit of 2 seconds (--limit seconds=N raises it), skipped',
    );
  });
});

describe('the defaults', () => {
  it('are far above a real report: the five sample reports are a few thousand characters each', () => {
    const longest = Math.max(
      ...['000_8507adb33dc1f7a6.txt', '004_8c642f3c1dbf128b.txt'].map(
        (n) => readFileSync(join(ROOT, 'corpus', n), 'utf8').length,
      ),
    );
    expect(DEFAULT_LIMITS.chars).toBeGreaterThan(1000 * longest);
  });
});
