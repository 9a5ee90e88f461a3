import { describe, expect, it, beforeAll } from 'vitest';
import { scanPaths } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/types.js';
import { existsSync, readFileSync } from 'node:fs';
import { findingsWithBoth, readPairs } from '../support/seed-pairs.js';

const local = new URL('../fixtures/seed-pairs.tsv', import.meta.url).pathname;
const shared = new URL('../../../shared/fixtures/seed-pairs.tsv', import.meta.url).pathname;
const rows = readPairs(local);

let result: ScanResult;
beforeAll(async () => {
  result = (await scanPaths(['corpus'])).result;
});

describe('corpus: known copies are reported together, known non-copies are not', () => {
  it.skipIf(!existsSync(shared))('uses a copy identical to the shared fixture', () => {
    expect(readFileSync(local, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
  it('has the 13 rows of the fixture', () => {
    expect(rows.filter((r) => r.label === 'dup')).toHaveLength(10);
    expect(rows.filter((r) => r.label === 'not-dup')).toHaveLength(3);
  });
  it.each(rows.map((r) => [`${r.label}: ${r.note} (${r.fileA.slice(0, 3)} ~ ${r.fileB.slice(0, 3)})`, r] as const))(
    '%s',
    (_title, row) => {
      const found = findingsWithBoth(result, row);
      if (row.label === 'dup') expect(found.length, 'no finding holds both passages').toBeGreaterThan(0);
      else
        expect(
          found.map((c) => c.id),
          'a finding holds both passages',
        ).toEqual([]);
    },
  );
});
