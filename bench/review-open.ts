import { drawApp, ms, option, summary } from './review-harness.js';

/**
 * How fast `refrain review` opens a workspace and answers a key press, measured in this process
 * the way the review does it: the same modules, open options, load and Ink app, drawn to a fake
 * terminal. A key press is timed from the byte reaching stdin to Ink writing the new frame.
 *
 *   node dist/bench/review-open.js WORKSPACE [--width 120] [--height 40] [--search TEXT]
 *
 * Times from process start use performance.now() (zero at start); the real binary also loads
 * the scan engine first (cli/commands/index.ts), which this does not.
 */

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const path = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!path) {
    process.stderr.write(
      'usage: node dist/bench/review-open.js WORKSPACE [--width 120] [--height 40] [--search TEXT]\n',
    );
    return 2;
  }
  const width = Number(option(args, '--width', '120'));
  const height = Number(option(args, '--height', '40'));
  const search = option(args, '--search', '依法');

  const t0 = performance.now();
  const { reviewInput, REVIEW_CHECKED_TABLES } = await import('../cli/commands/review.js');
  const { openWorkspace } = await import('../src/workspace/index.js');
  await Promise.all([import('react'), import('ink'), import('../cli/review/app.js')]);
  const t1 = performance.now();
  const workspace = openWorkspace(path, { checkTables: REVIEW_CHECKED_TABLES, readonly: true });
  const t2 = performance.now();
  const input = reviewInput(workspace);
  const t3 = performance.now();
  if (input === null) {
    process.stderr.write(`${path} holds no scan\n`);
    return 2;
  }
  const app = await drawApp(input, width, height, path);

  const clusters = input.result.clusters;
  const members = clusters.reduce((n, c) => n + c.members.length, 0);
  console.log(
    `workspace ${path}: ${input.result.documents.length} reports, ${clusters.length} findings, ${members} members`,
  );
  console.log(`import review modules (ink, react)  ${ms(t1 - t0)}`);
  console.log(`open workspace                      ${ms(t2 - t1)}`);
  console.log(`load (reviewInput)                  ${ms(t3 - t2)}`);
  console.log(`first frame drawn                   ${ms(app.firstFrame)}`);
  console.log(`process start to first frame        ${ms(app.firstFrameAt)}`);

  const press = (key: string, times?: number) => app.press(key, times);
  console.log(summary('key: down in the list', await press('j', 30)));
  console.log(summary('key: start of the list', await press('g')));
  // The last finding: boilerplate in many reports, so members to step through and passages to visit.
  console.log(summary('key: end of the list', await press('G')));
  console.log(summary('key: open a finding (diff)', await press('\r')));
  console.log(summary('key: next member on the right', await press('\x1b[C', 10)));
  console.log(summary('key: report view', await press('r')));
  await press('g');
  console.log(summary('key: next passage in the report', await press('j', 10)));
  await press('\x1b'); // back to the list
  await press('/');
  for (const ch of search) await press(ch);
  // The first search reads every member's paragraph from the workspace, in one pass.
  console.log(summary(`key: submit a search for '${search}'`, await press('\r')));
  // The cursor stayed at the end of the list; from the top, each press moves it.
  await press('g');
  console.log(summary('key: down in the found list', await press('j', 10)));
  await press('/');
  await press('\x7f');
  console.log(summary(`key: search again, '${search.slice(0, -1)}'`, await press('\r')));
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
