import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listInputFiles } from '../src/ingest/index.js';
import { defaultSettings } from '../src/pipeline/settings.js';
import type { ScanResult } from '../src/types.js';
import { generateBatch, type Batch } from './generate.js';
import { floorPass } from './floor.js';
import { evaluate, LITTLE_TEXT, type Evaluation } from './evaluate.js';
import { compareWithNpm, sampleFromTexts, type BaselineResult } from './minhash-baseline.js';
import { formatTable } from './table.js';

/**
 * `npm run bench`: for each batch size, generate a synthetic batch (or reuse one on disk), scan it
 * in a child process under /usr/bin/time (wall time and peak RSS of the whole scan, worker
 * threads included), run the floor pass on the same files, score the scan against the truth and
 * race refrain's sketch against the npm minhash package on a sample of the batch's paragraphs.
 * Everything in one table is measured in one run on one machine.
 */

const HELP = `Usage: node dist/bench/run.js [options]

  --docs N        batch size; repeat or give a comma list (default 1000,10000)
  --seed N        generator seed (default 1)
  --dir DIR       where batches are kept (default ${join(tmpdir(), 'refrain-bench')})
  --timeout S     give up on a scan after S seconds (default 900)
  --sample N      paragraphs in the sketch comparison (default 4000)
  --no-eval       skip the JSON result and its scoring (for very large batches)
  --profile DIR   run the scan under node --cpu-prof, profiles written to DIR
  --clean         delete each batch after measuring it
`;

const root = fileURLToPath(new URL('../..', import.meta.url));
const mainJs = join(root, 'dist/cli/main.js');

interface ScanRun {
  ok: boolean;
  wallMs: number;
  peakRssKb: number;
  userS: number;
  systemS: number;
  exitCode: number | null;
  message: string;
}

function parseTimeOutput(text: string): { rss: number; user: number; system: number } {
  const num = (label: string) => {
    const m = new RegExp(`${label}: ([\\d.]+)`).exec(text);
    return m ? Number(m[1]) : NaN;
  };
  return { rss: num('Maximum resident set size \\(kbytes\\)'), user: num('User time \\(seconds\\)'), system: num('System time \\(seconds\\)') };
}

/** Runs the scan as a user would, in its own process, and measures it from outside. */
function runScan(dir: string, json: string | null, timeoutS: number, profileDir: string | null): Promise<ScanRun> {
  const timeFile = join(tmpdir(), `refrain-bench-time-${process.pid}.txt`);
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  // --no-workspace: the scan alone is measured, and nothing is stored between runs (a workspace
  // would carry earlier batches into this one). The child runs in the temp folder all the same.
  const args = ['-v', '-o', timeFile, process.execPath, ...nodeArgs, mainJs, 'scan', dir, '-q', '--no-workspace', ...(json ? ['--json', json] : [])];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: tmpdir() });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - start;
      const t = existsSync(timeFile) ? parseTimeOutput(readFileSync(timeFile, 'utf8')) : { rss: NaN, user: NaN, system: NaN };
      rmSync(timeFile, { force: true });
      const timedOut = wallMs >= timeoutS * 1000;
      resolve({
        ok: code === 0 && !timedOut,
        wallMs,
        peakRssKb: t.rss,
        userS: t.user,
        systemS: t.system,
        exitCode: code,
        message: timedOut ? `killed after ${timeoutS} s` : code === 0 ? '' : `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
      });
    });
  });
}

/** Paragraph texts of the first reports, with true copy pairs among them and as many random pairs. */
function sketchSample(batch: Batch, want: number): { texts: string[]; pairs: Array<[number, number]> } {
  const texts: string[] = [];
  const sources: number[] = [];
  for (let d = 0; d < batch.truth.paths.length && texts.length < want; d++) {
    const lines = readFileSync(join(batch.dir, batch.truth.paths[d]), 'utf8').split('\n');
    batch.truth.paragraphs[d].forEach((p, i) => {
      if (p.source >= 0) {
        texts.push(lines[i]);
        sources.push(p.source);
      }
    });
  }
  const bySource = new Map<number, number[]>();
  sources.forEach((s, i) => bySource.set(s, [...(bySource.get(s) ?? []), i]));
  const pairs: Array<[number, number]> = [];
  // Up to 20,000 copy pairs and as many unrelated ones: with 60 hash functions one estimate is off
  // by 0.03–0.06, so telling two sketches' mean errors apart takes thousands of pairs.
  const MAX_PAIRS = 20000;
  for (const list of bySource.values())
    for (let x = 0; x < list.length && pairs.length < MAX_PAIRS; x++) for (let y = x + 1; y < list.length && pairs.length < MAX_PAIRS; y++) pairs.push([list[x], list[y]]);
  // Deterministic "random" pairs: a fixed stride through the sample.
  for (let i = 0; i < MAX_PAIRS; i++) {
    const a = (i * 7919) % texts.length;
    const b = (i * 104729 + 13) % texts.length;
    if (a !== b) pairs.push([a, b]);
  }
  return { texts, pairs };
}

const mb = (bytes: number) => bytes / 1e6;
const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const pct = (x: number, digits = 2) => (Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : 'n/a');

function table(docs: number, batch: Batch, scan: ScanRun, floor: ReturnType<typeof floorPass>, ev: Evaluation | null, base: BaselineResult): string {
  const { truth } = batch;
  const rows: Array<[string, string]> = [
    ['reports', `${docs.toLocaleString('en')} (${fmt(truth.chars / 1e6, 1)} M characters, ${fmt(mb(truth.bytes), 1)} MB)`],
    ['scan wall time', scan.ok ? `${fmt(scan.wallMs / 1000, 2)} s` : `did not finish (${scan.message})`],
    ['scan CPU time (user+sys)', `${fmt(scan.userS + scan.systemS, 2)} s`],
    ['scan peak RSS', `${fmt(scan.peakRssKb / 1024, 0)} MB`],
    ['throughput', scan.ok ? `${fmt(mb(truth.bytes) / (scan.wallMs / 1000), 2)} MB/s` : 'n/a'],
    ['floor (read + hash every 5-char window, 1 thread, best of 3)', `${fmt(floor.ms / 1000, 3)} s`],
    ['scan / floor', scan.ok ? `${fmt(scan.wallMs / floor.ms, 1)}×` : 'n/a'],
  ];
  if (ev) {
    rows.push(
      ['true copy pairs found (recall)', `${ev.foundPairs.toLocaleString('en')} / ${ev.truePairs.toLocaleString('en')} = ${pct(ev.recall)}`],
      ['  of which inside one report', `${ev.withinFound} / ${ev.withinPairs}`],
      [`reported pairs sharing little text (<${LITTLE_TEXT * 100}% of 4-grams)`, `${ev.falsePairs.toLocaleString('en')} / ${ev.reportedPairs.toLocaleString('en')} = ${pct(ev.falseShare)}`],
      ['findings', ev.clusters.toLocaleString('en') + (ev.unmatchedParagraphs ? ` (${ev.unmatchedParagraphs} paragraphs not matched to truth)` : '')],
    );
  } else rows.push(['recall / false pairs', 'not measured (--no-eval or scan failed)']);
  rows.push(
    [`sketch, ${base.numHashes} hashes, ${base.sets} paragraphs`, `refrain ${fmt(base.refrainUs, 2)} µs/signature (${fmt(base.refrainWithShingleUs, 2)} with shingling), npm minhash ${fmt(base.npmUs, 1)} µs`],
    ['  speed-up vs npm minhash', `${fmt(base.npmUs / base.refrainUs, 1)}× (${fmt(base.npmUs / base.refrainWithShingleUs, 1)}× counting shingling)`],
    [`  mean |estimate − Jaccard|, ${base.pairs} pairs`, `refrain ${fmt(base.refrainError, 4)}, npm ${fmt(base.npmError, 4)} (ratio ${fmt(base.refrainError / base.npmError, 2)})`],
    [`  the same on ${base.highPairs} pairs with Jaccard ≥ 0.3`, `refrain ${fmt(base.refrainErrorHigh, 4)}, npm ${fmt(base.npmErrorHigh, 4)} (ratio ${fmt(base.refrainErrorHigh / base.npmErrorHigh, 2)})`],
  );
  return formatTable(`refrain bench: ${docs.toLocaleString('en')} reports`, rows);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        docs: { type: 'string', multiple: true },
        seed: { type: 'string' },
        dir: { type: 'string' },
        timeout: { type: 'string' },
        sample: { type: 'string' },
        'no-eval': { type: 'boolean' },
        profile: { type: 'string' },
        clean: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${HELP}`);
    return 2;
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const sizes = (v.docs ?? ['1000,10000']).flatMap((s) => s.split(',')).map((s) => Number(s.trim()));
  const seed = Number(v.seed ?? 1);
  const timeout = Number(v.timeout ?? 900);
  const sample = Number(v.sample ?? 4000);
  if (sizes.some((n) => !Number.isInteger(n) || n < 2) || !Number.isInteger(seed) || !(timeout > 0) || !(sample >= 10)) {
    process.stderr.write(`bench: --docs takes whole numbers ≥ 2, --seed a whole number, --timeout and --sample positive numbers\n`);
    return 2;
  }
  if (!existsSync(mainJs)) {
    process.stderr.write(`bench: ${mainJs} is missing; run 'npm run build' first\n`);
    return 2;
  }
  const base = v.dir ?? join(tmpdir(), 'refrain-bench');
  // Which engine was measured: the commit, and whether src/ or cli/ differed from it.
  let engine = 'unknown (not a git checkout)';
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src', 'cli') !== '';
    engine = `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in src/ or cli/' : ''}`;
  } catch {
    // no git: say so and go on
  }
  process.stdout.write(
    `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${availableParallelism()} cores, ${fmt(totalmem() / 2 ** 30, 1)} GiB; node ${process.version}\n` +
      `engine: ${engine}\nsettings: ${JSON.stringify(defaultSettings)}\n\n`,
  );
  for (const docs of sizes) {
    const t0 = performance.now();
    const batch = generateBatch({ docs, seed, seedDir: join(root, 'corpus'), outDir: join(base, `docs-${docs}-seed-${seed}`) });
    process.stderr.write(`bench: batch of ${docs} reports ready in ${fmt((performance.now() - t0) / 1000, 1)} s at ${batch.dir}\n`);
    const json = v['no-eval'] ? null : join(base, `result-${docs}-seed-${seed}.json`);
    process.stderr.write(`bench: scanning…\n`);
    const scan = await runScan(batch.dir, json, timeout, v.profile ?? null);
    // The floor runs after the scan, so both find the files in the page cache; best of three, as
    // it is the least time the pass needs here (the scan, run once, gets no such help).
    const files = await listInputFiles([batch.dir]);
    let floor = floorPass(files);
    for (let r = 1; r < 3; r++) {
      const again = floorPass(files);
      if (again.ms < floor.ms) floor = again;
    }
    let ev: Evaluation | null = null;
    if (json && scan.ok) {
      process.stderr.write(`bench: scoring against the truth…\n`);
      const result = JSON.parse(readFileSync(json, 'utf8')) as ScanResult;
      ev = evaluate(result, batch.truth);
      process.stderr.write(`bench: result ${fmt(mb(statSync(json).size), 0)} MB of JSON\n`);
    }
    const s = sketchSample(batch, sample);
    const baseline = compareWithNpm(sampleFromTexts(s.texts, s.pairs), defaultSettings.numHashes);
    process.stdout.write(table(docs, batch, scan, floor, ev, baseline) + '\n');
    if (v.clean) {
      rmSync(batch.dir, { recursive: true, force: true });
      if (json) rmSync(json, { force: true });
    }
  }
  return 0;
}

process.exitCode = await main();
