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
import { verifyPairs } from '../dist/src/pipeline/verify-pool.js';

const dir = mkdtempSync(join(tmpdir(), 'refrain-verify-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateBatch({ docs: 12, seed: 3, seedDir: join(import.meta.dirname, '../corpus'), outDir: join(dir, 'batch') });

describe('verifyPairs', () => {
  it('finds the same passages, in pair order, on worker threads as on this thread', async () => {
    const { analyses } = await analyzeFiles(await listInputFiles([join(dir, 'batch')]), defaultSettings, undefined, { workers: 0 });
    const arena = joinStreams(analyses.map((a) => a.streams!));
    const count = arena.tokenStart.length - 1;
    // Every pair among the first 240 paragraphs: copies and unrelated paragraphs alike.
    const n = Math.min(count, 240);
    const keys: number[] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) keys.push(a * count + b);
    const pairs = Float64Array.from(keys);
    const options = { threshold: 0.5, minTokens: 12, minWholeTokens: 8 };
    const here = await verifyPairs(pairs, arena, options, { workers: 0 });
    const pooled = await verifyPairs(pairs, arena, options, { workers: 2, minPairs: 0 });
    expect(here.length).toBeGreaterThan(20);
    expect(pooled).toEqual(here);
    expect(here.every((f, i) => i === 0 || f.at >= here[i - 1].at)).toBe(true);
  });
});
