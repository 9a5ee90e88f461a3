import { EventEmitter } from 'node:events';
import type { ReviewInput } from '../cli/review/state.js';

/**
 * The review app drawn to a fake terminal in this process, with key presses timed from the byte
 * reaching stdin to Ink writing the new frame. Shared by the review benchmarks.
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

export function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
const pause = (t: number) => new Promise((resolve) => setTimeout(resolve, t));

export interface DrawnApp {
  /** Milliseconds from render to the first frame. */
  firstFrame: number;
  /** performance.now() when the first frame was written. */
  firstFrameAt: number;
  /** Presses `key` `times` times; the time from each press to its frame (the series stops when nothing changes on screen). */
  press(key: string, times?: number): Promise<number[]>;
  unmount(): void;
}

/** Renders the review app for `input` on a fake terminal of `width` × `height`. */
export async function drawApp(input: ReviewInput, width: number, height: number, source: string): Promise<DrawnApp> {
  // Ink draws only the last frame when it thinks it runs under CI.
  delete process.env.CI;
  const { createElement } = await import('react');
  const { render } = await import('ink');
  const { App } = await import('../cli/review/app.js');
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(width, height);
  const started = performance.now();
  const first = stdout.next();
  const store = { decide: () => undefined, clearDecision: () => undefined };
  const element = createElement(App, { input, store, width, height, color: true, source });
  const instance = render(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const firstFrameAt = (await first) ?? Number.NaN;
  return {
    firstFrame: firstFrameAt - started,
    firstFrameAt,
    async press(key, times = 1) {
      const out: number[] = [];
      for (let i = 0; i < times; i++) {
        // Past Ink's frame throttle (30 a second), so each press is drawn at once.
        await pause(40);
        const frame = stdout.next(3000);
        const at = performance.now();
        stdin.write(key);
        const drawn = await frame;
        if (drawn === null) break;
        out.push(drawn - at);
      }
      return out;
    },
    unmount: () => instance.unmount(),
  };
}

/** One line: the median and slowest of a series of key presses. */
export function summary(name: string, times: number[]): string {
  if (times.length === 0) return `${name.padEnd(36)}(no change on screen)`;
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const max = sorted[sorted.length - 1];
  return `${name.padEnd(36)}${times.length > 1 ? `median ${ms(median)}, max ${ms(max)} (${times.length} presses)` : ms(max)}`;
}
