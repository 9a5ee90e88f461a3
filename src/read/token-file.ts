import { closeSync, readSync, writeSync } from 'node:fs';
import { openUnnamed, scratchFailed, type ReadThrough } from './scratch-file.js';
import type { StreamsInMemory, StreamsOnDisk } from '../types.js';
import type { Tokens } from '../compare/align/relate.js';

export { ScratchError } from './scratch-file.js';

const failed = (doing: string, error: unknown) => scratchFailed(doing, 'token file', error);

/**
 * Token streams on disk, for batches whose tokens would not fit in memory (the largest thing a
 * scan holds: 3 GB at 100,000 reports). Each document's streams are appended as it is read and
 * then read back a paragraph at a time, by position, from any thread: the operating system's
 * cache keeps what is read often, and gives the memory back when something else needs it.
 */
export class TokenFile implements ReadThrough {
  private written = 0;
  private closed = false;

  private constructor(readonly fd: number) {}

  /** Bytes written so far. */
  get size(): number {
    return this.written;
  }

  /** A new, empty file in `scratch` (the system's temporary folder by default), without a name (see openUnnamed). */
  static open(scratch?: string): TokenFile {
    return new TokenFile(openUnnamed(scratch, 'refrain-tokens-', 'token file'));
  }

  /** Appends `s` and gives the same streams read from the file. */
  add(s: StreamsInMemory): StreamsOnDisk {
    const paragraphs = s.tokenStart.length - 1;
    const words = new Uint32Array(s.masked.length + s.digits.length);
    const at = new Float64Array(new SharedArrayBuffer(Math.max(1, paragraphs) * 8), 0, paragraphs);
    let w = 0;
    for (let p = 0; p < paragraphs; p++) {
      at[p] = this.written + w * 4;
      words.set(s.masked.subarray(s.tokenStart[p], s.tokenStart[p + 1]), w);
      w += s.tokenStart[p + 1] - s.tokenStart[p];
      words.set(s.digits.subarray(s.digitStart[p], s.digitStart[p + 1]), w);
      w += s.digitStart[p + 1] - s.digitStart[p];
    }
    const bytes = new Uint8Array(words.buffer);
    try {
      for (let done = 0; done < bytes.length;)
        done += writeSync(this.fd, bytes, done, bytes.length - done, this.written + done);
    } catch (e) {
      throw failed('write', e);
    }
    this.written += bytes.length;
    return { tokenStart: s.tokenStart, digitStart: s.digitStart, fd: this.fd, at };
  }

  /** Closes the file, which goes with it; the streams read from it are unusable afterwards. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/**
 * Paragraphs read lately, per streams: a leader is read for every paragraph checked against it,
 * and the same pair's sides are read in several stages. Emptied when full: cheaper than keeping
 * an order, and what is read often is soon back.
 */
const CACHED = 8192;
const cache = new WeakMap<StreamsOnDisk, Map<number, Tokens>>();

/** Paragraph p's tokens, read from the file. */
export function readTokens(s: StreamsOnDisk, p: number): Tokens {
  let seen = cache.get(s);
  if (!seen) {
    seen = new Map();
    cache.set(s, seen);
  }
  const hit = seen.get(p);
  if (hit) return hit;
  const n = s.tokenStart[p + 1] - s.tokenStart[p];
  const words = new Uint32Array(n + s.digitStart[p + 1] - s.digitStart[p]);
  const bytes = new Uint8Array(words.buffer);
  for (let done = 0; done < bytes.length;) {
    const read = readSync(s.fd, bytes, done, bytes.length - done, s.at[p] + done);
    if (read === 0) throw new Error(`token file ended before paragraph ${p}`);
    done += read;
  }
  const tokens = { masked: words.subarray(0, n), digits: words.subarray(n) };
  if (seen.size >= CACHED) seen.clear();
  seen.set(p, tokens);
  return tokens;
}
