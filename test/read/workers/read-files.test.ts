import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch } from '../../../bench/generate.js';
import { listInputFiles } from '../../../src/read/ingest/index.js';
import { analyzeFiles, READ_WORKER } from '../../../src/read/workers/read-files.js';
import { defaultSettings } from '../../../src/settings.js';

const dir = mkdtempSync(join(tmpdir(), 'refrain-analyze-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

generateBatch({ docs: 70, seed: 7, seedDir: join(import.meta.dirname, '../../../corpus'), outDir: join(dir, 'batch') });
// A file that cannot be read as text, in the middle of the sorted list.
writeFileSync(join(dir, 'batch', '000', '000035x.txt'), Buffer.from([0, 1, 2, 0, 255, 254, 0, 0, 3, 0, 0, 0]));

// These tests need worker threads: the compiled worker script, which `npm test` builds first.
it('has a compiled reading worker to start', () => expect(READ_WORKER, 'run `npm run build` first').toBeDefined());

describe('analyzeFiles', () => {
  it('gives the same analyses, in path order, on worker threads as on this thread', async () => {
    const paths = await listInputFiles([join(dir, 'batch')]);
    expect(paths.length).toBe(71);
    const here = await analyzeFiles(paths, defaultSettings, undefined, { workers: 0 });
    const progress: number[] = [];
    const pooled = await analyzeFiles(paths, defaultSettings, (p) => progress.push(p.filesDone), {
      workers: 2,
      chunk: 4,
    });
    expect(here.analyses.length).toBe(70);
    expect(here.diagnostics.map((d) => d.path)).toEqual([paths[36]]);
    expect(pooled.diagnostics).toEqual(here.diagnostics);
    expect(pooled.analyses.map((a) => a.document.path)).toEqual(here.analyses.map((a) => a.document.path));
    expect(pooled.analyses).toEqual(here.analyses);
    // Progress only grows and ends at every file.
    expect(progress.every((n, i) => i === 0 || n > progress[i - 1])).toBe(true);
    expect(progress[progress.length - 1]).toBe(71);
  });

  it('keeps small batches on this thread and still reports each file', async () => {
    const paths = (await listInputFiles([join(dir, 'batch')])).slice(0, 3);
    const seen: number[] = [];
    const r = await analyzeFiles(paths, defaultSettings, (p) => seen.push(p.filesDone));
    expect(r.analyses.length).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
  });
});
