import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { truncate } from './text/width.js';

/** What the scan reports as it goes; the shape of `ScanProgress` in src/pipeline/scan.ts. */
export interface ProgressEvent {
  phase: 'read' | 'compare' | 'done';
  filesDone: number;
  filesTotal: number;
  paragraphs: number;
  /** While comparing: what the comparison is doing now. */
  stage?: string;
}

/** The part of a stream the display needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  /** The stream's file descriptor (process.stderr has 2): when known, a thread of its own draws the line. */
  fd?: number;
  write(chunk: string): unknown;
}

export interface Progress {
  update(event: ProgressEvent): void;
  /** Clears the line; call before printing anything else. */
  end(): void;
}

const CLEAR_LINE = '\x1b[K';
/** Redraw at most this often: drawing every file of 100,000 would cost more than reading it. */
const INTERVAL_MS = 100;
/** How often the line is redrawn with nothing new to say but the time. */
export const TICK_MS = 1000;

function seconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.round(s - m * 60)).padStart(2, '0')} s`;
}

const count = (n: number) => n.toLocaleString('en');

/**
 * One status line. While reading: files read, paragraphs sketched, time so far and an estimate of
 * the reading time left (from the pace so far; the comparison that follows is not included).
 * While comparing: the time and the comparison's stage first, so a narrow terminal cuts the
 * counts that no longer change, not the ones that do.
 */
export function formatProgress(event: ProgressEvent, elapsedMs: number): string {
  const files = `${count(event.filesDone)}/${count(event.filesTotal)} files`;
  if (event.phase === 'compare') {
    return `refrain: ${seconds(elapsedMs)} · ${event.stage ?? 'comparing'}… · read ${files}, ${count(event.paragraphs)} paragraphs sketched`;
  }
  const parts = [`read ${files}`, `${count(event.paragraphs)} paragraphs sketched`, seconds(elapsedMs)];
  if (event.phase === 'read' && event.filesDone > 0 && event.filesDone < event.filesTotal) {
    const left = (elapsedMs * (event.filesTotal - event.filesDone)) / event.filesDone;
    parts.push(`about ${seconds(left)} left to read`);
  }
  return `refrain: ${parts.join(' · ')}`;
}

/** The line as written to the terminal: carriage return, the text fitted to `columns`, rest of the line cleared. */
export function progressLine(event: ProgressEvent, elapsedMs: number, columns: number | undefined): string {
  // A terminal that reports no size (0 columns, as under `script`) is taken to be 80 wide; one
  // column is left free so the cursor never wraps.
  const width = Math.max(20, (columns && columns > 0 ? columns : 80) - 1);
  return `\r${truncate(formatProgress(event, elapsedMs), width)}${CLEAR_LINE}`;
}

/** Draws what the progress line shows, and redraws it every TICK_MS with the time moved on. */
interface Painter {
  show(event: ProgressEvent, columns: number | undefined): void;
  /** No more redraws: the scan is done. */
  stop(): void;
  /** Stops for good and clears the line, if anything was drawn. */
  clear(): void;
}

/**
 * A progress line on `stream`, redrawn in place, when the stream is a terminal; silent otherwise
 * (pipes, files and CI logs get nothing). Paragraph counts only grow, so a 'compare' or 'done' event
 * without them keeps the last count shown. The line's clock moves every second even when no event
 * comes: on a stream with a file descriptor (stderr), a thread of its own draws the line, so it
 * moves even while this thread is busy for a long time at once (aligning a very long paragraph
 * pair takes tens of seconds); otherwise this thread's timers do.
 */
export function createProgress(
  stream: ProgressStream = process.stderr,
  now: () => number = () => performance.now(),
): Progress {
  if (!stream.isTTY) return { update() {}, end() {} };
  const painter =
    stream.fd !== undefined && clockThreadBuilt() ? clockThread(stream, stream.fd) : timerPainter(stream, now);
  let last = -Infinity;
  let lastPhase = '';
  let lastStage: string | undefined;
  let paragraphs = 0;
  return {
    update(event) {
      paragraphs = Math.max(paragraphs, event.paragraphs);
      if (event.phase === 'done') return painter.stop();
      const finished = event.phase === 'read' && event.filesDone === event.filesTotal;
      const changed = event.phase !== lastPhase || event.stage !== lastStage;
      const t = now();
      if (t - last < INTERVAL_MS && !changed && !finished) return;
      last = t;
      lastPhase = event.phase;
      lastStage = event.stage;
      painter.show({ ...event, paragraphs }, stream.columns);
    },
    end() {
      painter.clear();
    },
  };
}

/** Draws on this thread: the clock stands still while the thread is busy. */
function timerPainter(stream: ProgressStream, now: () => number): Painter {
  const started = now();
  let shown: { event: ProgressEvent; columns: number | undefined } | undefined;
  let drawn = false;
  const draw = () => {
    if (!shown) return;
    stream.write(progressLine(shown.event, now() - started, shown.columns));
    drawn = true;
  };
  let ticker: ReturnType<typeof setInterval> | undefined = setInterval(draw, TICK_MS);
  ticker.unref?.();
  const stop = () => {
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
  };
  return {
    show(event, columns) {
      shown = { event, columns };
      draw();
    },
    stop,
    clear() {
      stop();
      if (drawn) stream.write(`\r${CLEAR_LINE}`);
      drawn = false;
    },
  };
}

const clockUrl = new URL('./progress-clock.js', import.meta.url);

/** The clock thread's script exists once compiled (not when running from TypeScript sources, in tests). */
function clockThreadBuilt(): boolean {
  return existsSync(fileURLToPath(clockUrl));
}

/** Draws on a thread of its own, writing to the stream's file descriptor (see progress-clock.ts). */
function clockThread(stream: ProgressStream, fd: number): Painter {
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const data: ClockData = { fd, startedAt: performance.timeOrigin + performance.now(), state };
  const worker = new Worker(clockUrl, { workerData: data });
  // The thread never keeps the process alive, nor takes it down.
  worker.unref();
  worker.on('error', () => {});
  return {
    show: (event, columns) => worker.postMessage({ event, columns }),
    stop: () => worker.postMessage(null),
    clear() {
      // Take the line back for good: wait out a redraw under way, then mark the thread closed.
      while (Atomics.compareExchange(state, LINE, FREE, CLOSED) === DRAWING) Atomics.wait(state, LINE, DRAWING, 50);
      if (Atomics.load(state, DRAWN) === 1) stream.write(`\r${CLEAR_LINE}`);
      Atomics.store(state, DRAWN, 0);
      void worker.terminate();
    },
  };
}

/** What the clock thread is given: where to draw, when the scan started, and the shared line state. */
export interface ClockData {
  fd: number;
  /** performance.timeOrigin + performance.now() at the start, comparable across threads. */
  startedAt: number;
  /** [LINE]: FREE, DRAWING or CLOSED; [DRAWN]: 1 once anything is drawn. */
  state: Int32Array;
}

export const LINE = 0;
export const DRAWN = 1;
export const FREE = 0;
export const DRAWING = 1;
export const CLOSED = 2;
