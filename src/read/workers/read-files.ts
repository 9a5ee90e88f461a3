import { Worker } from 'node:worker_threads';
import type { Analysis, Diagnostic, ScanSettings } from '../../types.js';
import { DEFAULT_LIMITS, ingestPath, type IngestLimits } from '../ingest/index.js';
import { analyzeDocument } from '../analyze.js';
import type { WorkReply, WorkRequest } from './read-worker.js';
import { threadCount, workerScript } from '../../util/workers.js';
import type { TokenFile } from '../token-file.js';
import type { TextFile } from '../text-file.js';

/** What analyzeFiles reports as it goes (the scan's `read` phase). */
export interface ReadProgress {
  phase: 'read';
  filesDone: number;
  filesTotal: number;
  /** Paragraphs segmented and sketched so far. */
  paragraphs: number;
}

export interface AnalyzeFilesOptions {
  /** Worker threads; default one per available core. 0 runs everything on this thread. */
  workers?: number;
  /** Files per message to a worker: large enough to amortise messaging, small enough to balance. */
  chunk?: number;
  /** What one file may cost (size, pages, time…); default DEFAULT_LIMITS. */
  limits?: IngestLimits;
  /** Where each document's token streams go as it is read, for batches memory may not hold. */
  tokens?: TokenFile;
  /** Where each document's paragraph text goes as it is read, likewise. */
  texts?: TextFile;
}

const DEFAULT_CHUNK = 16;

/** The compiled reading worker; undefined when there is none to start (files are then read here). */
export const READ_WORKER = workerScript('read-worker', import.meta.url);
const workerUrl = READ_WORKER;

/**
 * Reads, segments and sketches each file, in parallel on worker threads, and returns the analyses
 * in the order of `paths` (a file that fails becomes a diagnostic and takes no place), so the
 * output does not depend on which worker finished first. The batch-wide stages stay on the caller's
 * thread. Falls back to this thread for small batches and when no compiled worker script exists.
 */
export async function analyzeFiles(
  paths: string[],
  settings: ScanSettings,
  onProgress?: (p: ReadProgress) => void,
  options: AnalyzeFilesOptions = {},
): Promise<{ analyses: Analysis[]; diagnostics: Diagnostic[] }> {
  const workers = workerUrl ? threadCount(paths.length, options.workers) : 0;
  const slots: Slots = new Array<Slots[number]>(paths.length);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { tokens, texts } = options;
  const place = (i: number, slot: Slots[number]) => {
    const a = slot.analysis;
    if (a && tokens && a.streams && 'masked' in a.streams) a.streams = tokens.add(a.streams);
    if (a && texts) a.paragraphs = texts.add(a.paragraphs);
    slots[i] = slot;
  };
  if (workerUrl && workers > 0)
    await inWorkers(workerUrl, paths, settings, limits, workers, options.chunk ?? DEFAULT_CHUNK, place, onProgress);
  else await inThisThread(paths, settings, limits, place, onProgress);
  const analyses: Analysis[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const s of slots) {
    if (s.analysis) analyses.push(s.analysis);
    else if (s.diagnostic) diagnostics.push(s.diagnostic);
    if (s.warnings) diagnostics.push(...s.warnings);
  }
  return { analyses, diagnostics };
}

type Slots = Array<{ analysis?: Analysis; diagnostic?: Diagnostic; warnings?: Diagnostic[] }>;
/** Puts what became of the i-th file in its slot. */
type Place = (i: number, slot: Slots[number]) => void;

async function inThisThread(
  paths: string[],
  settings: ScanSettings,
  limits: IngestLimits,
  place: Place,
  onProgress?: (p: ReadProgress) => void,
) {
  let paragraphs = 0;
  for (let i = 0; i < paths.length; i++) {
    const r = await ingestPath(paths[i], i, limits);
    if (r.ok) {
      const analysis = analyzeDocument(r.document, settings);
      paragraphs += analysis.paragraphs.length;
      place(i, r.warnings ? { analysis, warnings: r.warnings } : { analysis });
    } else place(i, { diagnostic: r.diagnostic });
    onProgress?.({ phase: 'read', filesDone: i + 1, filesTotal: paths.length, paragraphs });
  }
}

function inWorkers(
  script: URL,
  paths: string[],
  settings: ScanSettings,
  limits: IngestLimits,
  count: number,
  chunk: number,
  place: Place,
  onProgress?: (p: ReadProgress) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    let paragraphs = 0;
    let running = 0;
    let failed = false;
    const pool: Worker[] = [];
    const stopAll = () => {
      for (const w of pool) void w.terminate();
    };
    // Requests a worker holds: two, so it starts on the next files while this thread is still
    // taking in its last reply.
    const outstanding = new Map<Worker, number>();
    const feed = (worker: Worker) => {
      if (next >= paths.length) {
        if (!outstanding.get(worker)) void worker.terminate();
        return;
      }
      outstanding.set(worker, (outstanding.get(worker) ?? 0) + 1);
      const indexes: number[] = [];
      for (let i = next; i < Math.min(next + chunk, paths.length); i++) indexes.push(i);
      next += indexes.length;
      const request: WorkRequest = { settings, limits, indexes, paths: indexes.map((i) => paths[i]) };
      worker.postMessage(request);
    };
    for (let w = 0; w < count; w++) {
      const worker = new Worker(script);
      pool.push(worker);
      running++;
      worker.on('message', (reply: WorkReply) => {
        if (failed) return;
        if (reply.error) {
          failed = true;
          stopAll();
          reject(new Error(`analysis worker failed: ${reply.error}`));
          return;
        }
        outstanding.set(worker, outstanding.get(worker)! - 1);
        try {
          for (const r of reply.results)
            place(
              r.index,
              r.analysis
                ? { analysis: r.analysis, ...(r.warnings ? { warnings: r.warnings } : {}) }
                : { diagnostic: r.diagnostic },
            );
        } catch (error) {
          // The token file could not take them (its disk is full): the scan stops, and says why.
          failed = true;
          stopAll();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        done += reply.results.length;
        paragraphs += reply.paragraphs;
        onProgress?.({ phase: 'read', filesDone: done, filesTotal: paths.length, paragraphs });
        feed(worker);
      });
      worker.on('error', (error) => {
        if (failed) return;
        failed = true;
        stopAll();
        reject(error);
      });
      worker.on('exit', () => {
        running--;
        if (running === 0 && !failed) {
          if (done === paths.length) resolve();
          else reject(new Error(`analysis workers stopped with ${paths.length - done} files left`));
        }
      });
      feed(worker);
      feed(worker);
    }
  });
}
