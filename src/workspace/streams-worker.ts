import { parentPort } from 'node:worker_threads';
import type { TokenStreams } from '../types.js';
import { prepareParagraph } from '../pipeline/analyze.js';
import { streamsOf } from '../pipeline/streams.js';

/** Worker side of addStreams: the comparison tokens of a few documents' paragraphs per message. */
export interface StreamsRequest {
  /** Each document's paragraph texts, in order. */
  docs: string[][];
}

export interface StreamsReply {
  /** In shared memory (see StreamsBuilder.finish): posting them back copies nothing. */
  streams: TokenStreams[];
  error?: string;
}

/** A null request: nothing more will come; the worker ends once it has answered the others. */
parentPort?.on('message', (request: StreamsRequest | null) => {
  if (request === null) {
    parentPort!.close();
    return;
  }
  const reply: StreamsReply = { streams: [] };
  try {
    for (const texts of request.docs) reply.streams.push(streamsOf(texts.map((text) => ({ text })), prepareParagraph));
  } catch (error) {
    reply.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  parentPort!.postMessage(reply);
});
