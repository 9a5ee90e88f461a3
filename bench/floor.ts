import { readFileSync } from 'node:fs';

/**
 * The floor: the least work any scan must do. One pass on one thread that reads every file,
 * decodes it, and hashes every 5-character window once (five multiply-xor steps per window, no
 * sets, no sorting). A scan's time is reported as a multiple of this.
 */
export interface FloorResult {
  ms: number;
  bytes: number;
  windows: number;
  /** Folded hashes, so the work cannot be skipped; also a checksum of the batch. */
  checksum: number;
}

const K = 5;

export function hashWindows(text: string): { windows: number; fold: number } {
  let fold = 0;
  let windows = 0;
  for (let i = 0; i + K <= text.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + K; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    fold = (fold + (h ^ (h >>> 15))) | 0;
    windows++;
  }
  return { windows, fold };
}

export function floorPass(paths: string[]): FloorResult {
  const start = performance.now();
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  let windows = 0;
  let checksum = 0;
  for (const path of paths) {
    const raw = readFileSync(path);
    bytes += raw.length;
    const r = hashWindows(decoder.decode(raw));
    windows += r.windows;
    checksum = (checksum ^ r.fold) >>> 0;
  }
  return { ms: performance.now() - start, bytes, windows, checksum };
}
