/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReporter } from '../../src/report/index.js';
import { scanPaths } from '../../src/scan/scan.js';
import type { Decision, ResultCluster, ScanResult } from '../../src/types.js';
import { TOWNS, writeTownBatch } from '../support/town-batch.js';

/**
 * The reports of two real scans: the seeds read against the reference holding the real title
 * of the 2014 decision (004's title has 三升体育平台 spliced in place of 关于), and ten towns
 * filling in one template.
 */
let dir: string;
let seeds: ScanResult;
let towns: ScanResult;
let template: ResultCluster;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-sources-'));
  seeds = (await scanPaths(['corpus'], { references: ['reference'] })).result;
  mkdirSync(join(dir, 'towns'));
  writeTownBatch(join(dir, 'towns'));
  towns = (await scanPaths([join(dir, 'towns')])).result;
  template = towns.clusters.find((c) => c.template && c.docCount === TOWNS.length)!;
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const REFERENCE = 'reference/中共中央关于全面推进依法治国若干重大问题的决定.txt';
/** The reviewer called the splice a false match: it must still be listed first everywhere. */
const dismissed = (): Decision[] => [
  { key: seeds.clusters[0].key, label: 'false-match', note: '', at: '2026-01-03T00:00:00Z' },
];

describe('the Markdown of the seeds read against a reference', () => {
  it('opens with the spliced title, 关于 beside it, before anything else', () => {
    const md = getReporter('md')({ result: seeds, decisions: dismissed() });
    const lines = md.split('\n');
    expect(lines[2]).toBe('## Spliced text');
    const row = lines.find((l) => l.startsWith('| 1 | corpus/004_8c642f3c1dbf128b.txt:'))!;
    expect(row).toContain('《中共中央**三升体育平台**全面推进依法治国');
    expect(row).toContain(`| **关于**, in the reference ${REFERENCE} | 0 (false-match) |`);
    expect(md.indexOf(row)).toBeLessThan(md.indexOf('- Scanned:'));
  });

  it("ranks the five reports with each one's recited share, and lists the reference apart", () => {
    const md = getReporter('md')({ result: seeds, decisions: [] });
    expect(md).toContain('| # | Report | Templated | Within | Boilerplate | Recited | Shares most with |');
    expect(md).toMatch(/\| 1 \| corpus\/004_8c642f3c1dbf128b\.txt \| 14\.4% \| 4\.5% \| 9\.0% \| 0\.7% \|/);
    const ranking = md.slice(md.indexOf('## Reports by templated share'), md.indexOf('## References'));
    expect(ranking.match(/^\| \d \| /gm)).toHaveLength(5);
    expect(ranking).not.toContain('reference/');
    expect(md).toContain(`## References\n`);
    expect(md).toContain(`| ${REFERENCE} | corpus/004_8c642f3c1dbf128b.txt | 0, `);
    expect(md).toContain(`| ${REFERENCE}:1 (reference) | — | 关于 | — |`);
  });
});

describe('the Markdown of ten towns filling in one template', () => {
  it('shows the skeleton and a slot table of ten rows', () => {
    const md = getReporter('md')({ result: towns, decisions: [] });
    const at = md.indexOf(`Finding ${template.id}: copying across 10 reports`);
    const section = md.slice(at, md.indexOf('\n### ', at));
    expect(section).toContain('> 2024年，**(1)**镇共开展法治宣传活动**(2)**场次，');
    expect(section).toContain('| Member | (1) name, distance 1.00 | (2) number, distance');
    const rows = section.split('\n').filter((l) => /^\| \S*towns\/\d\d-/.test(l));
    expect(rows).toHaveLength(10);
    expect(rows.find((r) => r.includes('02-东山'))).toMatch(/\| 东山 \| 14 \| 3200 \| 5500 \| 42 \|$/);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

describe.skipIf(!hasChromium)('the HTML of these scans in headless Chromium', () => {
  let browser: Browser;
  let shots: string;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    // Screenshots go to the temp dir (removed afterwards) unless REFRAIN_KEEP_SHOTS names a folder to look at them.
    shots = process.env.REFRAIN_KEEP_SHOTS ?? join(dir, 'shots');
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(name: string, result: ScanResult, decisions: Decision[] = []): Promise<[Page, string[]]> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, getReporter('html')({ result, decisions }));
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#findings details');
    return [page, errors];
  }

  it('shows the spliced title first, 关于 beside it, and the finding whatever the filter', async () => {
    const [page, errors] = await open('seeds', seeds, dismissed());
    // Nothing an auditor reads comes before it: it is the first thing under the title.
    expect(await page.evaluate(() => document.querySelector('h1')!.nextElementSibling!.id)).toBe('splices');
    const row = page.locator('#splices tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('mark.splice').innerText()).toBe('三升体育平台');
    expect(await row.locator('ins').innerText()).toBe('关于');
    expect(await row.innerText()).toContain(`in the reference ${REFERENCE}`);
    expect(await row.innerText()).toContain('false-match');
    await page.screenshot({ path: join(shots, 'splices.png') });

    // Marked a false match, the finding is still listed under every filter.
    for (const filter of ['copy', 'boilerplate', 'unreviewed']) {
      await page.selectOption('#finding-filter', filter);
      expect(await page.locator('#finding-0').count()).toBe(1);
    }
    await page.evaluate(() => (location.hash = '#finding-0'));
    const finding = page.locator('#finding-0[open]');
    await finding.locator('.splice-box').waitFor();
    expect(await finding.locator('.splice-box mark.splice').innerText()).toBe('三升体育平台');
    expect(await finding.locator('.splice-box ins').innerText()).toBe('关于');
    // The member from the reference is labelled as the reference it recites, by name and place.
    const first = await finding.locator('.members li').first().innerText();
    expect(first).toMatch(/^reference\s+reference\/中共中央关于全面推进依法治国若干重大问题的决定\.txt:1 · /);
    await finding.screenshot({ path: join(shots, 'spliced-finding.png') });

    // In the report's own text too.
    const d004 = seeds.documents.findIndex((d) => d.path.includes('004_'));
    await page.evaluate((id) => (location.hash = `#doc-${id}`), d004);
    await page.locator(`#doc-${d004}[open] .text`).waitFor();
    expect(await page.locator(`#doc-${d004} .text mark.splice`).allInnerTexts()).toEqual(['三升体育平台']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists the reference apart from the reports, and each report's recited share beside its ratios", async () => {
    const [page, errors] = await open('seeds-references', seeds);
    expect(await page.locator('#summary dd').first().innerText()).toBe('5');
    expect(await page.locator('#summary .figures').innerText()).toContain('Text reciting a reference');
    expect(await page.locator('#ranking .bar-row').count()).toBe(5);
    expect(await page.locator('#heatmap svg rect').count()).toBe(25);
    const reports = await page.locator('#reports details summary').allInnerTexts();
    expect(reports).toHaveLength(5);
    expect(reports.find((r) => r.includes('004_'))).toMatch(/recites references 0\.7%$/);
    expect(reports.some((r) => r.includes('reference/'))).toBe(false);

    const refs = page.locator('#references');
    expect(await refs.locator('ol.refs li').innerText()).toMatch(
      /^reference reference\/中共中央关于全面推进依法治国若干重大问题的决定\.txt · recited by 1 report: 004_8c642f3c1… · findings #0 #\d+$/,
    );
    const ref = seeds.documents.findIndex((d) => d.reference);
    await page.evaluate((id) => (location.hash = `#doc-${id}`), ref);
    await refs.locator(`#doc-${ref}[open] .text`).waitFor();
    expect(await refs.locator(`#doc-${ref}`).innerText()).toContain('A reference document');
    await page.screenshot({ path: join(shots, 'references.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the ten-town template as a table of ten rows, and lists it first among the templates', async () => {
    const [page, errors] = await open('towns', towns);
    const families = page.locator('#templates > ol.templates > li');
    expect(await families.first().innerText()).toMatch(
      new RegExp(`^Finding #${template.id} · 10 reports · 5 slots: name, number ×4\\n2024年，1镇共开展`),
    );
    await families.first().locator('a').click();
    const finding = page.locator(`#finding-${template.id}[open]`);
    await finding.locator('table.slots').waitFor();
    expect(await finding.locator('.skeleton .slot').count()).toBe(5);
    const heads = await finding.locator('table.slots thead th').allInnerTexts();
    expect(heads.map((h) => h.replace(/\s+/g, ' '))).toEqual([
      'Report',
      '1 name distance 1.00',
      ...template.template!.slots.slice(1).map((s, k) => `${k + 2} number distance ${s.distance.toFixed(2)}`),
    ]);
    const rows = await finding
      .locator('table.slots tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText)));
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(TOWNS));
    expect(rows.find((r) => r[0] === '02-东山')).toEqual(['02-东山', '东山', '14', '3200', '5500', '42']);
    await finding.screenshot({ path: join(shots, 'template.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
