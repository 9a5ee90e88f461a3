import type { Normalized, StreamsInMemory, StreamsOnDisk, TokenStreams } from '../types.js';
import { readTokens, type TokenFile } from './token-file.js';
import { DIGITS } from './normalize/normalize.js';
import type { Tokens } from '../compare/align/relate.js';

/** Collects the comparison tokens of a document's paragraphs, in paragraph order. */
export class StreamsBuilder {
  private masked: Uint32Array = new Uint32Array(1024);
  private digits: Uint32Array = new Uint32Array(64);
  private tokenStart: number[] = [0];
  private digitStart: number[] = [0];
  private n = 0;
  private d = 0;

  add(norm: Normalized): void {
    const len = norm.masked.length;
    if (this.n + len > this.masked.length) this.masked = grow(this.masked, this.n + len);
    this.masked.set(norm.masked, this.n);
    for (let i = 0; i < len; i++) {
      if (norm.masked[i] !== DIGITS) continue;
      if (this.d === this.digits.length) this.digits = grow(this.digits, this.d + 1);
      this.digits[this.d++] = norm.tokens[i];
    }
    this.n += len;
    this.tokenStart.push(this.n);
    this.digitStart.push(this.d);
  }

  /**
   * The streams in shared memory: posting them to another thread shares them, so the threads that
   * align paragraphs read the tokens the reading threads made, with nothing copied.
   */
  finish(): StreamsInMemory {
    return {
      masked: shared(this.masked.subarray(0, this.n)),
      tokenStart: shared(this.tokenStart),
      digits: shared(this.digits.subarray(0, this.d)),
      digitStart: shared(this.digitStart),
    };
  }
}

function shared(values: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(new SharedArrayBuffer(Math.max(1, values.length) * 4), 0, values.length);
  out.set(values);
  return out;
}

function grow(a: Uint32Array, need: number): Uint32Array {
  const b = new Uint32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Streams for an analysis that has none (one loaded from a workspace): its paragraphs normalized again. */
export function streamsOf(paragraphs: Array<{ text: string }>, prepare: (text: string) => Normalized): StreamsInMemory {
  const b = new StreamsBuilder();
  for (const p of paragraphs) b.add(prepare(p.text));
  return b.finish();
}

/** Paragraph p's tokens: views into the streams in memory (nothing is copied), or read from their file. */
export function tokensAt(s: TokenStreams, p: number): Tokens {
  if (!('masked' in s)) return readTokens(s, p);
  return {
    masked: s.masked.subarray(s.tokenStart[p], s.tokenStart[p + 1]),
    digits: s.digits.subarray(s.digitStart[p], s.digitStart[p + 1]),
  };
}

/**
 * The streams of a batch joined into one, paragraph numbers running on from one document to the
 * next: one object to hand to the threads that align paragraphs, where ten thousand per-document
 * ones took a second to post. In shared memory; or, given a file, in the file (streams still in
 * memory are written to it), with only where each paragraph starts in shared memory.
 */
export function joinStreams(streams: TokenStreams[], file?: TokenFile): TokenStreams {
  if (!file) return joinInMemory(streams.map(inMemory));
  const onDisk = streams.map((s) => ('masked' in s ? file.add(s) : s));
  let paragraphs = 0;
  for (const s of onDisk) paragraphs += s.tokenStart.length - 1;
  const out: StreamsOnDisk = {
    tokenStart: new Uint32Array(new SharedArrayBuffer((paragraphs + 1) * 4)),
    digitStart: new Uint32Array(new SharedArrayBuffer((paragraphs + 1) * 4)),
    fd: file.fd,
    at: new Float64Array(new SharedArrayBuffer(Math.max(1, paragraphs) * 8), 0, paragraphs),
  };
  let p = 0;
  for (const s of onDisk) {
    const n = s.tokenStart.length - 1;
    out.at.set(s.at, p);
    appendStarts(out.tokenStart, p, s.tokenStart);
    appendStarts(out.digitStart, p, s.digitStart);
    p += n;
  }
  return out;
}

function inMemory(s: TokenStreams): StreamsInMemory {
  if ('masked' in s) return s;
  throw new Error('token streams on disk joined without their file');
}

/** starts (from 0) appended to out, whose paragraph p is the first of them. */
function appendStarts(out: Uint32Array, p: number, starts: Uint32Array): void {
  const base = out[p];
  for (let i = 1; i < starts.length; i++) out[p + i] = base + starts[i];
}

function joinInMemory(streams: StreamsInMemory[]): StreamsInMemory {
  let tokens = 0;
  let digits = 0;
  let paragraphs = 0;
  for (const s of streams) {
    tokens += s.masked.length;
    digits += s.digits.length;
    paragraphs += s.tokenStart.length - 1;
  }
  const out: StreamsInMemory = {
    masked: new Uint32Array(new SharedArrayBuffer(Math.max(1, tokens) * 4), 0, tokens),
    tokenStart: new Uint32Array(new SharedArrayBuffer((paragraphs + 1) * 4)),
    digits: new Uint32Array(new SharedArrayBuffer(Math.max(1, digits) * 4), 0, digits),
    digitStart: new Uint32Array(new SharedArrayBuffer((paragraphs + 1) * 4)),
  };
  let t = 0;
  let d = 0;
  let p = 0;
  for (const s of streams) {
    out.masked.set(s.masked, t);
    out.digits.set(s.digits, d);
    const n = s.tokenStart.length - 1;
    for (let i = 1; i <= n; i++) {
      out.tokenStart[p + i] = t + s.tokenStart[i];
      out.digitStart[p + i] = d + s.digitStart[i];
    }
    t += s.masked.length;
    d += s.digits.length;
    p += n;
  }
  return out;
}
