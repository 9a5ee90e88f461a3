/**
 * Issue 11, item 7: the auditor's queue holds in other languages. Each batch is a folder of short
 * municipal annual reports of one genre, written for these tests, with the passages an auditor
 * would label in a tsv of the columns and labels of seed-queue.tsv (copy, stock, false; matching
 * rules in the shared fixtures' README). Every row is checked by the seed-queue rule; every batch
 * must give a short queue, the same whatever the files are called and in whatever order.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPaths } from '../../src/scan/scan.js';
import type { ResultMember, ScanResult } from '../../src/types.js';
import { describeFinding, rowViolations } from '../support/queue-rows.js';
import { findingsWithBoth, locate, readPairs } from '../support/seed-pairs.js';

interface Batch {
  name: string;
  dir: string;
  /** Only these files are reports: the folder also holds the rows. */
  ext: string;
  rows: string;
  /** A report made from another one's paragraphs in order: [original, recycled]. */
  recycled?: [string, string];
}

const LANGUAGES = 'test/fixtures/languages';
const BATCHES: Batch[] = [
  {
    name: 'de',
    dir: `${LANGUAGES}/de`,
    ext: '.txt',
    rows: 'expected.tsv',
    recycled: ['01_lindenau_2023.txt', '02_lindenau_2024.txt'],
  },
  {
    name: 'es',
    dir: `${LANGUAGES}/es`,
    ext: '.txt',
    rows: 'expected.tsv',
    recycled: ['01_torrealta_2023.txt', '02_torrealta_2024.txt'],
  },
  {
    name: 'fr',
    dir: `${LANGUAGES}/fr`,
    ext: '.txt',
    rows: 'expected.tsv',
    recycled: ['01_beaumont_2023.txt', '02_beaumont_2024.txt'],
  },
  {
    name: 'ja',
    dir: `${LANGUAGES}/ja`,
    ext: '.txt',
    rows: 'expected.tsv',
    recycled: ['01_aoba_r5.txt', '02_aoba_r6.txt'],
  },
  {
    name: 'ko',
    dir: `${LANGUAGES}/ko`,
    ext: '.txt',
    rows: 'expected.tsv',
    recycled: ['01_haneul_2023.txt', '02_haneul_2024.txt'],
  },
  { name: 'en', dir: 'test/fixtures/english', ext: '.txt', rows: 'queue.tsv' },
  { name: 'md', dir: 'test/fixtures/markdown', ext: '.md', rows: 'expected.tsv' },
];

/**
 * A batch of five to eight reports with five or six planted copies: an auditor can read a queue
 * this long in one sitting, and anything longer means stock text got in.
 */
const HANDFUL = 8;

/**
 * What the engine gets wrong today, keyed by test title, each with what it does instead. These
 * run as `it.fails`: when the engine is fixed the test reports it, and the entry goes.
 */
const KNOWN_GAPS: Record<string, string> = {};

const reports = (b: Batch) =>
  readdirSync(b.dir)
    .filter((n) => n.endsWith(b.ext))
    .sort()
    .map((n) => join(b.dir, n));

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The batch copied under new names that sort the other way round, given in reverse order. */
async function scanRenamedReversed(b: Batch): Promise<ScanResult> {
  const dir = mkdtempSync(join(tmpdir(), 'refrain-languages-'));
  made.push(dir);
  const files = reports(b);
  const paths = files.map((path, i) => {
    const renamed = join(dir, `report-${String(files.length - i).padStart(2, '0')}${b.ext}`);
    copyFileSync(path, renamed);
    return renamed;
  });
  return (await scanPaths(paths.reverse())).result;
}

/** The queue with documents named by content hash, so two scans of the same texts compare equal. */
function queueByContent(result: ScanResult) {
  const byHash = (m: ResultMember) => ({ ...m, doc: result.documents[m.doc].hash });
  return result.clusters
    .filter((c) => !c.boilerplate)
    .map((c) => ({ ...c, members: c.members.map(byHash), parts: c.parts?.map((part) => part.map(byHash)) }));
}

const titles: string[] = [];
/** `it`, or `it.fails` for a known gap. */
function check(title: string) {
  titles.push(title);
  return KNOWN_GAPS[title] ? it.fails : it;
}

for (const batch of BATCHES) {
  const rows = readPairs(join(batch.dir, batch.rows));

  describe(`${batch.name}: the queue holds the copies and keeps stock text and stitched matches out`, () => {
    let result: ScanResult;
    beforeAll(async () => {
      result = (await scanPaths(reports(batch))).result;
    });

    it('reads every report and has copy, stock and false rows', () => {
      expect(result.diagnostics).toEqual([]);
      expect(result.documents.length).toBe(reports(batch).length);
      expect([...new Set(rows.map((r) => r.label as string))].sort()).toEqual(['copy', 'false', 'stock']);
      // Titles key the known gaps.
      expect(new Set(rows.map((r) => `${r.label}: ${r.note}`)).size).toBe(rows.length);
    });

    // So that a known gap fails by its rule, never by a snippet gone missing.
    it('finds every snippet in its file (twice for a repeat inside one file)', () => {
      for (const row of rows) {
        const a = locate(result, row.fileA, row.snippetA);
        const b = locate(result, row.fileB, row.snippetB);
        const repeat = row.fileA === row.fileB && row.snippetA === row.snippetB;
        expect([a.length >= (repeat ? 2 : 1), b.length > 0], `${row.note}: ${row.snippetA} / ${row.snippetB}`).toEqual([
          true,
          true,
        ]);
      }
    });

    for (const row of rows) {
      const title = `${batch.name} ${row.label}: ${row.note}`;
      check(title)(title, () => {
        expect(rowViolations(result, row)).toEqual([]);
      });
    }

    const handful = `${batch.name}: at most ${HANDFUL} findings in the queue`;
    check(handful)(handful, () => {
      const queue = result.clusters.filter((c) => !c.boilerplate);
      expect(queue.length).toBeGreaterThan(0);
      expect(queue.length, queue.map((c) => describeFinding(result, c)).join('\n')).toBeLessThanOrEqual(HANDFUL);
    });

    const precise = `${batch.name}: every finding in the queue holds a labelled copy`;
    check(precise)(precise, () => {
      const copies = new Set(
        rows.filter((r) => (r.label as string) === 'copy').flatMap((r) => findingsWithBoth(result, r).map((c) => c.id)),
      );
      const stray = result.clusters.filter((c) => !c.boilerplate && !copies.has(c.id));
      expect(stray.map((c) => describeFinding(result, c))).toEqual([]);
    });

    if (batch.recycled) {
      const [original, recycled] = batch.recycled;
      const runs = `${batch.name}: the recycled report is a finding of paragraph runs`;
      check(runs)(runs, () => {
        const isRun = (m: ResultMember, file: string) =>
          m.lastParagraph !== undefined && result.documents[m.doc].path.endsWith(file);
        const found = result.clusters.filter(
          (c) =>
            !c.boilerplate && c.members.some((m) => isRun(m, original)) && c.members.some((m) => isRun(m, recycled)),
        );
        expect(found.length, result.clusters.map((c) => describeFinding(result, c)).join('\n')).toBeGreaterThan(0);
      });
    }

    const order = `${batch.name}: the same queue when the files are renamed and given in reverse order`;
    check(order)(order, async () => {
      const renamed = await scanRenamedReversed(batch);
      expect(queueByContent(renamed)).toEqual(queueByContent(result));
    });
  });
}

describe('known gaps', () => {
  it('each names a test of this file', () => {
    expect(Object.keys(KNOWN_GAPS).filter((title) => !titles.includes(title))).toEqual([]);
  });
});
