import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prng } from '../src/util/hash.js';
import { madeUpParagraph } from './paragraphs.js';
import { drawApp, ms, option, summary } from './review-harness.js';
import { loadVocabulary } from './vocab.js';

/**
 * How fast the review's report view (`r`) answers keys on a long report. Writes a batch of one
 * report of N made-up paragraphs and two reports that each copy every 40th of them, scans it into
 * a workspace with the built binary (once; both are reused), opens the review in this process on
 * a fake terminal, shows the long report and times the keys that move through its passages.
 *
 *   node dist/bench/review-report.js [--paragraphs 10000] [--dir DIR] [--width 120] [--height 40]
 */

const ROOT = join(import.meta.dirname, '..', '..');
const EVERY = 40;

function writeBatch(dir: string, paragraphs: number): void {
  mkdirSync(dir, { recursive: true });
  const vocab = loadVocabulary(join(ROOT, 'corpus'));
  const next = prng(paragraphs);
  const rng = () => next() / 0x100000000;
  const long = Array.from({ length: paragraphs }, () => madeUpParagraph(rng, vocab, false));
  writeFileSync(join(dir, 'long.txt'), long.join('\n') + '\n');
  for (const copy of [0, 1]) {
    const picked = long.filter((_, i) => i % EVERY === copy * (EVERY / 2));
    writeFileSync(join(dir, `copy-${copy + 1}.txt`), picked.join('\n') + '\n');
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const paragraphs = Number(option(args, '--paragraphs', '10000'));
  const dir = option(args, '--dir', join(tmpdir(), `refrain-review-report-${paragraphs}`));
  const width = Number(option(args, '--width', '120'));
  const height = Number(option(args, '--height', '40'));
  const batch = join(dir, 'batch');
  const path = join(dir, 'refrain.db');
  if (!existsSync(path)) {
    writeBatch(batch, paragraphs);
    const scan = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli', 'main.js'), 'scan', batch, '--workspace', path, '-q'],
      { stdio: 'inherit' },
    );
    if (scan.status !== 0) return 1;
  }

  const { reviewInput, REVIEW_CHECKED_TABLES } = await import('../cli/commands/review.js');
  const { openWorkspace } = await import('../src/workspace/index.js');
  const workspace = openWorkspace(path, { checkTables: REVIEW_CHECKED_TABLES, readonly: true });
  const input = reviewInput(workspace);
  if (input === null) {
    process.stderr.write(`${path} holds no scan\n`);
    return 2;
  }
  const { documents, clusters } = input.result;
  const longDoc = documents.findIndex((d) => d.path.endsWith('long.txt'));
  // The list shows findings by id; `r` on a finding shows the report of its first member.
  const first = clusters.findIndex((c) => c.members[0].doc === longDoc);
  if (first < 0) {
    process.stderr.write('no finding starts in the long report\n');
    return 1;
  }
  const app = await drawApp(input, width, height, path);
  console.log(
    `workspace ${path}: the long report has ${paragraphs.toLocaleString('en')} paragraphs; ${clusters.length} findings`,
  );
  console.log(`first frame drawn                   ${ms(app.firstFrame)}`);
  await app.press('j', first);
  console.log(summary('key: report view (r)', await app.press('r')));
  console.log(summary('key: next passage (j)', await app.press('j', 20)));
  console.log(summary('key: previous passage (k)', await app.press('k', 10)));
  console.log(summary('key: passages a page on (PgDn)', await app.press('\x1b[6~', 5)));
  console.log(summary('key: last passage (G)', await app.press('G')));
  console.log(summary('key: first passage (g)', await app.press('g')));
  console.log(summary('key: back to the list (Esc)', await app.press('\x1b')));
  app.unmount();
  workspace.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
