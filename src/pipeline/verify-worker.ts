import { parentPort } from 'node:worker_threads';
import type { TokenStreams } from '../types.js';
import type { RelateOptions } from '../verify/relate.js';
import { tokensAt } from './streams.js';
import { verifyRange, type PairFinding } from './verify-pairs.js';

/** Worker side of verifyPairs: the token arena arrives once (shared memory), then slices of pairs. */
export interface VerifyInit {
  kind: 'init';
  /** Every paragraph's tokens (joinStreams), in shared memory. */
  arena: TokenStreams;
  options: RelateOptions;
}

export interface VerifyJob {
  kind: 'job';
  job: number;
  pairs: Float64Array;
  /** Position of pairs[0] in the whole list. */
  first: number;
}

export interface VerifyReply {
  job: number;
  found: PairFinding[];
  error?: string;
}

let init: VerifyInit | undefined;

parentPort?.on('message', (message: VerifyInit | VerifyJob) => {
  if (message.kind === 'init') {
    init = message;
    return;
  }
  const reply: VerifyReply = { job: message.job, found: [] };
  try {
    const { arena, options } = init!;
    const count = arena.tokenStart.length - 1;
    const found = verifyRange(message.pairs, 0, message.pairs.length, count, (gp) => tokensAt(arena, gp), options);
    for (const f of found) f.at += message.first;
    reply.found = found;
  } catch (error) {
    reply.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  parentPort!.postMessage(reply);
});
