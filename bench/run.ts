import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listInputFiles } from '../src/read/ingest/index.js';
import { defaultSettings } from '../src/settings.js';
import type { ScanResult } from '../src/types.js';
import { generateBatch, type Batch } from './generate.js';
import { floorPass } from './floor.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { compareWithNpm, sampleFromTexts } from './minhash-baseline.js';
import { runScan } from './scan-run.js';
import { runTable, summaryTable, type BatchKind, type Measured } from './table.js';

/**
 * `npm run bench`: for each batch (a size and a kind), generate it (or reuse one on disk), scan
 * it in a child process under /usr/bin/time (wall time and peak RSS of the whole scan, worker
 * threads included), run the floor pass on the same files, score the scan against the truth
 * (recall, false pairs, the queue an auditor reads) and race refrain's sketch against the npm
 * minhash package on a sample of the batch's paragraphs. Everything in one run is measured on
 * one machine; a Markdown table of all the batches ends it.
 */

const HELP = `Usage: node dist/bench/run.js [options]

  --docs N        batch size; repeat or give a comma list (default 1000,10000)
  --normal        batches whose made-up text is drawn from the seeds' words
  --stock-dense   batches whose made-up text comes from a character model of the seeds
                  (with neither flag nor --docs: 1,000 and 10,000 normal, 10,000 stock-dense;
                  with --docs alone: normal)
  --seed N        generator seed (default 1)
  --dir DIR       where batches are kept (default ${join(tmpdir(), 'refrain-bench')})
  --timeout S     give up on a scan after S seconds (default 900)
  --sample N      paragraphs in the sketch comparison (default 4000)
  --no-eval       skip the JSON result and its scoring (for very large batches)
  --profile DIR   run the scan under node --cpu-prof, profiles written to DIR
  --no-duckdb     skip the second scan of each batch with --engine duckdb (its time, memory,
                  and whether its JSON is the default engine's byte for byte)
  --clean         delete each batch after measuring it
`;

const root = fileURLToPath(new URL('../..', import.meta.url));
const mainJs = join(root, 'dist/cli/main.js');

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
    for (let x = 0; x < list.length && pairs.length < MAX_PAIRS; x++)
      for (let y = x + 1; y < list.length && pairs.length < MAX_PAIRS; y++) pairs.push([list[x], list[y]]);
  // Deterministic "random" pairs: a fixed stride through the sample.
  for (let i = 0; i < MAX_PAIRS; i++) {
    const a = (i * 7919) % texts.length;
    const b = (i * 104729 + 13) % texts.length;
    if (a !== b) pairs.push([a, b]);
  }
  return { texts, pairs };
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

interface BenchRun {
  docs: number;
  kind: BatchKind;
}

interface Options {
  seed: number;
  timeout: number;
  sample: number;
  base: string;
  evaluate: boolean;
  profile: string | null;
  clean: boolean;
  duckdb: boolean;
}

/**
 * The floor runs after the scan, so both find the files in the page cache; best of three, as it
 * is the least time the pass needs here (the scan, run once, gets no such help).
 */
async function bestFloor(dir: string) {
  const files = await listInputFiles([dir]);
  let floor = floorPass(files);
  for (let r = 1; r < 3; r++) {
    const again = floorPass(files);
    if (again.ms < floor.ms) floor = again;
  }
  return floor;
}

/** Reads and scores the scan's JSON; a result too large for one string is said, not thrown. */
function score(json: string, batch: Batch): Evaluation | string {
  process.stderr.write(`bench: scoring against the truth…\n`);
  const size = statSync(json).size;
  let result: ScanResult;
  try {
    result = JSON.parse(readFileSync(json, 'utf8')) as ScanResult;
  } catch (error) {
    return `the ${fmt(size / 1e6, 0)} MB result could not be read: ${(error as Error).message}`;
  }
  process.stderr.write(`bench: result ${fmt(size / 1e6, 0)} MB of JSON\n`);
  return evaluate(result, batch.truth);
}

async function measure(run: BenchRun, o: Options): Promise<Measured> {
  const name = `${run.kind === 'normal' ? 'docs' : 'dense'}-${run.docs}-seed-${o.seed}`;
  const t0 = performance.now();
  const batch = generateBatch({
    docs: run.docs,
    seed: o.seed,
    seedDir: join(root, 'corpus'),
    outDir: join(o.base, name),
    stockDense: run.kind === 'stock-dense',
  });
  process.stderr.write(
    `bench: ${run.kind} batch of ${run.docs} reports ready in ${fmt((performance.now() - t0) / 1000, 1)} s at ${batch.dir}\n`,
  );
  const json = o.evaluate ? join(o.base, `result-${name}.json`) : null;
  process.stderr.write(`bench: scanning…\n`);
  const scan = await runScan(mainJs, batch.dir, json, o.timeout, o.profile);
  const floor = await bestFloor(batch.dir);
  const scored = json && scan.ok ? score(json, batch) : json ? 'the scan failed' : '--no-eval';
  const duckdb = o.duckdb ? await againWithDuckDB(batch.dir, json, o) : undefined;
  const s = sketchSample(batch, o.sample);
  const base = compareWithNpm(sampleFromTexts(s.texts, s.pairs), defaultSettings.numHashes);
  if (o.clean) {
    rmSync(batch.dir, { recursive: true, force: true });
    if (json) rmSync(json, { force: true });
  }
  const ev = typeof scored === 'string' ? null : scored;
  return {
    docs: run.docs,
    kind: run.kind,
    truth: batch.truth,
    scan,
    floor,
    ev,
    noEval: typeof scored === 'string' ? scored : '',
    base,
    duckdb,
  };
}

/** The same scan with --engine duckdb, its JSON compared with the default engine's. */
async function againWithDuckDB(dir: string, json: string | null, o: Options): Promise<Measured['duckdb']> {
  process.stderr.write(`bench: scanning again with --engine duckdb…\n`);
  const other = json && `${json}.duckdb`;
  const scan = await runScan(mainJs, dir, other, o.timeout, null, ['--engine', 'duckdb']);
  const sameJson = json && other && scan.ok && existsSync(json) ? sameBytes(json, other) : null;
  if (other) rmSync(other, { force: true });
  return { scan, sameJson };
}

/** Whether two files hold the same bytes, compared a slice at a time (results run to gigabytes). */
function sameBytes(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  const fa = openSync(a, 'r');
  const fb = openSync(b, 'r');
  try {
    const x = Buffer.alloc(1 << 24);
    const y = Buffer.alloc(1 << 24);
    for (;;) {
      const n = readSync(fa, x);
      const m = readSync(fb, y);
      if (n !== m || !x.subarray(0, n).equals(y.subarray(0, m))) return false;
      if (n === 0) return true;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

/** Which batches to measure: the default set, or the sizes given in the kinds given. */
function runsOf(docs: string[] | undefined, normal: boolean, dense: boolean): BenchRun[] | string {
  if (!docs && !normal && !dense) {
    return [
      { docs: 1000, kind: 'normal' },
      { docs: 10000, kind: 'normal' },
      { docs: 10000, kind: 'stock-dense' },
    ];
  }
  const sizes = (docs ?? ['1000,10000']).flatMap((s) => s.split(',')).map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) return '--docs takes whole numbers ≥ 2';
  const kinds: BatchKind[] = dense ? (normal ? ['normal', 'stock-dense'] : ['stock-dense']) : ['normal'];
  return kinds.flatMap((kind) => sizes.map((n) => ({ docs: n, kind })));
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        docs: { type: 'string', multiple: true },
        normal: { type: 'boolean' },
        'stock-dense': { type: 'boolean' },
        seed: { type: 'string' },
        dir: { type: 'string' },
        timeout: { type: 'string' },
        sample: { type: 'string' },
        'no-eval': { type: 'boolean' },
        profile: { type: 'string' },
        clean: { type: 'boolean' },
        'no-duckdb': { type: 'boolean' },
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
  const runs = runsOf(v.docs, v.normal ?? false, v['stock-dense'] ?? false);
  const seed = Number(v.seed ?? 1);
  const timeout = Number(v.timeout ?? 900);
  const sample = Number(v.sample ?? 4000);
  if (typeof runs === 'string' || !Number.isInteger(seed) || !(timeout > 0) || !(sample >= 10)) {
    process.stderr.write(
      `bench: --docs takes whole numbers ≥ 2, --seed a whole number, --timeout and --sample positive numbers\n`,
    );
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
  const options: Options = {
    seed,
    timeout,
    sample,
    base,
    evaluate: !v['no-eval'],
    profile: v.profile ?? null,
    clean: v.clean ?? false,
    duckdb: !v['no-duckdb'],
  };
  const measured: Measured[] = [];
  for (const run of runs) {
    const m = await measure(run, options);
    measured.push(m);
    process.stdout.write(runTable(m) + '\n');
  }
  if (measured.length > 1) process.stdout.write(summaryTable(measured));
  return 0;
}

process.exitCode = await main();
