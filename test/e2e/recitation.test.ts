import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanPaths } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const LAW =
  '各级人民政府应当坚持依法行政，严格按照法定权限和程序行使权力、履行职责，做到法定职责必须为、法无授权不可为，自觉接受人大监督、民主监督、司法监督和社会监督。';

describe('the seeds with a reference holding the real title (reference/)', () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = (await scanPaths(['corpus'], { references: ['reference'] })).result;
  });

  it("reports 004's title as a splice of 三升体育平台 in place of 关于, first", () => {
    const f = result.clusters[0];
    expect(f.kind).toBe('spliced');
    expect(f.splices!.map((s) => [s.text, s.canonical])).toEqual([['三升体育平台', '关于']]);
    const m = f.members[f.splices![0].member];
    expect(result.documents[m.doc].path).toBe('corpus/004_8c642f3c1dbf128b.txt');
    expect(f.members.some((x) => result.documents[x.doc].reference)).toBe(true);
  });

  it('reads the reference as a reference, not a report: no ratios, and the batch is five reports', () => {
    const refs = result.documents.filter((d) => d.reference);
    expect(refs.map((d) => d.path)).toEqual(['reference/中共中央关于全面推进依法治国若干重大问题的决定.txt']);
    expect([refs[0].templatedRatio, refs[0].recitedRatio]).toEqual([0, undefined]);
    expect(result.documents.filter((d) => !d.reference)).toHaveLength(5);
    expect(result.scan!.inputs).toEqual([{ path: 'corpus', files: 5 }]);
    expect(result.scan!.references).toEqual([{ path: 'reference', files: 1 }]);
  });
});

describe('the scan summary with a reference', () => {
  it('counts the reports alone, shows the recited share, and puts the splice first with what the reference says', () => {
    const run = spawnSync(process.execPath, [MAIN, 'scan', 'corpus', '--reference', 'reference', '--no-workspace'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: '120' },
    });
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Scanned 5 reports (19,256 characters), against 1 reference document.');
    expect(out).toMatch(/across\s+within\s+boiler\s+recited\s+report/);
    expect(out).toMatch(/0\.7%\s+corpus\/004_8c642f3c1dbf128b\.txt/);
    expect(out).not.toMatch(/%\s+reference\//);
    expect(out).toContain('#0 across spliced · 1 report + 1 reference ·');
    expect(out).toContain('spliced: “三升体育平台” where the others say “关于”');
  });
});

describe('a report reciting a reference', () => {
  let dir: string;
  let result: ScanResult;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refrain-recite-'));
    mkdirSync(join(dir, 'reports'));
    mkdirSync(join(dir, 'upstream'));
    writeFileSync(join(dir, 'upstream', 'law.txt'), `第三条\n\n${LAW}`);
    writeFileSync(
      join(dir, 'reports', 'a.txt'),
      `镇政府全年办理行政复议案件两件，均按期办结。\n\n按照规定，${LAW}\n\n镇综治中心实行矛盾纠纷分级分类处置。`,
    );
    writeFileSync(
      join(dir, 'reports', 'b.txt'),
      '今年以来，镇里围绕乡村振兴重点任务，持续完善村规民约，推动移风易俗，群众满意度明显提升。',
    );
    result = (await scanPaths([join(dir, 'reports')], { references: [join(dir, 'upstream')] })).result;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows recitedRatio and no copying finding for that text', () => {
    const a = result.documents.find((d) => d.path.endsWith('a.txt'))!;
    expect(a.recitedRatio).toBeGreaterThan(0.5);
    expect(a.templatedRatio).toBe(0);
    const recited = result.clusters.filter((f) => f.members.some((m) => result.documents[m.doc].reference));
    expect(recited.map((f) => [f.boilerplate, f.stock])).toEqual([[true, 'recited']]);
    expect(result.clusters.filter((f) => !f.boilerplate)).toEqual([]);
  });

  it('is what the command line does with --reference, and with a refrain.json naming the reference', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [MAIN, 'scan', 'reports', '--no-workspace', '--json', '-', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    const flag = JSON.parse(run(['--reference', 'upstream']).stdout) as ScanResult;
    writeFileSync(join(dir, 'refrain.json'), JSON.stringify({ reference: ['upstream'], minContent: 30 }));
    const configured = JSON.parse(run([]).stdout) as ScanResult;
    expect(configured.settings.minContent).toBe(30);
    const ratios = (r: ScanResult) => r.documents.filter((d) => !d.reference).map((d) => [d.path, d.recitedRatio]);
    expect(ratios(configured)).toEqual(ratios(flag));
    writeFileSync(join(dir, 'refrain.json'), JSON.stringify({ references: ['upstream'] }));
    const bad = run([]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown setting 'references'");
  });
});

describe("references in a workspace, and a reference set from reviewers' decisions", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'refrain-refws-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const refrain = (...args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  const firstKind = (ws: string, ...more: string[]) => {
    const run = refrain('scan', 'corpus', '--workspace', ws, '--json', '-', '-q', ...more);
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout) as ScanResult;
    return [r.clusters[0].kind, r.documents.filter((d) => d.reference).length];
  };

  it('remembers the references given until told --no-reference', () => {
    const ws = join(dir, 'a.db');
    expect(firstKind(ws, '--reference', 'reference')).toEqual(['spliced', 1]);
    expect(firstKind(ws)).toEqual(['spliced', 1]);
    expect(firstKind(ws, '--no-reference')).toEqual(['partial', 0]);
    expect(firstKind(ws)).toEqual(['partial', 0]);
    expect(refrain('scan', 'corpus', '--workspace', ws, '--reference', 'x', '--no-reference').status).toBe(2);
  });

  it('writes the findings marked boilerplate as a reference another scan recites', () => {
    const ws = join(dir, 'b.db');
    expect(refrain('scan', 'corpus', '--workspace', ws, '-q').status).toBe(0);
    const result = JSON.parse(refrain('report', ws, '--format', 'json').stdout) as ScanResult;
    const across = result.clusters.find((c) => c.scope === 'across' && !c.boilerplate)!;
    expect(refrain('decide', '--workspace', ws, across.key, 'boilerplate', '--note', 'county template').status).toBe(0);
    const set = join(dir, 'boilerplate.txt');
    expect(refrain('report', ws, '--format', 'reference', '-o', set).status).toBe(0);
    const text = readFileSync(set, 'utf8');
    const m = across.members[0];
    expect(text).toContain(result.documents[m.doc].paragraphs[m.paragraph].text.slice(m.start ?? 0, m.end).trim());
    const again = JSON.parse(
      refrain('scan', 'corpus', '--no-workspace', '--reference', set, '--json', '-', '-q').stdout,
    ) as ScanResult;
    const recited = again.clusters.filter((c) => c.stock === 'recited');
    expect(recited.length).toBeGreaterThan(0);
    expect(again.documents.some((d) => (d.recitedRatio ?? 0) > 0)).toBe(true);
  });
});
