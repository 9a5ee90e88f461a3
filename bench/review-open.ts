import { EventEmitter } from 'node:events';

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

/** Stdin as Ink reads it: 'readable' events and read(). */
class FakeStdin extends EventEmitter {
  isTTY = true;
  private pending: string | null = null;
  write(data: string): void {
    this.pending = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read(): string | null {
    const data = this.pending;
    this.pending = null;
    return data;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** Stdout as Ink writes it; `next()` resolves at the next write. */
class FakeStdout extends EventEmitter {
  isTTY = false;
  private waiting: ((at: number) => void)[] = [];
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write(_chunk: string): boolean {
    const at = performance.now();
    for (const resolve of this.waiting.splice(0)) resolve(at);
    return true;
  }
  next(timeoutMs = 5000): Promise<number | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      this.waiting.push((at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const pause = (t: number) => new Promise((resolve) => setTimeout(resolve, t));

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const path = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!path) {
    process.stderr.write('usage: node dist/bench/review-open.js WORKSPACE [--width 120] [--height 40] [--search TEXT]\n');
    return 2;
  }
  const width = Number(option(args, '--width', '120'));
  const height = Number(option(args, '--height', '40'));
  const search = option(args, '--search', '依法');
  // Ink draws only the last frame when it thinks it runs under CI.
  delete process.env.CI;

  const t0 = performance.now();
  const { reviewInput, REVIEW_CHECKED_TABLES } = await import('../cli/commands/review.js');
  const { createElement } = await import('react');
  const { render } = await import('ink');
  const { App } = await import('../cli/review/app.js');
  const { openWorkspace } = await import('../src/workspace/index.js');
  const t1 = performance.now();
  const workspace = openWorkspace(path, { checkTables: REVIEW_CHECKED_TABLES, readonly: true });
  const t2 = performance.now();
  const input = reviewInput(workspace);
  const t3 = performance.now();
  if (input === null) {
    process.stderr.write(`${path} holds no scan\n`);
    return 2;
  }
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(width, height);
  const firstFrame = stdout.next();
  const store = { decide: () => undefined, clearDecision: () => undefined };
  const element = createElement(App, { input, store, width, height, color: true, source: path });
  const instance = render(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const t4 = (await firstFrame) ?? Number.NaN;

  const clusters = input.result.clusters;
  const members = clusters.reduce((n, c) => n + c.members.length, 0);
  console.log(`workspace ${path}: ${input.result.documents.length} reports, ${clusters.length} findings, ${members} members`);
  console.log(`import review modules (ink, react)  ${ms(t1 - t0)}`);
  console.log(`open workspace                      ${ms(t2 - t1)}`);
  console.log(`load (reviewInput)                  ${ms(t3 - t2)}`);
  console.log(`first frame drawn                   ${ms(t4 - t3)}`);
  console.log(`process start to first frame        ${ms(t4)}`);

  /** Presses `key` `times` times; the time from each press to its frame. */
  const press = async (key: string, times = 1): Promise<number[]> => {
    const timeoutMs = 3000;
    const out: number[] = [];
    for (let i = 0; i < times; i++) {
      // Past Ink's frame throttle (30 a second), so each press is drawn at once.
      await pause(40);
      const frame = stdout.next(timeoutMs);
      const at = performance.now();
      stdin.write(key);
      const drawn = await frame;
      // Nothing to draw: the cursor is at the end already. The series stops there.
      if (drawn === null) break;
      out.push(drawn - at);
    }
    return out;
  };
  const summary = (name: string, times: number[]) => {
    if (times.length === 0) return console.log(`${name.padEnd(36)}(no change on screen)`);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const max = sorted[sorted.length - 1];
    console.log(`${name.padEnd(36)}${times.length > 1 ? `median ${ms(median)}, max ${ms(max)} (${times.length} presses)` : ms(max)}`);
  };
  summary('key: down in the list', await press('j', 30));
  summary('key: start of the list', await press('g'));
  // The last finding: boilerplate in many reports, so members to step through and passages to visit.
  summary('key: end of the list', await press('G'));
  summary('key: open a finding (diff)', await press('\r'));
  summary('key: next member on the right', await press('\x1b[C', 10));
  summary('key: report view', await press('r'));
  await press('g');
  summary('key: next passage in the report', await press('j', 10));
  await press('\x1b'); // back to the list
  await press('/');
  for (const ch of search) await press(ch);
  // The first search reads every member's paragraph from the workspace, in one pass.
  summary(`key: submit a search for '${search}'`, await press('\r'));
  // The cursor stayed at the end of the list; from the top, each press moves it.
  await press('g');
  summary('key: down in the found list', await press('j', 10));
  await press('/');
  await press('\x7f');
  summary(`key: search again, '${search.slice(0, -1)}'`, await press('\r'));
  instance.unmount();
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
