import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TokenStreams } from '../types.js';
import type { RelateOptions } from '../verify/relate.js';
import { tokensAt } from './streams.js';
import { verifyRange, type PairFinding } from './verify-pairs.js';
import type { VerifyInit, VerifyJob, VerifyReply } from './verify-worker.js';

const workerUrl = new URL('./verify-worker.js', import.meta.url);

/** Below this many pairs starting workers costs more than it saves. */
const MIN_PAIRS_FOR_WORKERS = 20_000;
/** Pairs per message: small enough to balance the workers, large enough to amortise messaging. */
const JOB = 8_192;

export interface VerifyPoolOptions {
  /** Worker threads; default one per available core. 0 aligns on this thread. */
  workers?: number;
  /** Fewest pairs worth starting workers for (default MIN_PAIRS_FOR_WORKERS). */
  minPairs?: number;
}

/**
 * Aligns every pair (keys a * paragraphCount + b, sorted) and returns what they share, in pair
 * order whichever worker finished first. The pairs are independent, so they are spread over worker
 * threads that read the token arena in shared memory; small lists, and runs from the TypeScript
 * sources (tests, with no compiled worker script), stay on this thread.
 */
export async function verifyPairs(
  pairs: Float64Array,
  arena: TokenStreams,
  options: RelateOptions,
  pool: VerifyPoolOptions = {},
): Promise<PairFinding[]> {
  const count = arena.tokenStart.length - 1;
  const workers = Math.min(pool.workers ?? availableParallelism(), Math.ceil(pairs.length / JOB));
  if (workers < 1 || pairs.length < (pool.minPairs ?? MIN_PAIRS_FOR_WORKERS) || !existsSync(fileURLToPath(workerUrl))) {
    return verifyRange(pairs, 0, pairs.length, count, (gp) => tokensAt(arena, gp), options);
  }
  const jobs = Math.ceil(pairs.length / JOB);
  const results: PairFinding[][] = new Array(jobs);
  await new Promise<void>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let failed = false;
    const threads: Worker[] = [];
    const stop = () => threads.forEach((t) => void t.terminate());
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      stop();
      reject(error);
    };
    const feed = (t: Worker) => {
      if (next >= jobs) return;
      const first = next * JOB;
      const job: VerifyJob = { kind: 'job', job: next++, first, pairs: pairs.slice(first, Math.min(first + JOB, pairs.length)) };
      t.postMessage(job, [job.pairs.buffer as ArrayBuffer]);
    };
    for (let w = 0; w < workers; w++) {
      const t = new Worker(workerUrl);
      threads.push(t);
      const init: VerifyInit = { kind: 'init', arena, options };
      t.postMessage(init);
      t.on('message', (reply: VerifyReply) => {
        if (failed) return;
        if (reply.error) return fail(new Error(`verification worker failed: ${reply.error}`));
        results[reply.job] = reply.found;
        if (++done === jobs) {
          stop();
          resolve();
        } else feed(t);
      });
      t.on('error', fail);
      t.on('exit', (code) => {
        if (!failed && done < jobs) fail(new Error(`verification worker stopped (exit ${code}) with ${jobs - done} jobs left`));
      });
      feed(t);
      feed(t);
    }
  });
  return results.flat();
}
