import { describe, expect, it } from 'vitest';
import { scanPaths } from '../../src/scan/scan.js';

/** The comparison's stages as a scan announces them, steps ("aligning 3/9 …") left out. */
async function stagesOf(readThroughFrom: number) {
  const stages: string[] = [];
  const { result } = await scanPaths(['corpus'], {
    references: ['reference'],
    engine: { engine: 'duckdb', readThroughFrom },
    onProgress: (p) => {
      if (p.stage && !/\d\/\d/.test(p.stage) && stages.at(-1) !== p.stage) stages.push(p.stage);
    },
  });
  return { stages: stages.map((s) => s.replace(/[\d.,]+/g, 'N')), clusters: result.clusters };
}

describe('reading the scratch files through', () => {
  it('comes before each stage that reads them at random, and changes no finding', async () => {
    const through = await stagesOf(0);
    expect(through.stages).toEqual([
      'grouping near-identical paragraphs (N)',
      'reading N GB of scratch files back in order',
      // Phase 1's offers are in: the reading interrupted it, and it goes on.
      'grouping near-identical paragraphs (N)',
      'pairing the shared N-token runs of N paragraphs',
      'reading N GB of scratch files back in order',
      'aligning N paragraph pairs',
      'grouping N copies into findings',
      'reading N GB of scratch files back in order',
      'weighing what N findings share',
      'templates of N findings',
      'scoring reports',
    ]);
    const left = await stagesOf(Number.MAX_SAFE_INTEGER);
    // The same stages without the reading, phase 1 in one piece.
    const without = through.stages.filter((s) => !s.startsWith('reading'));
    expect(left.stages).toEqual(without.filter((s, i) => s !== without[i - 1]));
    expect(through.clusters).toEqual(left.clusters);
    expect(through.clusters.length).toBeGreaterThan(10);
  });
});
