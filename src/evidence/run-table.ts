import type { TokenStreams } from '../types.js';
import { stockLength, windowHashes } from '../verify/windows.js';

/**
 * How many documents each stock run (four characters or three words: see windows.ts) of some
 * paragraphs stands in, over a set of paragraphs of the batch. Only the runs asked for are
 * counted, so the table is as large as the passages to judge, not as the batch. Open addressing
 * over typed arrays.
 */
export class RunTable {
  private keys: Uint32Array;
  private counts: Uint32Array;
  private lastDoc: Int32Array;
  private mask: number;
  private size = 0;
  /** The count of hash 0, which marks an empty slot; -1 while not asked for. */
  private zero = -1;
  private zeroDoc = -1;

  constructor(capacity = 1024) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Uint32Array(slots);
    this.counts = new Uint32Array(slots);
    this.lastDoc = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
  }

  /** Asks for a run to be counted. */
  want(hash: number): void {
    const h = hash >>> 0;
    if (h === 0) {
      if (this.zero < 0) this.zero = 0;
      return;
    }
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let at = h & this.mask;
    while (this.keys[at] !== 0 && this.keys[at] !== h) at = (at + 1) & this.mask;
    if (this.keys[at] === 0) {
      this.keys[at] = h;
      this.size++;
    }
  }

  /** Counts one place of a run in document `doc`; documents must come in non-decreasing order. */
  see(hash: number, doc: number): void {
    const h = hash >>> 0;
    if (h === 0) {
      if (this.zero >= 0 && this.zeroDoc !== doc) {
        this.zero++;
        this.zeroDoc = doc;
      }
      return;
    }
    let at = h & this.mask;
    for (;;) {
      const k = this.keys[at];
      if (k === 0) return;
      if (k === h) break;
      at = (at + 1) & this.mask;
    }
    if (this.lastDoc[at] === doc) return;
    this.lastDoc[at] = doc;
    this.counts[at]++;
  }

  /** Documents the run stands in (0 for a run not asked for, or never seen). */
  docs(hash: number): number {
    const h = hash >>> 0;
    if (h === 0) return Math.max(0, this.zero);
    let at = h & this.mask;
    for (;;) {
      const k = this.keys[at];
      if (k === h) return this.counts[at];
      if (k === 0) return 0;
      at = (at + 1) & this.mask;
    }
  }

  private grow(): void {
    const { keys, counts, lastDoc } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    this.lastDoc = new Int32Array(keys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      this.want(keys[i]);
      let at = keys[i] & this.mask;
      while (this.keys[at] !== keys[i]) at = (at + 1) & this.mask;
      this.counts[at] = counts[i];
      this.lastDoc[at] = lastDoc[i];
    }
  }
}

/** The stock-run hashes of masked[from, to), window j in out[j]; returns how many. */
export function stockRuns(masked: Uint32Array, from: number, to: number, out: Int32Array): number {
  const k = stockLength(masked, from, to);
  return to - from < k ? 0 : windowHashes(masked, from, to, k, out);
}

/**
 * Counts, over the paragraphs `counted` (global numbers, in document order), in how many
 * documents each stock run of the paragraphs `wanted` stands.
 */
export function countStockRuns(wanted: Iterable<number>, counted: Uint32Array, arena: TokenStreams, docOf: Uint32Array): RunTable {
  const table = new RunTable();
  let scratch = new Int32Array(1024);
  const { masked, tokenStart } = arena;
  const each = (gp: number, visit: (hash: number) => void) => {
    const from = tokenStart[gp];
    const to = tokenStart[gp + 1];
    if (scratch.length < to - from) scratch = new Int32Array(2 * (to - from));
    const n = stockRuns(masked, from, to, scratch);
    for (let j = 0; j < n; j++) visit(scratch[j]);
  };
  for (const gp of wanted) each(gp, (h) => table.want(h));
  for (let i = 0; i < counted.length; i++) {
    const doc = docOf[counted[i]];
    each(counted[i], (h) => table.see(h, doc));
  }
  return table;
}
