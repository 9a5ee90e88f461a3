import type { TokenStreams } from '../../types.js';
import { stockLength, windowHashes } from '../align/windows.js';
import { tokensAt } from '../../read/token-streams.js';

/**
 * How many documents each stock run (four characters or three words: see windows.ts) asked for
 * stands in. Only the runs asked for are counted, so the table is as large as the passages to
 * judge, not as the batch. Open addressing over typed arrays; hash 0 stands for itself apart.
 */
export class RunTable {
  /**
   * Slot i at 3i: the run's hash, its count, the last document counted. One array, so a lookup
   * that finds its run reads one cache line, not three: a batch's leaders hold tens of millions
   * of runs to look up, in a table far larger than the cache.
   */
  private slots: Int32Array;
  private readonly mask: number;
  private zero = 0;
  private zeroDoc = -1;

  /** A table of the given runs (hashes, repeats allowed), with counts (default 0). */
  constructor(wanted: Uint32Array, counts?: Uint32Array) {
    let size = 16;
    while (size < wanted.length * 2) size *= 2;
    this.slots = new Int32Array(size * 3);
    for (let i = 2; i < this.slots.length; i += 3) this.slots[i] = -1;
    this.mask = size - 1;
    for (let i = 0; i < wanted.length; i++) {
      const h = wanted[i] | 0;
      if (h === 0) {
        if (counts) this.zero = counts[i];
        continue;
      }
      let at = h & this.mask;
      while (this.slots[3 * at] !== 0 && this.slots[3 * at] !== h) at = (at + 1) & this.mask;
      this.slots[3 * at] = h;
      if (counts) this.slots[3 * at + 1] = counts[i];
    }
  }

  /**
   * Counts one place of a run in document `doc`, standing for `weight` documents (a paragraph and
   * its copies elsewhere); documents must come in non-decreasing order.
   */
  see(hash: number, doc: number, weight = 1): void {
    const h = hash | 0;
    if (h === 0) {
      if (this.zeroDoc !== doc) {
        this.zero += weight;
        this.zeroDoc = doc;
      }
      return;
    }
    const slots = this.slots;
    let at = h & this.mask;
    for (;;) {
      const k = slots[3 * at];
      if (k === 0) return;
      if (k === h) break;
      at = (at + 1) & this.mask;
    }
    const s = 3 * at;
    if (slots[s + 2] === doc) return;
    slots[s + 2] = doc;
    slots[s + 1] += weight;
  }

  /** Documents the run stands in (0 for a run not asked for, or never seen). */
  docs(hash: number): number {
    const h = hash | 0;
    if (h === 0) return this.zero;
    const slots = this.slots;
    let at = h & this.mask;
    for (;;) {
      const k = slots[3 * at];
      if (k === h) return slots[3 * at + 1] >>> 0;
      if (k === 0) return 0;
      at = (at + 1) & this.mask;
    }
  }
}

/** The stock-run hashes of masked[from, to), window j in out[j]; returns how many. */
export function stockRuns(masked: Uint32Array, from: number, to: number, out: Int32Array): number {
  const k = stockLength(masked, from, to);
  return to - from < k ? 0 : windowHashes(masked, from, to, k, out);
}

/** Paragraphs to count runs in, each standing for `docs[i]` documents (itself and its copies). */
export interface Counted {
  paragraphs: Uint32Array;
  docs: Uint32Array;
}

/**
 * In how many documents each of the runs `wanted` stands, over `counted` (paragraphs in document
 * order; `docOf` gives each one's document): a paragraph adds the documents it stands for, once
 * per document for a run it shares with another paragraph of the same document. Counts come in
 * the order of `wanted`; lists that split no document can be counted apart and added.
 */
export function countRuns(
  wanted: Uint32Array,
  streams: TokenStreams,
  docOf: Uint32Array,
  counted: Counted,
): Uint32Array {
  const table = new RunTable(wanted);
  let scratch = new Int32Array(1024);
  const { paragraphs, docs } = counted;
  for (let i = 0; i < paragraphs.length; i++) {
    const gp = paragraphs[i];
    const { masked } = tokensAt(streams, gp);
    if (scratch.length < masked.length) scratch = new Int32Array(2 * masked.length);
    const n = stockRuns(masked, 0, masked.length, scratch);
    const doc = docOf[gp];
    for (let j = 0; j < n; j++) table.see(scratch[j], doc, docs[i]);
  }
  return Uint32Array.from(wanted, (h) => table.docs(h));
}

/** A set of 32-bit hashes, each kept once (open addressing; 0 kept apart). */
export class HashSet {
  private keys = new Uint32Array(1 << 16);
  private size = 0;
  private zero = false;

  add(hash: number): void {
    const h = hash >>> 0;
    if (h === 0) {
      this.zero = true;
      return;
    }
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let at = h & mask;
    for (;;) {
      const k = this.keys[at];
      if (k === h) return;
      if (k === 0) break;
      at = (at + 1) & mask;
    }
    this.keys[at] = h;
    this.size++;
  }

  /** The hashes held, sorted. */
  values(): Uint32Array {
    const out = new Uint32Array(this.size + (this.zero ? 1 : 0));
    let n = 0;
    if (this.zero) out[n++] = 0;
    for (const k of this.keys) if (k !== 0) out[n++] = k;
    return out.sort();
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Uint32Array(old.length * 2);
    this.size = 0;
    for (const k of old) if (k !== 0) this.add(k);
  }
}
