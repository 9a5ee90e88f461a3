import { availableParallelism } from 'node:os';
import type { Analysis } from '../../types.js';
import { MIN_ITEMS_FOR_WORKERS, workerScript } from '../../util/workers.js';
import { WorkerPool } from '../../util/worker-pool.js';
import type { StreamsReply, StreamsRequest } from './tokens-worker.js';

export interface AddStreamsOptions {
  /** Worker threads; default one per available core. */
  workers?: number;
  /** Documents per message. */
  chunk?: number;
}

const DEFAULT_CHUNK = 64;

/** The compiled token worker; undefined when there is none to start (compare then makes the tokens). */
export const TOKENS_WORKER = workerScript('tokens-worker', import.meta.url);
const workerUrl = TOKENS_WORKER;

/**
 * Gives each analysis that has no token streams (one loaded from the workspace) its streams,
 * made on worker threads. Without them compare normalizes every such paragraph again on the main
 * thread: most of a rescan's own work (3–4 s for 10,000 reports). The streams are what the
 * reading threads would have made from the same paragraphs, and are never stored. Does nothing
 * for fewer than a few dozen documents, or when there is no compiled worker script: compare then
 * makes them itself, with the same result.
 */
export async function addStreams(analyses: Analysis[], options: AddStreamsOptions = {}): Promise<void> {
  const pool = new StreamsPool(options);
  pool.add(analyses);
  await pool.done();
}

/**
 * addStreams for analyses that arrive a slice at a time (as the workspace loads them): each slice
 * is handed to the pool at once, so the workers normalize while this thread goes on loading.
 */
export class StreamsPool {
  private pool: WorkerPool | undefined;
  private waiting: Analysis[] = [];
  private readonly jobs: Array<Promise<void>> = [];
  private readonly chunk: number;
  private readonly count: number;

  constructor(options: AddStreamsOptions = {}) {
    this.chunk = options.chunk ?? DEFAULT_CHUNK;
    this.count = options.workers ?? availableParallelism();
  }

  add(analyses: Analysis[]): void {
    if (!workerUrl || this.count <= 0) return;
    for (const a of analyses) if (a.streams === undefined) this.waiting.push(a);
    if (!this.pool && this.waiting.length < MIN_ITEMS_FOR_WORKERS) return;
    this.pool ??= new WorkerPool(workerUrl, undefined, this.count);
    for (let i = 0; i < this.waiting.length; i += this.chunk) {
      const batch = this.waiting.slice(i, i + this.chunk);
      const request: StreamsRequest = batch.map((a) => a.paragraphs.map((p) => p.text));
      const job = this.pool
        .run<StreamsReply>(request)
        .then((streams) => batch.forEach((a, k) => (a.streams = streams[k])));
      job.catch(() => {}); // reported by done(), which waits for every job
      this.jobs.push(job);
    }
    this.waiting = [];
  }

  /**
   * Resolves once every analysis handed to the pool has its streams (fewer than a few dozen are
   * left without), and lets the workers go.
   */
  async done(): Promise<void> {
    this.waiting = [];
    try {
      await Promise.all(this.jobs);
    } finally {
      this.close();
    }
  }

  /** Stops the workers, whatever they are doing (after done(), or when giving up). */
  close(): void {
    void this.pool?.close();
    this.pool = undefined;
  }
}
