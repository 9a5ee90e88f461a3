import { parentPort } from 'node:worker_threads';
import type { TokenStreams } from '../../types.js';
import { comparisonTokens } from '../analyze.js';
import type { PoolReply } from '../../util/worker-pool.js';
import { streamsOf } from '../token-streams.js';

/** Worker side of StreamsPool (a WorkerPool script): each document's paragraph texts, in order. */
export type StreamsRequest = string[][];
/** In shared memory (see StreamsBuilder.finish): posting them back copies nothing. */
export type StreamsReply = TokenStreams[];

parentPort?.on('message', ({ id, message }: { id: number; message: StreamsRequest }) => {
  let reply: PoolReply;
  try {
    const result: StreamsReply = message.map((texts) =>
      streamsOf(
        texts.map((text) => ({ text })),
        comparisonTokens,
      ),
    );
    reply = { id, result };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
