import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { DRAWING, DRAWN, FREE, LINE, progressLine, TICK_MS, type ClockData, type ProgressEvent } from './progress.js';

/**
 * The progress line's own thread. The scan's thread posts what to show; this one draws it at once
 * and again every second with the time moved on, writing straight to the terminal's file
 * descriptor, so the line keeps moving while the scan's thread is busy. Before each write it takes
 * the shared line state from FREE to DRAWING; once the scan's thread has set it to CLOSED (to clear
 * the line and print its results), nothing more is written.
 */
const { fd, startedAt, state } = workerData as ClockData;
let shown: { event: ProgressEvent; columns: number | undefined } | null = null;

function draw(): void {
  if (!shown) return;
  if (Atomics.compareExchange(state, LINE, FREE, DRAWING) !== FREE) return stop();
  try {
    writeSync(fd, progressLine(shown.event, performance.timeOrigin + performance.now() - startedAt, shown.columns));
    Atomics.store(state, DRAWN, 1);
  } catch {
    // The terminal is gone or would block: the next tick tries again.
  } finally {
    Atomics.store(state, LINE, FREE);
    Atomics.notify(state, LINE);
  }
}

const ticker = setInterval(draw, TICK_MS);
const stop = () => clearInterval(ticker);

parentPort?.on('message', (message: { event: ProgressEvent; columns: number | undefined } | null) => {
  if (message === null) return stop();
  shown = message;
  draw();
});
