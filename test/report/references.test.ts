import { describe, expect, it } from 'vitest';
import { buildReport, getReporter, reporterFor } from '../../src/report/index.js';
import { sourcesResult } from '../support/report-fixture.js';

const input = () => ({ result: sourcesResult(), decisions: [] });

describe('reference documents in the report', () => {
  it('are no reports: out of the ranking, the heatmap and the shares; listed apart with the reports reciting them', () => {
    const report = buildReport(input());
    expect(report.ranking.map((r) => [r.path, r.recitedRatio])).toEqual([
      ['a/乙.txt', 0],
      ['a/丙.txt', 0],
      ['a/甲.txt', 0.5],
    ]);
    expect(report.order).not.toContain(3);
    expect(report.summary).toMatchObject({ documents: 3, referenceDocuments: 1, pastDocuments: 0, splices: 1 });
    // Weighted by the reports' characters alone (60, 60, 30): the reference's 23 weigh nothing.
    expect(report.summary.recitedShare).toBeCloseTo(0.2, 10);
    expect(report.summary.templatedShare).toBeCloseTo((0.4 * 60 + 0.2 * 30) / 150, 10);
    expect(report.references).toEqual([
      { doc: 3, path: 'ref/决定.txt', chars: 23, recitedBy: [0, 1], findings: [0, 2] },
    ]);
    expect(report.findings.map((f) => f.references)).toEqual([1, 0, 1]);
    expect(report.findings[0].members.map((m) => m.reference)).toEqual([true, undefined]);
  });

  it('are listed apart in the Markdown, and each report shows its recited share in the ranking', () => {
    const md = getReporter('md')(input());
    expect(md).toContain('- References: ref (1 file)\n');
    expect(md).toContain('| Reports | 3 |\n');
    expect(md).toContain('| Text reciting a reference | 20.0% |\n');
    expect(md).toContain(
      [
        '| # | Report | Templated | Within | Boilerplate | Recited | Shares most with |',
        '|---:|---|---:|---:|---:|---:|---|',
        '| 1 | a/乙.txt | 40.0% | 0.0% | 0.0% | 0.0% | a/丙.txt (20.0%) |',
        '| 2 | a/丙.txt | 20.0% | 0.0% | 0.0% | 0.0% | a/乙.txt (20.0%) |',
        '| 3 | a/甲.txt | 0.0% | 0.0% | 0.0% | 50.0% |  |',
        '',
        '## References',
        '',
      ].join('\n'),
    );
    expect(md).toContain('| ref/决定.txt | a/甲.txt, a/乙.txt | 0, 2 |');
    expect(md).toContain('### 3. Finding 2: recites a reference in 1 report');
  });

  it("are marked in the CSV, per member and per report, beside each report's recited_ratio", () => {
    const rows = reporterFor('csv', 'document')(input()).slice(1).split('\r\n');
    expect(rows[0]).toMatch(/^doc,path,past,reference,encoding,.*,past_ratio,recited_ratio,findings,/);
    expect(rows.slice(1, 5).map((r) => r.split(',').slice(0, 12).join(','))).toEqual([
      '0,a/甲.txt,,,utf-8,txt,60,0.0000,0.0000,0.0000,,0.5000',
      '1,a/乙.txt,,,utf-8,txt,60,0.4000,0.0000,0.0000,,0.0000',
      '2,a/丙.txt,,,utf-8,txt,30,0.2000,0.0000,0.0000,,0.0000',
      '3,ref/决定.txt,,true,utf-8,txt,23,0.0000,0.0000,0.0000,,',
    ]);
    expect(rows[1]).toContain(',a (4 files); references ref (1 file),');
    const members = getReporter('csv')(input()).slice(1).split('\r\n');
    expect(members[1]).toMatch(/^0,k-spliced,across,spliced,false,2,0\.9000,,,,,0,3,ref\/决定\.txt,,true,1,/);
    expect(members[2]).toMatch(/^0,k-spliced,across,spliced,false,2,0\.9000,,,,,1,1,a\/乙\.txt,,,1,/);
  });
});
