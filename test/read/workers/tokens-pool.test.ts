import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch } from '../../../bench/generate.js';
import { listInputFiles } from '../../../src/read/ingest/index.js';
import { analyzeFiles } from '../../../src/read/workers/read-files.js';
import { defaultSettings } from '../../../src/settings.js';
import type { Analysis, StreamsInMemory } from '../../../src/types.js';
import { addStreams, TOKENS_WORKER } from '../../../src/read/workers/tokens-pool.js';
import { scanIntoWorkspace } from '../../../src/scan/index.js';
import { scanPaths } from '../../../src/scan/scan.js';
import { findingsOf } from '../../support/scan-record.js';

const dir = mkdtempSync(join(tmpdir(), 'refrain-wstreams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const batch = join(dir, 'batch');
generateBatch({ docs: 60, seed: 3, seedDir: join(import.meta.dirname, '../../../corpus'), outDir: batch });

// These tests need worker threads: the compiled worker script, which `npm test` builds first.
it('has a compiled token worker to start', () => expect(TOKENS_WORKER, 'run `npm run build` first').toBeDefined());

describe('addStreams', () => {
  it('gives stored analyses the streams the reading threads made, each to its own analysis', async () => {
    const paths = await listInputFiles([batch]);
    const { analyses } = await analyzeFiles(paths, defaultSettings, undefined, { workers: 0 });
    const loaded: Analysis[] = analyses.map(({ streams: _, ...rest }) => rest);
    // One already has its streams: it is left as it is.
    loaded[5].streams = analyses[5].streams;
    const kept = loaded[5].streams;
    await addStreams(loaded, { workers: 2, chunk: 7 });
    expect(loaded[5].streams).toBe(kept);
    loaded.forEach((a, i) => {
      const want = analyses[i].streams as StreamsInMemory;
      const got = a.streams as StreamsInMemory;
      for (const k of ['masked', 'tokenStart', 'digits', 'digitStart'] as const)
        expect(Array.from(got[k])).toEqual(Array.from(want[k]));
    });
  });
});

describe('a workspace scan on the worker pools', () => {
  it('gives the result of a scan without workspace, fresh, unchanged and with one file changed', async () => {
    const ws = join(dir, 'w.db');
    const want = (await scanPaths([batch])).result;
    const fresh = await scanIntoWorkspace([batch], { workspace: ws });
    expect(fresh.counts.analysed).toBe(60);
    expect(findingsOf(fresh.result)).toEqual(findingsOf(want));
    const again = await scanIntoWorkspace([batch], { workspace: ws });
    expect(again.counts.skipped).toBe(60);
    expect(findingsOf(again.result)).toEqual(findingsOf(want));

    const files = await listInputFiles([batch]);
    writeFileSync(
      files[10],
      '一个全新的报告，与其他报告没有共同的段落。\n第二段也是新的内容，用来检查改动的文件被重新分析。\n',
    );
    const changed = await scanIntoWorkspace([batch], { workspace: ws });
    expect(changed.counts).toMatchObject({ analysed: 1, skipped: 59 });
    expect(findingsOf(changed.result)).toEqual(findingsOf((await scanPaths([batch])).result));
  });
});
