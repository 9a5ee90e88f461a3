import { describe, expect, it, vi } from 'vitest';
import { createProgress, fitWidth, formatProgress, type ProgressEvent } from '../cli/progress.js';

const read = (filesDone: number, filesTotal: number, paragraphs: number): ProgressEvent => ({ phase: 'read', filesDone, filesTotal, paragraphs });

function fakeStream(isTTY: boolean, columns = 200) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns, write: (s: string) => writes.push(s) } };
}

describe('formatProgress', () => {
  it.each([
    ['reading, with an estimate from the pace so far', read(250, 1000, 5200), 2000, 'refrain: read 250/1,000 files · 5,200 paragraphs sketched · 2.0 s · about 6.0 s left to read'],
    ['nothing read yet: no estimate', read(0, 1000, 0), 50, 'refrain: read 0/1,000 files · 0 paragraphs sketched · 0.1 s'],
    ['all read: no estimate', read(1000, 1000, 21000), 8000, 'refrain: read 1,000/1,000 files · 21,000 paragraphs sketched · 8.0 s'],
    ['comparing', { phase: 'compare', filesDone: 10, filesTotal: 10, paragraphs: 300 } as ProgressEvent, 95_000, 'refrain: read 10/10 files · 300 paragraphs sketched · 1 min 35 s · comparing…'],
  ])('%s', (_title, event, elapsed, expected) => {
    expect(formatProgress(event, elapsed)).toBe(expected);
  });
});

describe('fitWidth', () => {
  it('leaves text that fits alone', () => expect(fitWidth('abc', 3)).toBe('abc'));
  it('cuts by display columns: a CJK character takes two', () => {
    expect(fitWidth('法治政府建设', 7)).toBe('法治政…');
    expect(fitWidth('abcdefgh', 5)).toBe('abcd…');
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
      '\rrefrain: read 4/4 files · 40 paragraphs sketched · 0.1 s · comparing…\x1b[K',
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
      const compare = (stage?: string) => ({ phase: 'compare' as const, filesDone: 4, filesTotal: 4, paragraphs: 40, stage });
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
        '\rrefrain: read 4/4 files · 40 paragraphs sketched · 1.0 s · comparing…\x1b[K',
        '\rrefrain: read 4/4 files · 40 paragraphs sketched · 1.0 s · aligning 0/20 paragraph pairs…\x1b[K',
        '\rrefrain: read 4/4 files · 40 paragraphs sketched · 1 min 02 s · aligning 0/20 paragraph pairs…\x1b[K',
        '\rrefrain: read 4/4 files · 40 paragraphs sketched · 1 min 02 s · aligning 8/20 paragraph pairs…\x1b[K',
        '\r\x1b[K',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
