import { Worker, type Transferable } from 'node:worker_threads';

interface Pending {
  message: unknown;
  transfer: Transferable[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** What a pool worker sends back for each message. */
export interface PoolReply {
  id: number;
  result?: unknown;
  error?: string;
}

/**
 * A fixed set of worker threads running one script, each given `workerData` once, then messages
 * one at a time: `run` hands a message to the next idle worker and resolves with its reply. A
 * worker that fails or exits fails everything still waiting, so no caller waits forever.
 */
export class WorkerPool {
  private idle: Worker[] = [];
  private queue: Pending[] = [];
  private busy = new Map<Worker, Pending>();
  private failure: Error | undefined;
  private workers: Worker[] = [];
  private nextId = 0;

  constructor(url: URL, workerData: unknown, size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(url, { workerData });
      w.on('message', (reply: PoolReply) => {
        const job = this.busy.get(w);
        this.busy.delete(w);
        if (job) {
          if (reply.error !== undefined) job.reject(new Error(`comparison worker failed: ${reply.error}`));
          else job.resolve(reply.result);
        }
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (error) => this.fail(error));
      w.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`comparison worker stopped (exit ${code})`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  private closed = false;

  run<T>(message: unknown, transfer: Transferable[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ message, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(w, job);
      w.postMessage({ id: this.nextId++, message: job.message }, job.transfer);
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const job of [...this.busy.values(), ...this.queue]) job.reject(error);
    this.busy.clear();
    this.queue = [];
    void this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
