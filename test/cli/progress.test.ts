import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProgress, formatProgress, type ProgressEvent } from '../../cli/progress.js';

const read = (filesDone: number, filesTotal: number, paragraphs: number): ProgressEvent => ({
  phase: 'read',
  filesDone,
  filesTotal,
  paragraphs,
});

function fakeStream(isTTY: boolean, columns = 200) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns, write: (s: string) => writes.push(s) } };
}

describe('formatProgress', () => {
  it.each([
    [
      'reading, with an estimate from the pace so far',
      read(250, 1000, 5200),
      2000,
      'refrain: read 250/1,000 files · 5,200 paragraphs sketched · 2.0 s · about 6.0 s left to read',
    ],
    [
      'nothing read yet: no estimate',
      read(0, 1000, 0),
      50,
      'refrain: read 0/1,000 files · 0 paragraphs sketched · 0.1 s',
    ],
    [
      'all read: no estimate',
      read(1000, 1000, 21000),
      8000,
      'refrain: read 1,000/1,000 files · 21,000 paragraphs sketched · 8.0 s',
    ],
    [
      'comparing',
      { phase: 'compare', filesDone: 10, filesTotal: 10, paragraphs: 300 } satisfies ProgressEvent,
      95_000,
      'refrain: 1 min 35 s · comparing… · read 10/10 files, 300 paragraphs sketched',
    ],
  ])('%s', (_title, event, elapsed, expected) => {
    expect(formatProgress(event, elapsed)).toBe(expected);
  });
});

describe('createProgress', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const { writes, stream } = fakeStream(false);
    const p = createProgress(stream, () => 0);
    p.update(read(1, 2, 10));
    p.update(read(2, 2, 20));
    p.end();
    expect(writes).toEqual([]);
  });

  it('redraws one line in place, at most every 100 ms, always on the last file, and clears it at the end', () => {
    const { writes, stream } = fakeStream(true);
    let clock = 0;
    const p = createProgress(stream, () => clock);
    clock = 10;
    p.update(read(1, 4, 10));
    clock = 50;
    p.update(read(2, 4, 20)); // too soon: skipped
    clock = 120;
    p.update(read(3, 4, 30));
    clock = 130;
    p.update(read(4, 4, 40)); // last file: drawn although soon
    clock = 140;
    p.update({ phase: 'compare', filesDone: 4, filesTotal: 4, paragraphs: 0 });
    p.end();
    expect(writes).toEqual([
      '\rrefrain: read 1/4 files · 10 paragraphs sketched · 0.0 s · about 0.0 s left to read\x1b[K',
      '\rrefrain: read 3/4 files · 30 paragraphs sketched · 0.1 s · about 0.0 s left to read\x1b[K',
      '\rrefrain: read 4/4 files · 40 paragraphs sketched · 0.1 s\x1b[K',
      '\rrefrain: 0.1 s · comparing… · read 4/4 files, 40 paragraphs sketched\x1b[K',
      '\r\x1b[K',
    ]);
  });

  it('fits the line to the terminal width', () => {
    const { writes, stream } = fakeStream(true, 31);
    const p = createProgress(stream, () => 0);
    p.update(read(1, 1000, 10));
    expect(writes[0]).toBe('\rrefrain: read 1/1,000 files ·…\x1b[K'); // 30 columns: 29 of text and the mark
  });

  it('takes a terminal that reports 0 columns to be 80 wide', () => {
    const { writes, stream } = fakeStream(true, 0);
    const p = createProgress(stream, () => 0);
    p.update(read(1, 1000, 10));
    // 79 columns (one short of the width, so the cursor never wraps): 78 of text and the mark.
    expect(writes[0]).toBe('\rrefrain: read 1/1,000 files · 10 paragraphs sketched · 0.0 s · about 0.0 s lef…\x1b[K');
  });

  it('shows what the comparison is doing, and keeps its clock moving between events', () => {
    vi.useFakeTimers();
    try {
      const { writes, stream } = fakeStream(true);
      let clock = 0;
      const p = createProgress(stream, () => clock);
      const compare = (stage?: string) => ({
        phase: 'compare' as const,
        filesDone: 4,
        filesTotal: 4,
        paragraphs: 40,
        stage,
      });
      clock = 1000;
      p.update(compare());
      clock = 1010;
      p.update(compare('aligning 0/20 paragraph pairs')); // a new stage: drawn although soon
      clock = 62_000;
      vi.advanceTimersByTime(1000); // no event for a minute: the tick redraws the time
      clock = 62_050;
      p.update(compare('aligning 8/20 paragraph pairs'));
      p.update({ phase: 'done', filesDone: 4, filesTotal: 4, paragraphs: 0 });
      clock = 70_000;
      vi.advanceTimersByTime(5000); // done: no more ticks
      p.end();
      expect(writes).toEqual([
        '\rrefrain: 1.0 s · comparing… · read 4/4 files, 40 paragraphs sketched\x1b[K',
        '\rrefrain: 1.0 s · aligning 0/20 paragraph pairs… · read 4/4 files, 40 paragraphs sketched\x1b[K',
        '\rrefrain: 1 min 02 s · aligning 0/20 paragraph pairs… · read 4/4 files, 40 paragraphs sketched\x1b[K',
        '\rrefrain: 1 min 02 s · aligning 8/20 paragraph pairs… · read 4/4 files, 40 paragraphs sketched\x1b[K',
        '\r\x1b[K',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the clock thread', () => {
  it('keeps redrawing the time while the scan thread is blocked, and writes nothing after end()', async () => {
    // The thread's script exists once compiled: the built module is the one under test.
    const built = pathToFileURL(join(import.meta.dirname, '../..', 'dist', 'cli', 'progress.js')).href;
    const { createProgress: create } = (await import(built)) as typeof import('../../cli/progress.js');
    const dir = mkdtempSync(join(tmpdir(), 'refrain-progress-'));
    const terminal = join(dir, 'terminal');
    const fd = openSync(terminal, 'w+');
    try {
      const p = create({ isTTY: true, columns: 200, fd, write: (s: string) => writeSync(fd, s) });
      p.update({
        phase: 'compare',
        filesDone: 2,
        filesTotal: 2,
        paragraphs: 6,
        stage: 'aligning 0/10 paragraph pairs',
      });
      const times = () =>
        new Set(
          [...readFileSync(terminal, 'utf8').matchAll(/refrain: ([\d.]+) s · aligning 0\/10 paragraph pairs…/g)].map(
            (m) => m[1],
          ),
        );
      // Busy, as aligning one huge pair keeps it: no timer of this thread can run until the loop ends.
      const deadline = Date.now() + 30_000;
      while (times().size < 2 && Date.now() < deadline);
      const seen = times();
      p.end();
      const ended = readFileSync(terminal, 'utf8');
      expect(seen.size).toBeGreaterThanOrEqual(2);
      expect(ended.endsWith('\r\x1b[K')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(readFileSync(terminal, 'utf8')).toBe(ended);
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
