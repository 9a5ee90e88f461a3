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
 * for a few documents, or when run from TypeScript sources (no compiled worker): compare then
 * makes them itself, with the same result.
 */
export async function addStreams(analyses: Analysis[], options: AddStreamsOptions = {}): Promise<void> {
  const todo = analyses.filter((a) => a.streams === undefined);
  const chunk = options.chunk ?? DEFAULT_CHUNK;
  const workers = Math.min(options.workers ?? availableParallelism(), Math.ceil(todo.length / chunk));
  if (workers <= 0 || todo.length < MIN_DOCS_FOR_WORKERS || !existsSync(fileURLToPath(workerUrl))) return;
  await inWorkers(todo, workers, chunk);
}

function inWorkers(todo: Analysis[], count: number, chunk: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    let running = 0;
    let failed = false;
    const pool: Worker[] = [];
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.terminate();
      reject(error);
    };
    const feed = (worker: Worker, sent: Analysis[]) => {
      if (next >= todo.length) {
        void worker.terminate();
        return;
      }
      const batch = todo.slice(next, next + chunk);
      next += batch.length;
      sent.push(...batch);
      const request: StreamsRequest = { docs: batch.map((a) => a.paragraphs.map((p) => p.text)) };
      worker.postMessage(request);
    };
    for (let w = 0; w < count; w++) {
      const worker = new Worker(workerUrl);
      // The analyses this worker is working on, oldest message first (a worker answers in order).
      const sent: Analysis[] = [];
      pool.push(worker);
      running++;
      worker.on('message', (reply: StreamsReply) => {
        if (failed) return;
        if (reply.error) return fail(new Error(`streams worker failed: ${reply.error}`));
        for (const streams of reply.streams) sent.shift()!.streams = streams;
        done += reply.streams.length;
        feed(worker, sent);
      });
      worker.on('error', fail);
      worker.on('exit', () => {
        running--;
        if (running === 0 && !failed) {
          if (done === todo.length) resolve();
          else reject(new Error(`streams workers stopped with ${todo.length - done} documents left`));
        }
      });
      feed(worker, sent);
    }
  });
}
