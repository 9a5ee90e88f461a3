import stringWidth from 'string-width';
import { LITTLE_TEXT, type Evaluation } from './evaluate.js';
import type { FloorResult } from './floor.js';
import type { Truth } from './generate.js';
import type { BaselineResult } from './minhash-baseline.js';
import type { ScanRun } from './scan-run.js';

/** A two-column table of labelled figures, padded by display width. */
export function formatTable(title: string, rows: Array<[string, string]>): string {
  const left = Math.max(...rows.map(([l]) => stringWidth(l)));
  const right = Math.max(...rows.map(([, r]) => stringWidth(r)));
  const line = '-'.repeat(left + right + 3);
  const out = [title, line];
  for (const [l, r] of rows) out.push(`${l}${' '.repeat(left - stringWidth(l))}   ${r}`);
  out.push(line);
  return out.join('\n') + '\n';
}

/** The normal batch's filler is drawn from the seeds' words; the stock-dense one's from their character model. */
export type BatchKind = 'normal' | 'stock-dense';

/** Everything measured on one batch. */
export interface Measured {
  docs: number;
  kind: BatchKind;
  truth: Truth;
  scan: ScanRun;
  floor: FloorResult;
  ev: Evaluation | null;
  /** Why there is no evaluation, when there is none. */
  noEval: string;
  base: BaselineResult;
  /** The same scan with --engine duckdb, and whether its JSON is the default engine's byte for byte. */
  duckdb?: { scan: ScanRun; sameJson: boolean | null };
}

const mb = (bytes: number) => bytes / 1e6;
const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const pct = (x: number, digits = 2) => (Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : 'n/a');
const count = (x: number) => x.toLocaleString('en');
const share = (part: number, whole: number, digits = 2) =>
  `${count(part)} / ${count(whole)} = ${pct(whole ? part / whole : NaN, digits)}`;

function queueRows(ev: Evaluation): Array<[string, string]> {
  return [
    [
      'queue: findings not marked boilerplate',
      `${count(ev.queueFindings)} (${count(ev.fragments)} fragments of a copy found twice, ${count(ev.queueStock)} only stock)`,
    ],
    ['queue precision (true copies in the queue)', share(ev.queueCopies, ev.queueFindings)],
    ['stock kept out (stock-only findings marked boilerplate)', share(ev.stockBoilerplate, ev.stockFindings)],
  ];
}

export function runTable(m: Measured): string {
  const { truth, scan, floor, ev, base } = m;
  const rows: Array<[string, string]> = [
    [
      'reports',
      `${count(m.docs)}, ${m.kind} batch (${fmt(truth.chars / 1e6, 1)} M characters, ${fmt(mb(truth.bytes), 1)} MB)`,
    ],
    ['scan wall time', scan.ok ? `${fmt(scan.wallMs / 1000, 2)} s` : `did not finish (${scan.message})`],
    ['scan CPU time (user+sys)', `${fmt(scan.userS + scan.systemS, 2)} s`],
    ['scan peak RSS', `${fmt(scan.peakRssKb / 1024, 0)} MB`],
    ['throughput', scan.ok ? `${fmt(mb(truth.bytes) / (scan.wallMs / 1000), 2)} MB/s` : 'n/a'],
    ['floor (read + hash every 5-char window, 1 thread, best of 3)', `${fmt(floor.ms / 1000, 3)} s`],
    ['scan / floor', scan.ok ? `${fmt(scan.wallMs / floor.ms, 1)}×` : 'n/a'],
  ];
  if (ev) {
    rows.push(
      ['true copy pairs found (recall)', `${share(ev.foundPairs, ev.truePairs)}`],
      ['  of which inside one report', `${ev.withinFound} / ${ev.withinPairs}`],
      [
        `reported pairs sharing little text (<${LITTLE_TEXT * 100}% of 4-grams)`,
        share(ev.falsePairs, ev.reportedPairs),
      ],
      [
        'findings',
        count(ev.clusters) +
          (ev.unmatchedParagraphs ? ` (${ev.unmatchedParagraphs} paragraphs not matched to truth)` : ''),
      ],
      ...queueRows(ev),
    );
  } else rows.push(['recall, false pairs, queue', `not measured (${m.noEval})`]);
  rows.push(
    [
      `sketch, ${base.numHashes} hashes, ${base.sets} paragraphs`,
      `refrain ${fmt(base.refrainUs, 2)} µs/signature (${fmt(base.refrainWithShingleUs, 2)} with shingling), npm minhash ${fmt(base.npmUs, 1)} µs`,
    ],
    [
      '  speed-up vs npm minhash',
      `${fmt(base.npmUs / base.refrainUs, 1)}× (${fmt(base.npmUs / base.refrainWithShingleUs, 1)}× counting shingling)`,
    ],
    [
      `  mean |estimate − Jaccard|, ${base.pairs} pairs`,
      `refrain ${fmt(base.refrainError, 4)}, npm ${fmt(base.npmError, 4)} (ratio ${fmt(base.refrainError / base.npmError, 2)})`,
    ],
    [
      `  the same on ${base.highPairs} pairs with Jaccard ≥ 0.3`,
      `refrain ${fmt(base.refrainErrorHigh, 4)}, npm ${fmt(base.npmErrorHigh, 4)} (ratio ${fmt(base.refrainErrorHigh / base.npmErrorHigh, 2)})`,
    ],
  );
  if (m.duckdb) rows.push(...duckdbRows(m.duckdb));
  return formatTable(`refrain bench: ${count(m.docs)} reports, ${m.kind} batch`, rows);
}

function duckdbRows(d: NonNullable<Measured['duckdb']>): Array<[string, string]> {
  const { scan } = d;
  const same = d.sameJson === null ? 'not compared' : d.sameJson ? 'yes, byte for byte' : 'NO';
  return [
    [
      'scan --engine duckdb: wall (CPU)',
      scan.ok ? `${fmt(scan.wallMs / 1000, 2)} s (${fmt(scan.userS + scan.systemS, 1)} s)` : scan.message,
    ],
    ['scan --engine duckdb: peak RSS', `${fmt(scan.peakRssKb / 1024, 0)} MB`],
    ['scan --engine duckdb: same JSON', same],
  ];
}

/** The runs side by side, as a Markdown table (the README's form). */
export function summaryTable(runs: Measured[]): string {
  const cell = (m: Measured, f: (ev: Evaluation) => string) => (m.ev ? f(m.ev) : 'n/a');
  const rows: Array<[string, (m: Measured) => string]> = [
    [
      'scan wall time',
      (m) =>
        m.scan.ok
          ? `${fmt(m.scan.wallMs / 1000, 2)} s (${fmt(m.scan.userS + m.scan.systemS, 1)} s of CPU)`
          : m.scan.message,
    ],
    [
      'scan / floor',
      (m) => (m.scan.ok ? `${fmt(m.scan.wallMs / m.floor.ms, 1)}× (floor ${fmt(m.floor.ms / 1000, 3)} s)` : 'n/a'),
    ],
    ['peak RSS', (m) => `${fmt(m.scan.peakRssKb / 1024, 0)} MB`],
    [
      'recall of true copy pairs',
      (m) => cell(m, (ev) => `${pct(ev.recall)} (${count(ev.foundPairs)} of ${count(ev.truePairs)})`),
    ],
    [
      'reported pairs sharing little text',
      (m) => cell(m, (ev) => `${pct(ev.falseShare)} (${count(ev.falsePairs)} of ${count(ev.reportedPairs)})`),
    ],
    ['queue findings (fragments)', (m) => cell(m, (ev) => `${count(ev.queueFindings)} (${count(ev.fragments)})`)],
    [
      'queue precision',
      (m) => cell(m, (ev) => `${pct(ev.queuePrecision, 1)} (${count(ev.queueCopies)} of ${count(ev.queueFindings)})`),
    ],
    [
      'stock kept out',
      (m) =>
        cell(m, (ev) => `${pct(ev.stockKeptOut, 1)} (${count(ev.stockBoilerplate)} of ${count(ev.stockFindings)})`),
    ],
    [
      'MinHash vs npm `minhash`, speed',
      (m) =>
        `${fmt(m.base.npmUs / m.base.refrainUs, 1)}× (${fmt(m.base.npmUs / m.base.refrainWithShingleUs, 1)}× counting shingling)`,
    ],
    [
      'MinHash vs npm `minhash`, mean estimate error',
      (m) =>
        `${fmt(m.base.refrainError, 4)} vs ${fmt(m.base.npmError, 4)} (ratio ${fmt(m.base.refrainError / m.base.npmError, 2)})`,
    ],
  ];
  if (runs.some((m) => m.duckdb)) {
    const duck = (m: Measured, f: (d: NonNullable<Measured['duckdb']>) => string) => (m.duckdb ? f(m.duckdb) : 'n/a');
    rows.push(
      ['`--engine duckdb`: wall (CPU)', (m) => duck(m, (d) => duckdbRows(d)[0][1])],
      ['`--engine duckdb`: peak RSS', (m) => duck(m, (d) => duckdbRows(d)[1][1])],
      ['`--engine duckdb`: same JSON', (m) => duck(m, (d) => duckdbRows(d)[2][1])],
    );
  }
  const head = `| | ${runs.map((m) => `${count(m.docs)} reports, ${m.kind}`).join(' | ')} |`;
  const rule = `|---|${runs.map(() => '---').join('|')}|`;
  return [head, rule, ...rows.map(([label, f]) => `| ${label} | ${runs.map(f).join(' | ')} |`)].join('\n') + '\n';
}
