import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch } from '../../../bench/generate.js';
import { listInputFiles } from '../../../src/read/ingest/index.js';
import { analyzeFiles } from '../../../src/read/workers/read-files.js';
import { defaultSettings } from '../../../src/settings.js';
import { joinStreams } from '../../../src/read/token-streams.js';
import {
  COMPARE_WORKER,
  countSharedRuns,
  countStockRuns,
  openComparePool,
  templatesOf,
  verifyPairs,
} from '../../../src/compare/workers/compare-pool.js';
import { countRuns, RunTable } from '../../../src/compare/judge/run-table.js';
import { addCounts, sharedRuns } from '../../../src/compare/runs/shared-runs.js';
import { verifyRange } from '../../../src/compare/align/verify-pairs.js';
import { stockRuns } from '../../../src/compare/judge/run-table.js';
import type { TokenStreams } from '../../../src/types.js';
import type { MemberText } from '../../../src/compare/templates/template.js';

const stockRunsOf = (streams: TokenStreams, gp: number, out: Int32Array) => {
  const { masked } = tokensAt(streams, gp);
  return stockRuns(masked, 0, masked.length, out);
};
import { tokensAt } from '../../../src/read/token-streams.js';
import { assignLeaders } from '../../../src/compare/leaders/assign.js';
import { flattenUnits, indexParagraphs } from '../../../src/compare/batch.js';
import { earlierCandidates } from '../../../src/compare/leaders/offers.js';

const dir = mkdtempSync(join(tmpdir(), 'refrain-verify-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateBatch({ docs: 12, seed: 3, seedDir: join(import.meta.dirname, '../../../corpus'), outDir: join(dir, 'batch') });

const batch = (async () => {
  const { analyses } = await analyzeFiles(await listInputFiles([join(dir, 'batch')]), defaultSettings, undefined, {
    workers: 0,
  });
  const docOf = indexParagraphs(analyses).doc;
  return { streams: joinStreams(analyses.map((a) => a.streams!)), docOf };
})();
const analysed = batch.then((b) => b.streams);

// These tests need worker threads: the compiled worker script, which `npm test` builds first.
it('has a compiled comparing worker to start', () => expect(COMPARE_WORKER, 'run `npm run build` first').toBeDefined());

describe('shared 6-token runs', () => {
  it('count the same split by run hash, on this thread or on workers, as in one go', async () => {
    const streams = await analysed;
    const count = streams.tokenStart.length - 1;
    const all = Uint32Array.from({ length: count }, (_, i) => i);
    const whole = sharedRuns(all, streams);
    expect(whole.keys.length).toBeGreaterThan(100);
    // Pairs sharing many runs are there: the batch holds copies.
    expect(Math.max(...whole.counts)).toBeGreaterThan(20);
    const parts = addCounts([0, 1, 2, 3, 4].map((part) => sharedRuns(all, streams, part, 5)));
    expect([...parts.keys]).toEqual([...whole.keys]);
    expect([...parts.counts]).toEqual([...whole.counts]);
    const pool = openComparePool(
      streams,
      (await batch).docOf,
      { threshold: 0.5, minTokens: 12, minWholeTokens: 8 },
      2,
      0,
    )!;
    const pooled = await countSharedRuns(all, streams, pool, 2).finally(() => pool.close());
    expect([...pooled.counts]).toEqual([...whole.counts]);
    expect([...pooled.keys]).toEqual([...whole.keys]);
  });
});

describe('stock runs', () => {
  it('are counted the same on workers, in slices that split no report, as in one pass', async () => {
    const { streams, docOf } = await batch;
    const count = streams.tokenStart.length - 1;
    // Every run of the first 40 paragraphs, and one no paragraph has.
    const wanted = new Set<number>([123456789]);
    const scratch = new Int32Array(4096);
    for (let gp = 0; gp < 40; gp++) {
      const n = stockRunsOf(streams, gp, scratch);
      for (let j = 0; j < n; j++) wanted.add(scratch[j] >>> 0);
    }
    const keys = [...wanted];
    const tableOf = () => {
      const table = new RunTable();
      for (const h of keys) table.add(h);
      return table;
    };
    // Every paragraph counted once: as a leader standing for itself alone.
    const counted = {
      paragraphs: Uint32Array.from({ length: count }, (_, i) => i),
      docs: new Uint32Array(count).fill(1),
    };
    const here = tableOf();
    countRuns(here, streams, docOf, counted);
    const counts = keys.map((h) => here.docs(h));
    expect(Math.max(...counts)).toBeGreaterThan(3);
    expect(here.docs(123456789)).toBe(0);
    // Counted by hand: the reports whose paragraphs hold the most common run.
    const h = keys[counts.indexOf(Math.max(...counts))];
    const docsWith = new Set<number>();
    for (let gp = 0; gp < count; gp++) {
      const n = stockRunsOf(streams, gp, scratch);
      for (let j = 0; j < n; j++) if (scratch[j] === (h | 0)) docsWith.add(docOf[gp]);
    }
    expect(here.docs(h)).toBe(docsWith.size);
    const pool = openComparePool(streams, docOf, { threshold: 0.5, minTokens: 12, minWholeTokens: 8 }, 2, 0)!;
    const pooled = tableOf();
    await countStockRuns(pooled, streams, docOf, counted, pool).finally(() => pool.close());
    expect(keys.map((h) => pooled.docs(h))).toEqual(counts);
  });
});

describe('templatesOf', () => {
  it('gives each group of members the same template on worker threads as on this thread', async () => {
    const streams = await analysed;
    const { docOf } = await batch;
    const towns = ['那吾', '广海', '东山', '石门', '青龙'];
    const groups: MemberText[][] = Array.from({ length: 600 }, (_, g) =>
      towns.slice(0, 2 + (g % 4)).map((town, i) => ({
        text: `${2020 + (g % 5)}年，${town}镇共开展法治宣传活动${g + i}场次，发放宣传资料${100 * i}余份。`,
        base: g % 3,
      })),
    );
    const here = await templatesOf(groups);
    expect(here.filter((t) => t && t.slots.length === 3)).toHaveLength(600);
    const pool = openComparePool(streams, docOf, { threshold: 0.5, minTokens: 12, minWholeTokens: 8 }, 2, 0)!;
    const pooled = await templatesOf(groups, pool).finally(() => pool.close());
    expect(pooled).toEqual(here);
  });
});

describe('verifyPairs', () => {
  it('finds the same passages, in pair order, on worker threads as on this thread', async () => {
    const streams = await analysed;
    const count = streams.tokenStart.length - 1;
    // Every pair among the first 240 paragraphs: copies and unrelated paragraphs alike.
    const n = Math.min(count, 240);
    const keys: number[] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) keys.push(a * count + b);
    const pairs = Float64Array.from(keys);
    const options = { threshold: 0.5, minTokens: 12, minWholeTokens: 8 };
    const here = await verifyPairs(pairs, streams, options);
    const pool = openComparePool(streams, (await batch).docOf, options, 2, 0)!;
    expect(pool).toBeDefined();
    const pooled = await verifyPairs(pairs, streams, options, pool).finally(() => pool.close());
    expect(here.length).toBeGreaterThan(20);
    expect(pooled).toEqual(here);
    expect(here.every((f, i) => i === 0 || f.at >= here[i - 1].at)).toBe(true);
  });

  it('on this thread, aligns in slices, saying after each how many pairs are done, and finds what one pass finds', async () => {
    const streams = await analysed;
    const count = streams.tokenStart.length - 1;
    const n = Math.min(count, 240);
    const keys: number[] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) keys.push(a * count + b);
    const pairs = Float64Array.from(keys);
    const options = { threshold: 0.5, minTokens: 12, minWholeTokens: 8 };
    const done: number[] = [];
    const sliced = await verifyPairs(pairs, streams, options, undefined, (k: number) => done.push(k));
    expect(sliced).toEqual(verifyRange(pairs, 0, pairs.length, count, (gp) => tokensAt(streams, gp), options));
    expect(done.length).toBeGreaterThan(1);
    expect(done.every((k, i) => i === 0 || k > done[i - 1])).toBe(true);
    expect(done[done.length - 1]).toBe(pairs.length);
  });
});

describe('assignLeaders', () => {
  it('chooses the same leaders with checks made ahead on workers as in one ordered pass', async () => {
    const { analyses } = await analyzeFiles(await listInputFiles([join(dir, 'batch')]), defaultSettings, undefined, {
      workers: 0,
    });
    const streams = joinStreams(analyses.map((a) => a.streams!));
    const index = indexParagraphs(analyses);
    const units = flattenUnits(analyses, index, defaultSettings.bands);
    const offers = earlierCandidates(units.wholeCount, defaultSettings.bands, units.wholeKeys, units.wholePara);
    const options = { threshold: 0.5, minTokens: 12, minWholeTokens: 8 };
    const here = await assignLeaders(units.wholePara, offers, streams, options);
    const pool = openComparePool(streams, (await batch).docOf, options, 2, 0)!;
    const ahead = await assignLeaders(units.wholePara, offers, streams, options, pool).finally(() => pool.close());
    expect(here.joins.length).toBeGreaterThan(50);
    expect(here.speculated).toBe(0);
    expect(ahead.speculated).toBeGreaterThan(50);
    expect(ahead.used).toBeGreaterThan(ahead.unforeseen);
    expect([...ahead.leaderOf]).toEqual([...here.leaderOf]);
    expect([...ahead.joins]).toEqual([...here.joins]);
    expect([...ahead.copiesOf]).toEqual([...here.copiesOf]);
  });
});
