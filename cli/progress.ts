import stringWidth from 'string-width';
import { showControls } from '../src/util/controls.js';

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
const TICK_MS = 1000;

function seconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.round(s - m * 60)).padStart(2, '0')} s`;
}

const count = (n: number) => n.toLocaleString('en');

/**
 * Cuts text to `width` display columns (a CJK character is two), marking the cut with '…'.
 * Control characters are shown as symbols: only the line's own \r and erase sequence act.
 */
export function fitWidth(raw: string, width: number): string {
  const text = showControls(raw);
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * One status line: files read, paragraphs sketched, time so far and, while reading, an estimate of
 * the reading time left (from the pace so far; the comparison that follows is not included).
 */
export function formatProgress(event: ProgressEvent, elapsedMs: number): string {
  const parts = [`read ${count(event.filesDone)}/${count(event.filesTotal)} files`, `${count(event.paragraphs)} paragraphs sketched`, seconds(elapsedMs)];
  if (event.phase === 'read' && event.filesDone > 0 && event.filesDone < event.filesTotal) {
    const left = (elapsedMs * (event.filesTotal - event.filesDone)) / event.filesDone;
    parts.push(`about ${seconds(left)} left to read`);
  } else if (event.phase === 'compare') {
    parts.push(event.stage ? `${event.stage}…` : 'comparing…');
  }
  return `refrain: ${parts.join(' · ')}`;
}

/**
 * A progress line on `stream`, redrawn in place, when the stream is a terminal; silent otherwise
 * (pipes, files and CI logs get nothing). Paragraph counts only grow, so a 'compare' or 'done' event
 * without them keeps the last count shown.
 */
export function createProgress(stream: ProgressStream = process.stderr, now: () => number = () => performance.now()): Progress {
  if (!stream.isTTY) return { update() {}, end() {} };
  const started = now();
  let last = -Infinity;
  let lastPhase = '';
  let lastStage: string | undefined;
  let shown: ProgressEvent | undefined;
  let paragraphs = 0;
  let drawn = false;
  // While comparing, stages can run for minutes without an event: the clock keeps moving.
  let ticker: ReturnType<typeof setInterval> | undefined;
  const stopTicker = () => {
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
  };
  const draw = (event: ProgressEvent) => {
    const t = now();
    last = t;
    lastPhase = event.phase;
    lastStage = event.stage;
    shown = event;
    // A terminal that reports no size (0 columns, as under `script`) is taken to be 80 wide.
    const columns = stream.columns && stream.columns > 0 ? stream.columns : 80;
    const width = Math.max(20, columns - 1);
    stream.write(`\r${fitWidth(formatProgress({ ...event, paragraphs }, t - started), width)}${CLEAR_LINE}`);
    drawn = true;
  };
  return {
    update(event) {
      paragraphs = Math.max(paragraphs, event.paragraphs);
      if (event.phase === 'done') {
        stopTicker();
        return;
      }
      const finished = event.phase === 'read' && event.filesDone === event.filesTotal;
      const changed = event.phase !== lastPhase || event.stage !== lastStage;
      if (event.phase === 'compare' && ticker === undefined) {
        ticker = setInterval(() => shown && draw(shown), TICK_MS);
        ticker.unref?.();
      }
      if (now() - last < INTERVAL_MS && !changed && !finished) return;
      draw(event);
    },
    end() {
      stopTicker();
      if (drawn) stream.write(`\r${CLEAR_LINE}`);
      drawn = false;
    },
  };
}
