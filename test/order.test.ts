import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanPaths } from '../src/pipeline/scan.js';
import type { ScanResult } from '../src/types.js';

const corpus = new URL('../corpus', import.meta.url).pathname;
const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
const root = mkdtempSync(join(tmpdir(), 'refrain-order-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The result with every document named by its content hash instead of its id and path. */
function byContent(result: ScanResult) {
  const hashOf = (id: number) => result.documents[id].hash;
  return {
    documents: result.documents
      .map(({ id: _id, path: _path, ...rest }) => rest)
      .sort((x, y) => (x.hash < y.hash ? -1 : 1)),
    clusters: result.clusters.map((c) => ({ ...c, members: c.members.map((m) => ({ ...m, doc: hashOf(m.doc) })) })),
    documentPairs: result.documentPairs
      .map((p) => [hashOf(p.a), hashOf(p.b)].sort().join(' ') + ` ${p.sharedRatio}`)
      .sort(),
  };
}

let run = 0;
/** The corpus copied under new names, in new folders, given in a new order. */
async function scanAs(order: number[], names: string[]): Promise<ScanResult> {
  const dir = join(root, String(run++));
  const paths = order.map((i, k) => {
    const sub = join(dir, k % 2 ? 'b' : 'a');
    mkdirSync(sub, { recursive: true });
    const path = join(sub, `${names[k]}.txt`);
    copyFileSync(join(corpus, files[i]), path);
    return path;
  });
  return (await scanPaths(paths)).result;
}

describe('the same files in any order and under any names give the same result', () => {
  it('finds the same findings, kinds, keys, similarity and ratios; only ids and paths differ', async () => {
    const base = byContent(await scanAs([0, 1, 2, 3, 4], ['a0', 'a1', 'a2', 'a3', 'a4']));
    expect(base.clusters.length).toBeGreaterThan(5);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9_]{1,8}$/), { minLength: 5, maxLength: 5 }),
        async (order, names) => {
          expect(byContent(await scanAs(order, names))).toEqual(base);
        },
      ),
      { numRuns: 8, seed: 11 },
    );
  });
});
