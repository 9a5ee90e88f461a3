import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch } from '../bench/generate.js';
import { listInputFiles } from '../src/ingest/index.js';
import { analyzeFiles } from '../src/pipeline/analyze-files.js';
import { defaultSettings } from '../src/pipeline/settings.js';
import { joinStreams } from '../src/pipeline/streams.js';
// The worker pool needs the compiled worker script: `npm test` builds dist/ first (pretest).
import { countSharedRuns, openComparePool, verifyPairs } from '../dist/src/pipeline/compare-pool.js';
import { addCounts, sharedRuns } from '../src/pipeline/anchors.js';
import { verifyRange } from '../src/pipeline/verify-pairs.js';
import { tokensAt } from '../src/pipeline/streams.js';
import { assignLeaders } from '../dist/src/pipeline/phase1.js';
import { flattenUnits, indexParagraphs } from '../src/pipeline/units.js';
import { earlierCandidates } from '../src/lsh/leaders.js';

const dir = mkdtempSync(join(tmpdir(), 'refrain-verify-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateBatch({ docs: 12, seed: 3, seedDir: join(import.meta.dirname, '../corpus'), outDir: join(dir, 'batch') });

const analysed = (async () => {
  const { analyses } = await analyzeFiles(await listInputFiles([join(dir, 'batch')]), defaultSettings, undefined, { workers: 0 });
  return joinStreams(analyses.map((a) => a.streams!));
})();

describe('shared 6-token runs', () => {
  it('count the same split by run hash, on this thread or on workers, as in one go', async () => {
    const arena = await analysed;
    const count = arena.tokenStart.length - 1;
    const all = Uint32Array.from({ length: count }, (_, i) => i);
    const whole = sharedRuns(all, arena);
    expect(whole.keys.length).toBeGreaterThan(100);
    // Pairs sharing many runs are there: the batch holds copies.
    expect(Math.max(...whole.counts)).toBeGreaterThan(20);
    const parts = addCounts([0, 1, 2, 3, 4].map((part) => sharedRuns(all, arena, part, 5)));
    expect([...parts.keys]).toEqual([...whole.keys]);
    expect([...parts.counts]).toEqual([...whole.counts]);
    const pool = openComparePool(arena, { threshold: 0.5, minTokens: 12, minWholeTokens: 8 }, 2, 0)!;
    const pooled = await countSharedRuns(all, arena, pool, 2).finally(() => pool.close());
    expect([...pooled.counts]).toEqual([...whole.counts]);
    expect([...pooled.keys]).toEqual([...whole.keys]);
  });
});

describe('verifyPairs', () => {
  it('finds the same passages, in pair order, on worker threads as on this thread', async () => {
    const arena = await analysed;
    const count = arena.tokenStart.length - 1;
    // Every pair among the first 240 paragraphs: copies and unrelated paragraphs alike.
    const n = Math.min(count, 240);
    const keys: number[] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) keys.push(a * count + b);
    const pairs = Float64Array.from(keys);
    const options = { threshold: 0.5, minTokens: 12, minWholeTokens: 8 };
    const here = await verifyPairs(pairs, arena, options);
    const pool = openComparePool(arena, options, 2, 0)!;
    expect(pool).toBeDefined();
    const pooled = await verifyPairs(pairs, arena, options, pool).finally(() => pool.close());
    expect(here.length).toBeGreaterThan(20);
    expect(pooled).toEqual(here);
    expect(here.every((f, i) => i === 0 || f.at >= here[i - 1].at)).toBe(true);
  });

  it('on this thread, aligns in slices, saying after each how many pairs are done, and finds what one pass finds', async () => {
    const arena = await analysed;
    const count = arena.tokenStart.length - 1;
    const n = Math.min(count, 240);
    const keys: number[] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) keys.push(a * count + b);
    const pairs = Float64Array.from(keys);
    const options = { threshold: 0.5, minTokens: 12, minWholeTokens: 8 };
    const done: number[] = [];
    const sliced = await verifyPairs(pairs, arena, options, undefined, (k: number) => done.push(k));
    expect(sliced).toEqual(verifyRange(pairs, 0, pairs.length, count, (gp) => tokensAt(arena, gp), options));
    expect(done.length).toBeGreaterThan(1);
    expect(done.every((k, i) => i === 0 || k > done[i - 1])).toBe(true);
    expect(done[done.length - 1]).toBe(pairs.length);
  });
});

describe('assignLeaders', () => {
  it('chooses the same leaders with checks made ahead on workers as in one ordered pass', async () => {
    const { analyses } = await analyzeFiles(await listInputFiles([join(dir, 'batch')]), defaultSettings, undefined, { workers: 0 });
    const arena = joinStreams(analyses.map((a) => a.streams!));
    const index = indexParagraphs(analyses);
    const units = flattenUnits(analyses, index, defaultSettings.bands);
    const offers = earlierCandidates(units.wholeCount, defaultSettings.bands, units.wholeKeys, units.wholePara);
    const options = { threshold: 0.5, minTokens: 12, minWholeTokens: 8 };
    const here = await assignLeaders(units.wholePara, offers, arena, options);
    const pool = openComparePool(arena, options, 2, 0)!;
    const ahead = await assignLeaders(units.wholePara, offers, arena, options, pool).finally(() => pool.close());
    expect(here.joins.length).toBeGreaterThan(50);
    expect(here.speculated).toBe(0);
    expect(ahead.speculated).toBeGreaterThan(50);
    expect(ahead.used).toBeGreaterThan(ahead.unforeseen);
    expect([...ahead.leaderOf]).toEqual([...here.leaderOf]);
    expect(ahead.joins).toEqual(here.joins);
    expect([...ahead.copiesOf]).toEqual([...here.copiesOf]);
  });
});
