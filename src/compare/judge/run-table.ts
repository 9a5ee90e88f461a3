import type { TokenStreams } from '../../types.js';
import { stockLength, windowHashes } from '../align/windows.js';
import { tokensAt } from '../../read/token-streams.js';

/** A run table's memory, shareable with worker threads: see RunTable.shared. */
export interface SharedRuns {
  /** Slot i at 2i: the run's hash, then its count; hash 0 counted past the last slot. */
  slots: Int32Array;
}

/**
 * How many documents each stock run (four characters or three words: see windows.ts) asked for
 * stands in. Only the runs asked for are counted, so the table is as large as the passages to
 * judge, not as the batch. Open addressing, at most half full, each run's hash beside its count:
 * a lookup that finds its run reads one cache line, in a table far larger than the cache. The
 * runs are added first, then counted, on this thread or by workers into the one table in shared
 * memory (countRuns): at 300,000 reports the runs asked for number in the tens of millions, and
 * a table for each worker and another to add them up took 2 GB.
 */
export class RunTable {
  private slots: Int32Array;
  private counting: boolean;
  private held = 0;

  constructor(shared?: SharedRuns) {
    this.slots = shared?.slots ?? new Int32Array(new SharedArrayBuffer(8 * ((1 << 16) + 1)));
    this.counting = shared !== undefined;
  }

  /** Asks for run `hash` to be counted; only before counting begins. */
  add(hash: number): void {
    if (this.counting) throw new Error('RunTable.add after counting began');
    const h = hash | 0;
    if (h === 0) return;
    if ((this.held + 1) * 2 > this.capacity()) this.grow();
    const at = this.find(h);
    if (this.slots[2 * at] === h) return;
    this.slots[2 * at] = h;
    this.held++;
  }

  /** Runs asked for. */
  get size(): number {
    return this.held;
  }

  /** The table's memory, for workers to count into; no run is added after. */
  shared(): SharedRuns {
    this.counting = true;
    return { slots: this.slots };
  }

  /** Where run `hash` is counted (an index into the slots), or -1 when it was not asked for. */
  countAt(hash: number): number {
    const h = hash | 0;
    if (h === 0) return this.slots.length - 1;
    const at = this.find(h);
    return this.slots[2 * at] === h ? 2 * at + 1 : -1;
  }

  /** Documents the run stands in (0 for a run not asked for, or never seen). */
  docs(hash: number): number {
    const at = this.countAt(hash);
    return at < 0 ? 0 : this.slots[at] >>> 0;
  }

  private capacity(): number {
    return (this.slots.length - 1) >>> 1;
  }

  /** The slot holding h, or the empty one where it would go. */
  private find(h: number): number {
    const slots = this.slots;
    const mask = this.capacity() - 1;
    let at = h & mask;
    for (;;) {
      const k = slots[2 * at];
      if (k === h || k === 0) return at;
      at = (at + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(new SharedArrayBuffer(8 * (2 * this.capacity() + 1)));
    for (let i = 0; i + 1 < old.length; i += 2) if (old[i] !== 0) this.slots[2 * this.find(old[i])] = old[i];
  }
}

/**
 * Counts places of runs into a table, each document once per run: one counter a thread, over
 * documents in non-decreasing order; threads counting apart must not share a document. A run is
 * marked seen in the current document (a bit a slot) and unmarked when the next begins.
 */
class RunCounter {
  private readonly seen: Uint32Array;
  private touched = new Int32Array(1024);
  private n = 0;
  private doc = -1;

  constructor(
    private readonly table: RunTable,
    private readonly slots: Int32Array,
  ) {
    this.seen = new Uint32Array((slots.length + 63) >>> 6);
  }

  /** One place of a run in document `doc`, standing for `weight` documents (a paragraph and its copies). */
  see(hash: number, doc: number, weight: number): void {
    if (doc !== this.doc) {
      for (let i = 0; i < this.n; i++) this.seen[this.touched[i] >>> 6] = 0;
      this.n = 0;
      this.doc = doc;
    }
    const at = this.table.countAt(hash);
    if (at < 0) return;
    // Count indices are odd: half of them make the bits.
    const word = at >>> 6;
    const bit = 1 << ((at >>> 1) & 31);
    if (this.seen[word] & bit) return;
    this.seen[word] |= bit;
    if (this.n === this.touched.length) {
      const grown = new Int32Array(this.n * 2);
      grown.set(this.touched);
      this.touched = grown;
    }
    this.touched[this.n++] = at;
    Atomics.add(this.slots, at, weight);
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
 * Counts in how many documents each run of `table` stands, over `counted` (paragraphs in document
 * order; `docOf` gives each one's document): a paragraph adds the documents it stands for, once
 * per document for a run it shares with another paragraph of the same document. Lists that split
 * no document can be counted into the same table at once, on several threads.
 */
export function countRuns(table: RunTable, streams: TokenStreams, docOf: Uint32Array, counted: Counted): void {
  const counter = new RunCounter(table, table.shared().slots);
  let scratch = new Int32Array(1024);
  const { paragraphs, docs } = counted;
  for (let i = 0; i < paragraphs.length; i++) {
    const gp = paragraphs[i];
    const { masked } = tokensAt(streams, gp);
    if (scratch.length < masked.length) scratch = new Int32Array(2 * masked.length);
    const n = stockRuns(masked, 0, masked.length, scratch);
    const doc = docOf[gp];
    for (let j = 0; j < n; j++) counter.see(scratch[j], doc, docs[i]);
  }
}
