/// <reference lib="dom" />
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPaths } from '../../src/scan/scan.js';
import { diffOps } from '../../src/report/html/data.js';
import { SVG_HEATMAP_MAX } from '../../src/report/html/heatmap.js';
import { getReporter } from '../../src/report/index.js';
import type { Decision, ResultDocumentPair, ScanResult } from '../../src/types.js';
import { scanIntoWorkspace } from '../../src/scan/index.js';
import { handMadeDecisions, handMadeResult } from '../support/report-fixture.js';

const html = getReporter('html');

describe('html report as text', () => {
  const page = html({ result: handMadeResult(), decisions: handMadeDecisions() });

  it('is one self-contained file: nothing loaded from anywhere', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<link|@import|url\(|https?:|\ssrc=/i);
    expect(page).toContain(`default-src 'none'`);
    // The embedded data and the page's own script; nothing else.
    expect(page.match(/<script/g)).toHaveLength(2);
  });

  it('shows report text only escaped: no markup from a report reaches the page', () => {
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).not.toContain('<b>skipped</b>');
    expect(page).toContain('binary file | &lt;b&gt;skipped&lt;/b&gt;');
    expect(page).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
  });

  it('has the batch figures, the ranking and a heatmap cell with a title per pair', () => {
    expect(page).toContain('<dt>Reports</dt><dd>3</dd>');
    expect(page).toContain('<dt>Text found in other reports</dt><dd>37.8%</dd>');
    expect(page.match(/class="bar-row"/g)).toHaveLength(3);
    expect(page).toContain('<title>a/一号.txt ↔ a/二号.txt: 50.0% shared</title>');
    expect(page).toContain('<title>a/三号 [draft].txt (itself)</title>');
    expect(page.match(/<rect /g)).toHaveLength(9);
  });

  it('says when, over what and with which settings the scan was made, and who reviewed it when', () => {
    expect(page).toContain(
      '<dl class="about"><dt>Scanned</dt><dd>2026-01-01 08:30 UTC, refrain 0.1.0</dd><dt>Inputs</dt><dd>a (4 files)</dd>' +
        '<dt>Settings</dt><dd>similarity threshold 0.5 · passages of 12 characters or more · queue from 25 characters of rare shared text · MinHash 60 hashes in 20 bands</dd>' +
        '<dt>Reviewed</dt><dd>1 of 3 findings, by 审计员甲, 2026-01-02 00:00 UTC</dd></dl>',
    );
  });

  it("labels the heatmap's columns with the reports' short names, not numbers", () => {
    const columns = [...page.matchAll(/class="hm-col"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(columns.sort()).toEqual(['一号', '三号 [draft]', '二号']);
    expect(page).not.toMatch(/>#\d+</);
  });

  it('prints counts with thousands separators', () => {
    const result = handMadeResult();
    result.documents[0].chars = 10_064_156;
    const big = html({ result, decisions: [] });
    expect(big).toContain('10,064,206 characters in all');
  });

  it('switches the heatmap to a canvas past the SVG size limit, and stays small at 1,000 reports', () => {
    const result = bigResult(1000);
    const big = html({ result, decisions: [] });
    expect(big).toContain('class="heatmap-canvas"');
    expect(big).not.toContain('<rect ');
    expect(SVG_HEATMAP_MAX).toBeLessThan(1000);
    // 1,000 reports of ~3,000 characters each (~9 MB of text): the page is the text plus a little.
    expect(Buffer.byteLength(big)).toBeLessThan(30_000_000);
  });
});

describe('diffOps', () => {
  it.each([
    ['坚持“小事不出村,大事不出镇”的原则', '秉持“小事不出村，大事不出乡”的准则'],
    ['same', 'same'],
    ['', '新增'],
    ['删掉', ''],
    ['emoji 😀 text', 'emoji 😃 text'],
  ])('rebuilds both sides from op lengths: %j vs %j', (a, b) => {
    const ops = diffOps(a, b);
    let left = '';
    let right = '';
    let i = 0;
    let j = 0;
    for (let k = 0; k < ops.length; k += 2) {
      const [op, len] = [ops[k], ops[k + 1]];
      if (op !== 2) {
        left += a.slice(i, i + len);
        i += len;
      }
      if (op !== 1) {
        right += b.slice(j, j + len);
        j += len;
      }
    }
    expect([left, right]).toEqual([a, b]);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`report-html: ${CHROMIUM} is not installed (apt-get install chromium); the browser test is skipped`);

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '</style>',
  '</script>',
];

describe.skipIf(!hasChromium)('html report of corpus/ in headless Chromium', () => {
  let dir: string;
  let file: string;
  let result: ScanResult;
  let browser: Browser;
  let naWuZhen: number;
  let hostileDoc: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refrain-report-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (const name of readdirSync('corpus')) copyFileSync(join('corpus', name), join(corpus, name));
    // A hostile report: markup in its name and text, inside a paragraph copied from 004 so it
    // also shows in findings, their diffs and excerpts.
    const copied =
      '坚持“小事不出村,大事不出镇,矛盾不上交”的原则,全面推行新时代“枫桥经验”矛盾化解机制,以群众工作“五个全覆盖”行动为抓手,将12个网格纳入法治管理范畴';
    writeFileSync(
      join(corpus, '999_<img src=x onerror=window.__pwned=2>.txt'),
      `恶意报告\n${HOSTILE.join(' ')}\n${copied}${HOSTILE[0]}${HOSTILE[1]}。\n`,
    );
    result = (await scanPaths([corpus])).result;
    const d004 = result.documents.findIndex((d) => d.path.includes('004_8c642f3c1dbf128b'));
    hostileDoc = result.documents.findIndex((d) => d.path.includes('999_'));
    naWuZhen = result.clusters.findIndex(
      (c) =>
        c.scope === 'within' &&
        c.kind === 'exact' &&
        c.members.every((m) => m.doc === d004) &&
        result.documents[d004].paragraphs[c.members[0].paragraph].text.includes('网格化管理'),
    );
    const decisions: Decision[] = [
      {
        key: result.clusters[naWuZhen].key,
        label: 'copied',
        note: `items 4 and 5 ${HOSTILE.join(' ')}`,
        at: '2026-11-24T12:00:00Z',
      },
    ];
    file = join(dir, 'report.html');
    writeFileSync(file, html({ result, decisions }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds the 那吾镇 repeat and the hostile report in the scan it renders', () => {
    expect(naWuZhen).toBeGreaterThanOrEqual(0);
    expect(hostileDoc).toBeGreaterThanOrEqual(0);
  });

  it('shows the heatmap and the 那吾镇 finding with its diff; runs no script from a report; loads nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const dialogs: string[] = [];
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    await page.waitForSelector('#reports details');

    // The batch at a glance and the heatmap: 6 reports, so 36 cells, each titled.
    expect(await page.locator('#summary dd').first().innerText()).toBe('6');
    expect(await page.locator('#heatmap svg rect').count()).toBe(36);
    const titles = await page.locator('#heatmap svg rect title').allTextContents();
    expect(titles.some((t) => /004_8c642f3c1dbf128b\.txt ↔ .*: \d+\.\d% shared$/.test(t))).toBe(true);
    // Screenshots go to the temp dir (removed afterwards) unless REFRAIN_KEEP_SHOTS names a folder to look at them.
    const shots = process.env.REFRAIN_KEEP_SHOTS ?? join(dir, 'shots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'summary.png') });

    // The 那吾镇 finding: members at their lines, side-by-side diff, the decision and its note.
    await page.evaluate((id) => (location.hash = `#finding-${id}`), naWuZhen);
    const finding = page.locator(`#finding-${naWuZhen}[open]`);
    await finding.locator('.diff').waitFor();
    const text = await finding.innerText();
    expect(text).toContain('004_8c642f3c1dbf128b.txt:25');
    expect(text).toContain('004_8c642f3c1dbf128b.txt:26');
    expect(text).toContain('网格化管理');
    expect(text).toContain('Decision: copied');
    expect(await finding.locator('.diff .side').count()).toBe(2);
    for (const h of HOSTILE) expect(text).toContain(h);
    await finding.screenshot({ path: join(shots, 'finding.png') });

    // The hostile report, opened (its body is rendered only now), and every finding it is in.
    await page.evaluate((id) => (location.hash = `#doc-${id}`), hostileDoc);
    const doc = page.locator(`#doc-${hostileDoc}[open] .text`);
    await doc.waitFor();
    const docText = await doc.innerText();
    for (const h of HOSTILE) expect(docText).toContain(h);
    expect(await page.locator(`#doc-${hostileDoc} mark`).count()).toBeGreaterThan(0);
    const hostileFindings = result.clusters.filter((c) => c.members.some((m) => m.doc === hostileDoc)).map((c) => c.id);
    expect(hostileFindings.length).toBeGreaterThan(0);
    for (const id of hostileFindings) {
      await page.evaluate((f) => (location.hash = `#finding-${f}`), id);
      await page.locator(`#finding-${id}[open] .members`).waitFor();
    }
    await page.screenshot({ path: join(shots, 'hostile.png') });

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    // The stylesheet was not cut short by a '</style>' in the text: its last rules still apply.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.side')!).borderTopStyle)).toBe('solid');
    expect(requests.filter((r) => r !== url)).toEqual([]);
    expect(statSync(join(shots, 'summary.png')).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it('words each finding the same in the summary and in the findings list, listed in the one review order', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#findings details');
    const links = await page.locator('#summary ol.top li a').allInnerTexts();
    expect(links.length).toBe(Math.min(10, result.clusters.length));
    const listed = await page.locator('#findings details summary').allInnerTexts();
    const ids = links.map((l) => Number(/^Finding #(\d+): /.exec(l)![1]));
    // The summary's list and the findings list both follow the review order (finding ids).
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(listed.map((s) => Number(/^Finding #(\d+)/.exec(s)![1]))).toEqual(listed.map((_, i) => i));
    for (const [i, link] of links.entries()) {
      const [, headline, kind] = /^Finding #\d+: (.*), ([^,]+)$/.exec(link)!;
      expect(listed[ids[i]]).toContain(` · ${headline} · ${kind} · `);
    }
    // Among them, boilerplate repeated inside one report: worded alike in both places too.
    expect(ids.some((id) => result.clusters[id].scope === 'within' && result.clusters[id].boilerplate)).toBe(true);
    await page.close();
  });

  it('highlights copying and boilerplate differently in a report text', async () => {
    const page = await browser.newPage();
    await page.goto(`${pathToFileURL(file).href}#doc-${result.documents.findIndex((d) => d.path.includes('004_'))}`);
    const text = page.locator('details[open] .text');
    await text.waitFor();
    expect(await text.locator('mark.copy').count()).toBeGreaterThan(0);
    expect(await text.locator('mark.bp').count()).toBeGreaterThan(0);
    const [copy, bp] = await page.evaluate(() =>
      ['mark.copy', 'mark.bp'].map((s) => getComputedStyle(document.querySelector(s)!).backgroundColor),
    );
    expect(copy).not.toBe(bp);
    await page.close();
  });

  it('stays usable at 1,000 reports: pages of 50, canvas heatmap with a readout, findings reachable by link', async () => {
    const big = join(dir, 'big.html');
    writeFileSync(big, html({ result: bigResult(1000), decisions: [] }));
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(pathToFileURL(big).href);
    await page.waitForSelector('#findings details');
    expect(await page.locator('#reports details').count()).toBe(50);
    expect(await page.locator('#reports .pager').innerText()).toContain('page 1 of 20');
    const canvas = page.locator('#heatmap canvas');
    expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBe(1000);
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 10.5, box.y + 10.5);
    expect(await page.locator('#heatmap .readout').innerText()).toMatch(
      /^big\/\d{4}\.txt (↔ big\/\d{4}\.txt: \d+\.\d% shared|\(itself\))$/,
    );
    await page.evaluate(() => (location.hash = '#finding-998'));
    await page.locator('#finding-998[open] .diff').waitFor();
    expect(await page.locator('#findings .pager').innerText()).toContain('page 20 of 20');
    await page.close();
  });
});

describe.skipIf(!hasChromium)('html report of a scan against a past workspace, in headless Chromium', () => {
  let dir: string;
  let file: string;
  let result: ScanResult;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refrain-report-past-'));
    const names = readdirSync('corpus').sort();
    for (const year of ['2024', '2025']) mkdirSync(join(dir, year));
    // Last year: 000-002. This year: 000 and 002 again, 003 and 004 new.
    for (const n of names.slice(0, 3)) copyFileSync(join('corpus', n), join(dir, '2024', n));
    for (const n of [names[0], ...names.slice(2)]) copyFileSync(join('corpus', n), join(dir, '2025', n));
    await scanIntoWorkspace([join(dir, '2024')], { workspace: join(dir, 'past.db') });
    result = (
      await scanIntoWorkspace([join(dir, '2025')], { workspace: join(dir, 'now.db'), against: join(dir, 'past.db') })
    ).result;
    const recycled = result.clusters.find((c) => c.members.some((m) => result.documents[m.doc].past !== undefined))!;
    const decisions: Decision[] = [
      {
        key: recycled.key,
        label: 'copied',
        note: 'handed in again',
        at: '2026-03-04T05:06:07.000Z',
        reviewer: '审计员甲',
      },
    ];
    file = join(dir, 'report.html');
    writeFileSync(file, html({ result, decisions }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("lists last year's reports apart and marked, labels the heatmap by name, says what was compared and who decided", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#reports details');

    const about = await page.locator('dl.about').innerText();
    expect(about).toMatch(/Compared with\s+\S*past\.db: 3 reports, scanned \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(about).toMatch(/Reviewed\s+1 of \d+ findings, by 审计员甲, 2026-03-04 05:06 UTC/);
    expect(await page.locator('#summary .figures').innerText()).toContain('Text found in past reports');
    expect(await page.locator('#summary p.meta').first().innerText()).toMatch(
      /\d{1,3}(,\d{3})+ characters in all; compared with 3 past reports, listed apart\./,
    );

    // This year's reports in the ranking and the report list; last year's in their own section, each marked.
    const bars = await page.locator('#ranking .bar-label').allInnerTexts();
    expect(bars).toHaveLength(4);
    expect(bars.every((b) => b.includes('/2025/'))).toBe(true);
    const batchList = await page.locator('#reports details summary').allInnerTexts();
    expect(batchList).toHaveLength(4);
    expect(batchList.every((t) => t.includes('/2025/') && t.includes('in past reports'))).toBe(true);
    const past = page.locator('#past-reports');
    expect(await past.locator('h2').innerText()).toMatch(/^Past reports \(.*past\.db\)$/);
    expect(await past.locator('ol.past li .badge.past').count()).toBe(3);
    expect(await past.locator('details summary .badge.past').count()).toBe(3);
    const first = await past.locator('ol.past li').first().innerText();
    expect(first).toMatch(/^past .*\/2024\/002_\S+\.txt · shares most with .*\/2025\/002_\S+\.txt \(\d+\.\d%\)$/);

    // A past report opens from its link, in its own list.
    const pastDoc = result.documents.findIndex((d) => d.past !== undefined);
    await page.evaluate((id) => (location.hash = `#doc-${id}`), pastDoc);
    await page.locator(`#past-reports #doc-${pastDoc}[open] .text`).waitFor();
    expect(await page.locator(`#doc-${pastDoc}`).innerText()).toContain('A past report, from');

    // A finding reaching last year: its past member is marked, its decision says who and when.
    const recycled = result.clusters.find((c) => c.members.some((m) => result.documents[m.doc].past !== undefined))!;
    await page.evaluate((id) => (location.hash = `#finding-${id}`), recycled.id);
    const finding = page.locator(`#finding-${recycled.id}[open]`);
    await finding.locator('.members').waitFor();
    expect(await finding.locator('summary').innerText()).toMatch(/copying across 2 reports \(1 past\)/);
    expect(await finding.locator('.members li .badge.past').count()).toBe(1);
    expect(await finding.innerText()).toContain('Decision: copied by 审计员甲, 2026-03-04 05:06 UTC');

    // The heatmap: every column labelled by a short name; last year's in grey italics.
    const columns = page.locator('#heatmap svg text.hm-col');
    expect(await columns.count()).toBe(7);
    const labels = await columns.evaluateAll((els) => els.map((e) => e.firstChild!.textContent!));
    expect(labels.some((l) => /^#\d+$/.test(l))).toBe(false);
    // A report handed in both years is told apart by its folder.
    expect(labels.filter((l) => l.includes('000_')).sort()).toEqual(['2024/000_8507…', '2025/000_8507…']);
    expect(labels.filter((l) => /^00[134]_/.test(l))).toHaveLength(3);
    expect(await page.locator('#heatmap svg text.hm-col.hm-past').count()).toBe(3);
    expect(
      await page
        .locator('#heatmap svg text.hm-col.hm-past')
        .first()
        .evaluate((e) => getComputedStyle(e).fontStyle),
    ).toBe('italic');
    // Upright labels fit above the grid: none pokes out of the top of the chart.
    const overshoot = await columns.evaluateAll((els: SVGTextElement[]) => {
      const top = els[0].ownerSVGElement!.getBoundingClientRect().top;
      return Math.max(...els.map((e) => top - e.getBoundingClientRect().top));
    });
    expect(overshoot).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** A synthetic batch of `n` reports of ~3,000 characters, each sharing a paragraph with the next. */
function bigResult(n: number): ScanResult {
  const base = handMadeResult();
  const line = '坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政，加快建设法治政府。';
  const documents = Array.from({ length: n }, (_, id) => ({
    ...base.documents[0],
    id,
    path: `big/${String(id).padStart(4, '0')}.txt`,
    chars: 3000,
    paragraphs: Array.from({ length: 40 }, (_, index) => ({
      index,
      line: index + 1,
      text: `${id}-${index} ${line}${line}`,
    })),
  }));
  const clusters = Array.from({ length: n - 1 }, (_, id) => ({
    ...base.clusters[0],
    id,
    key: `k${id}`,
    members: [
      { doc: id, paragraph: 3, start: 6, end: 40 },
      { doc: id + 1, paragraph: 3, start: 6, end: 40 },
    ],
  }));
  const documentPairs: ResultDocumentPair[] = clusters.map((c) => ({ a: c.id, b: c.id + 1, sharedRatio: 0.02 }));
  return { ...base, documents, clusters, documentPairs, diagnostics: [] };
}
