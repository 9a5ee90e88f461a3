import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { scanPaths } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/types.js';
import { findingsWithBoth, readPairs } from '../support/seed-pairs.js';

const local = new URL('../fixtures/seed-queue.tsv', import.meta.url).pathname;
const shared = new URL('../../../shared/fixtures/seed-queue.tsv', import.meta.url).pathname;
const rows = readPairs(local);

let result: ScanResult;
beforeAll(async () => {
  result = (await scanPaths(['corpus'])).result;
});

describe('corpus: the queue holds the copies and keeps stock text and stitched matches out', () => {
  it.skipIf(!existsSync(shared))('uses a copy identical to the shared fixture', () => {
    expect(readFileSync(local, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
  it('has copy, stock and false rows', () => {
    const labels = new Set(rows.map((r) => r.label as string));
    expect([...labels].sort()).toEqual(['copy', 'false', 'stock']);
  });
  it.each(rows.map((r) => [`${r.label}: ${r.note} (${r.fileA.slice(0, 3)} ~ ${r.fileB.slice(0, 3)})`, r] as const))(
    '%s',
    (_title, row) => {
      const found = findingsWithBoth(result, row);
      const label = row.label as string;
      if (label === 'copy')
        expect(
          found.filter((c) => !c.boilerplate).map((c) => c.kind),
          'no finding in the queue holds both',
        ).not.toEqual([]);
      else if (label === 'stock')
        expect(
          found.filter((c) => !c.boilerplate).map((c) => c.id),
          'a finding in the queue holds both',
        ).toEqual([]);
      else
        expect(
          found.map((c) => c.id),
          'a finding holds both',
        ).toEqual([]);
    },
  );
  it('has at most 15 findings in the queue, the whole-paragraph and block copies first', () => {
    const queue = result.clusters.filter((c) => !c.boilerplate);
    expect(queue.length).toBeLessThanOrEqual(15);
    expect(queue.length).toBeGreaterThan(0);
    // Ranked by rare shared text: nothing below a finding shares more than it does.
    for (let i = 1; i < queue.length; i++) expect(queue[i].content).toBeLessThanOrEqual(queue[i - 1].content);
    expect(result.clusters.findIndex((c) => c.boilerplate)).toBe(queue.length);
  });
});
