import { parentPort } from 'node:worker_threads';
import type { Analysis, Diagnostic, ScanSettings } from '../../types.js';
import { ingestPath, type IngestLimits } from '../ingest/index.js';
import { analyzeDocument } from '../analyze.js';

/**
 * Worker side of analyzeFiles: reads, ingests and analyzes a batch of files per message and sends
 * the analyses back with their typed arrays transferred (moved, not copied).
 */
export interface WorkRequest {
  settings: ScanSettings;
  limits: IngestLimits;
  /** Position of each path in the whole sorted list, so the main thread can put results in order. */
  indexes: number[];
  paths: string[];
}

export interface WorkReply {
  results: Array<{ index: number; analysis?: Analysis; diagnostic?: Diagnostic; warnings?: Diagnostic[] }>;
  paragraphs: number;
  /** Set when something other than a bad file went wrong. */
  error?: string;
}

export function transferList(analyses: Analysis[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const a of analyses) for (const t of [a.unitPara, a.bandKeys]) out.push(t.buffer as ArrayBuffer);
  return out;
}

parentPort?.on('message', (request: WorkRequest) => void answer(request));

async function answer(request: WorkRequest): Promise<void> {
  const reply: WorkReply = { results: [], paragraphs: 0 };
  try {
    for (let i = 0; i < request.paths.length; i++) {
      const r = await ingestPath(request.paths[i], request.indexes[i], request.limits);
      if (r.ok) {
        const analysis = analyzeDocument(r.document, request.settings);
        reply.paragraphs += analysis.paragraphs.length;
        reply.results.push({ index: request.indexes[i], analysis, ...(r.warnings ? { warnings: r.warnings } : {}) });
      } else reply.results.push({ index: request.indexes[i], diagnostic: r.diagnostic });
    }
  } catch (error) {
    reply.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  const analyses = reply.results.flatMap((r) => (r.analysis ? [r.analysis] : []));
  parentPort!.postMessage(reply, transferList(analyses));
}
