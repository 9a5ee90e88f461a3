import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../types.js';
import type { StreamsReply, StreamsRequest } from './streams-worker.js';

export interface AddStreamsOptions {
  /** Worker threads; default one per available core. */
  workers?: number;
  /** Documents per message. */
  chunk?: number;
}

/** Below this many documents the worker start-up costs more than normalizing here saves. */
const MIN_DOCS_FOR_WORKERS = 32;
const DEFAULT_CHUNK = 64;

const workerUrl = new URL('./streams-worker.js', import.meta.url);

/**
 * Gives each analysis that has no token streams (one loaded from the workspace) its streams,
 * made on worker threads. Without them compare normalizes every such paragraph again on the main
 * thread: most of a rescan's own work (3–4 s for 10,000 reports). The streams are what the
 * reading threads would have made from the same paragraphs, and are never stored. Does nothing
 * for fewer than a few dozen documents, or when run from TypeScript sources (no compiled worker):
 * compare then makes them itself, with the same result.
 */
export async function addStreams(analyses: Analysis[], options: AddStreamsOptions = {}): Promise<void> {
  const pool = new StreamsPool(options);
  pool.add(analyses);
  await pool.done();
}

/**
 * addStreams for analyses that arrive a slice at a time (as the workspace loads them): each slice
 * is posted at once, so the workers normalize while this thread goes on loading.
 */
export class StreamsPool {
  private readonly workers: Worker[] = [];
  /** Per worker, the analyses sent and not answered yet, oldest first (a worker answers in order). */
  private readonly sent: Analysis[][] = [];
  private waiting: Analysis[] = [];
  private error: Error | undefined;
  private readonly settled: Promise<void>[] = [];
  private readonly chunk: number;
  private readonly count: number;
  private readonly usable = existsSync(fileURLToPath(workerUrl));

  constructor(options: AddStreamsOptions = {}) {
    this.chunk = options.chunk ?? DEFAULT_CHUNK;
    this.count = options.workers ?? availableParallelism();
  }

  add(analyses: Analysis[]): void {
    if (!this.usable || this.count <= 0) return;
    for (const a of analyses) if (a.streams === undefined) this.waiting.push(a);
    if (this.workers.length === 0 && this.waiting.length < MIN_DOCS_FOR_WORKERS) return;
    if (this.workers.length === 0) this.start();
    for (let i = 0; i < this.waiting.length; i += this.chunk) this.post(this.waiting.slice(i, i + this.chunk));
    this.waiting = [];
  }

  /** Resolves once every posted analysis has its streams; analyses never posted are left without. */
  async done(): Promise<void> {
    this.waiting = [];
    for (const w of this.workers) w.postMessage(null);
    await Promise.all(this.settled);
    if (this.error) throw this.error;
  }

  /** Stops the workers, whatever they are doing (after done(), or when giving up). */
  close(): void {
    for (const w of this.workers) void w.terminate();
  }

  private start(): void {
    for (let w = 0; w < this.count; w++) {
      const worker = new Worker(workerUrl);
      const sent: Analysis[] = [];
      this.workers.push(worker);
      this.sent.push(sent);
      worker.on('message', (reply: StreamsReply) => {
        if (reply.error) return this.fail(new Error(`streams worker failed: ${reply.error}`));
        for (const streams of reply.streams) sent.shift()!.streams = streams;
      });
      this.settled.push(
        new Promise((resolve) => {
          worker.on('error', (error) => this.fail(error));
          worker.on('exit', () => {
            if (sent.length > 0) this.fail(new Error(`streams worker stopped with ${sent.length} documents left`));
            resolve();
          });
        }),
      );
    }
  }

  /** To the worker with the fewest documents outstanding. */
  private post(batch: Analysis[]): void {
    let best = 0;
    for (let w = 1; w < this.workers.length; w++) if (this.sent[w].length < this.sent[best].length) best = w;
    this.sent[best].push(...batch);
    const request: StreamsRequest = { docs: batch.map((a) => a.paragraphs.map((p) => p.text)) };
    this.workers[best].postMessage(request);
  }

  private fail(error: Error): void {
    if (this.error) return;
    this.error = error;
    for (const w of this.workers) void w.terminate();
  }
}
