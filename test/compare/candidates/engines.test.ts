import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCandidates } from '../../../src/compare/candidates/index.js';
import { sizeInBytes, withRoom } from '../../../src/compare/candidates/duckdb.js';
import type { FlatUnits } from '../../../src/compare/batch.js';
import { prepareParagraph } from '../../../src/read/analyze.js';
import { streamsOf } from '../../../src/read/token-streams.js';

/** A small deterministic generator: the same batch on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Whole-paragraph units whose band keys come from a few values, so buckets hold many units: more
 * than the three a bucket offers, and more offers than the eight a paragraph keeps.
 */
function crowdedUnits(count: number, bands: number, keysPerBand: number, seed: number): FlatUnits {
  const next = random(seed);
  const keys = Uint32Array.from({ length: count * bands }, () => Math.floor(next() * keysPerBand) * 0x9e3779b1);
  // Paragraph numbers with gaps, as when short paragraphs have no unit.
  const para = Uint32Array.from({ length: count }, (_, u) => u * 2 + (u % 3));
  // Keys said to be spent are gone, as the analyses' are: an engine that reads them after is wrong.
  let spent = false;
  const copyWholeKeys = (first: number, out: Uint32Array) => {
    if (spent) throw new Error('band keys read after they were spent');
    out.set(keys.subarray(first, first + out.length));
  };
  return { bands, wholeCount: count, wholeKeys: keys, wholePara: para, copyWholeKeys, spent: () => (spent = true) };
}

/**
 * Paragraphs stitched from a few six-character phrases: runs shared by many paragraphs (past the
 * sixteen that makes a run stock), pairs sharing one run or many, paragraphs saying a phrase twice.
 */
function stitchedParagraphs(count: number, seed: number): string[] {
  const next = random(seed);
  const stock = ['全面推进依法', '行政执法公示', '法治政府建设'];
  const chars = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土东西南北中';
  const pick = () => chars[Math.floor(next() * chars.length)];
  const phrases = Array.from({ length: 60 }, () => Array.from({ length: 7 }, pick).join(''));
  return Array.from({ length: count }, () => {
    let text = '';
    for (let i = 1 + Math.floor(next() * 6); i > 0; i--) {
      const r = next();
      text += r < 0.3 ? stock[Math.floor(next() * stock.length)] : phrases[Math.floor(next() * phrases.length)];
      text += '，';
    }
    return text;
  });
}

async function withEngine<T>(
  engine: 'memory' | 'duckdb',
  use: (c: Awaited<ReturnType<typeof openCandidates>>) => Promise<T>,
) {
  const candidates = await openCandidates({ engine });
  try {
    return await use(candidates);
  } finally {
    await candidates.close();
  }
}

describe('candidate engines', () => {
  it.each([1, 2, 3])(
    'DuckDB offers each paragraph the same earlier paragraphs, votes and order (seed %i)',
    async (seed) => {
      const units = crowdedUnits(400, 5, 12, seed);
      const memory = await withEngine('memory', (c) => c.offers(units));
      const duckdb = await withEngine('duckdb', (c) => c.offers(units));
      // Crowded enough to reach both limits: full offer lists, and votes from several bands.
      expect(Math.max(...memory.start.slice(1).map((s, u) => s - memory.start[u]))).toBe(8);
      expect(Math.max(...memory.votes)).toBeGreaterThan(1);
      expect(duckdb).toEqual(memory);
    },
  );

  it.each([1, 2])('DuckDB pairs leaders with the same partners (seed %i)', async (seed) => {
    const streams = streamsOf(
      stitchedParagraphs(300, seed).map((text) => ({ text })),
      prepareParagraph,
    );
    // Every other paragraph a leader, as after phase 1.
    const leaders = Uint32Array.from({ length: 150 }, (_, i) => i * 2);
    const memory = await withEngine('memory', (c) => c.partners(leaders, streams, undefined));
    const duckdb = await withEngine('duckdb', (c) => c.partners(leaders, streams, undefined));
    const paragraphs = streams.tokenStart.length - 1;
    const pairs = [...memory].map((k) => [Math.floor(k / paragraphs), k % paragraphs]);
    // Pairs of a paragraph with itself (it says a phrase twice) and with others, capped by partners.
    expect(pairs.some(([a, b]) => a === b)).toBe(true);
    const partners = new Map<number, number>();
    for (const [a, b] of pairs) for (const p of [a, b]) partners.set(p, (partners.get(p) ?? 0) + 1);
    // Kept when among the best eight of either side: a popular paragraph ends with more than eight.
    expect(pairs.length).toBeGreaterThan(500);
    expect(Math.max(...partners.values())).toBeGreaterThan(8);
    expect([...duckdb]).toEqual([...memory]);
  });

  it('runs a step again with twice the memory while it runs out, up to the ceiling, and only then', async () => {
    const attempt = (needs: number, failure = 'Out of Memory Error: failed to pin block of size 256.0 KiB') => {
      const limits: string[] = [];
      let limit = 512e6;
      const step = () => (limit >= needs ? Promise.resolve('done') : Promise.reject(new Error(failure)));
      const grow = (more: string) => {
        limits.push(more);
        limit = sizeInBytes(more);
        return Promise.resolve();
      };
      return { run: withRoom(step, '512MB', 6e9, grow), limits };
    };
    const enough = attempt(1.5e9);
    expect(await enough.run).toBe('done');
    expect(enough.limits).toEqual(['1024MB', '2048MB']);
    const append = attempt(1e9, 'Failed to append: could not allocate block of size 256.0 KiB');
    expect(await append.run).toBe('done');
    expect(append.limits).toEqual(['1024MB']);
    const data = attempt(1e9, 'Failed to append: failed to allocate data of size 8.0 KiB (96.0 KiB/97.6 KiB used)');
    expect(await data.run).toBe('done');
    const never = attempt(7e9);
    await expect(never.run).rejects.toThrow(/Out of Memory Error/);
    expect(never.limits).toEqual(['1024MB', '2048MB', '4096MB']);
    const disk = attempt(1e9, 'IO Error: No space left on device');
    await expect(disk.run).rejects.toThrow(/No space left/);
    expect(disk.limits).toEqual([]);
  });

  it('reads sizes as DuckDB does', () => {
    expect([sizeInBytes('512MB'), sizeInBytes('1.5 GB'), sizeInBytes('4GiB'), sizeInBytes('100kb')]).toEqual([
      512e6,
      1.5e9,
      4 * 2 ** 30,
      1e5,
    ]);
  });

  it('DuckDB works in a scratch folder it leaves empty', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'refrain-scratch-test-'));
    try {
      const candidates = await openCandidates({ engine: 'duckdb', duckdb: { scratch } });
      expect(readdirSync(scratch)).toHaveLength(1);
      await candidates.offers(crowdedUnits(50, 4, 5, 7));
      await candidates.close();
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
