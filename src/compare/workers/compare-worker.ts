import { parentPort, workerData } from 'node:worker_threads';
import type { TokenStreams } from '../../types.js';
import type { RelateOptions } from '../align/relate.js';
import { sharedRuns } from '../runs/shared-runs.js';
import { countRuns, RunTable, type Counted, type SharedRuns } from '../judge/run-table.js';
import { tokensAt } from '../../read/token-streams.js';
import { verifyRange, wholeMatches } from '../align/verify-pairs.js';
import { templateOf, type MemberText } from '../templates/template.js';
import { anchorPart } from '../candidates/steps.js';

/** Given once to each comparison worker: every paragraph's tokens, in shared memory. */
export interface CompareWorkerData {
  streams: TokenStreams;
  /** The document of each paragraph (global paragraph numbers), in shared memory. */
  docOf: Uint32Array;
  options: RelateOptions;
}

export type CompareJob =
  | { kind: 'verify'; pairs: Float64Array; first: number }
  | { kind: 'runs'; paragraphs: Uint32Array; part: number; parts: number }
  | { kind: 'anchors'; paragraphs: Uint32Array }
  | { kind: 'whole'; leaders: Uint32Array; followers: Uint32Array }
  | { kind: 'stock'; runs: SharedRuns; counted: Counted }
  | { kind: 'templates'; groups: MemberText[][] };

const { streams, docOf, options } = workerData as CompareWorkerData;
const count = streams.tokenStart.length - 1;

parentPort?.on('message', ({ id, message }: { id: number; message: CompareJob }) => {
  try {
    if (message.kind === 'verify') {
      const found = verifyRange(message.pairs, 0, message.pairs.length, count, (gp) => tokensAt(streams, gp), options);
      for (const f of found) f.at += message.first;
      parentPort!.postMessage({ id, result: found });
    } else if (message.kind === 'whole') {
      const result = wholeMatches(message.leaders, message.followers, (gp) => tokensAt(streams, gp), options);
      parentPort!.postMessage({ id, result }, [
        result.kinds.buffer as ArrayBuffer,
        result.similarity.buffer as ArrayBuffer,
      ]);
    } else if (message.kind === 'templates') {
      parentPort!.postMessage({ id, result: message.groups.map((g) => templateOf(g)) });
    } else if (message.kind === 'stock') {
      countRuns(new RunTable(message.runs), streams, docOf, message.counted);
      parentPort!.postMessage({ id, result: undefined });
    } else if (message.kind === 'anchors') {
      const result = anchorPart(message.paragraphs, streams);
      const buffers = [result.keys, result.group, result.repeatedPara, result.repeatedRuns].map((a) => a.buffer);
      parentPort!.postMessage({ id, result }, buffers as ArrayBuffer[]);
    } else {
      const result = sharedRuns(message.paragraphs, streams, message.part, message.parts);
      parentPort!.postMessage({ id, result }, [result.keys.buffer as ArrayBuffer, result.counts.buffer as ArrayBuffer]);
    }
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
