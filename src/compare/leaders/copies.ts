import type { Kind } from '../../types.js';
import { KIND_CODE } from '../align/verify-pairs.js';

export interface Copy {
  gp: number;
  kind: Kind;
}

/** What Copies reads of the joins: join i made `follower(i)` a copy of `leader(i)` of kind code `kind(i)`. */
export interface JoinColumns {
  readonly length: number;
  leader(i: number): number;
  follower(i: number): number;
  kind(i: number): number;
}

/**
 * The followers equal to their leader once digits are masked (exact and numbers joins), by
 * leader, in the order they joined. In columns: as a Map of lists of objects they took half a
 * gigabyte at 300,000 reports. A leader's list is made when asked.
 */
export class Copies implements Iterable<[number, Copy[]]> {
  /** Leader gp's copies are at [start[gp], start[gp + 1]) of the columns. */
  private readonly start: Int32Array;
  private readonly gp: Int32Array;
  private readonly exact: Uint8Array;

  constructor(joins: JoinColumns, paragraphs: number) {
    const isCopy = (i: number) => joins.kind(i) === KIND_CODE.exact || joins.kind(i) === KIND_CODE.numbers;
    this.start = new Int32Array(paragraphs + 1);
    for (let i = 0; i < joins.length; i++) if (isCopy(i)) this.start[joins.leader(i) + 1]++;
    for (let p = 0; p < paragraphs; p++) this.start[p + 1] += this.start[p];
    this.gp = new Int32Array(this.start[paragraphs]);
    this.exact = new Uint8Array(this.start[paragraphs]);
    const fill = this.start.slice(0, paragraphs);
    for (let i = 0; i < joins.length; i++) {
      if (!isCopy(i)) continue;
      const at = fill[joins.leader(i)]++;
      this.gp[at] = joins.follower(i);
      this.exact[at] = joins.kind(i) === KIND_CODE.exact ? 1 : 0;
    }
  }

  /** The copies of leader `gp`, or undefined when it has none (as a Map of lists would say). */
  get(gp: number): Copy[] | undefined {
    const from = this.start[gp];
    const to = this.start[gp + 1];
    if (from === to) return undefined;
    const out: Copy[] = [];
    for (let i = from; i < to; i++) out.push({ gp: this.gp[i], kind: this.exact[i] ? 'exact' : 'numbers' });
    return out;
  }

  /** Each leader with copies, in paragraph order, with its copies. */
  *[Symbol.iterator](): IterableIterator<[number, Copy[]]> {
    for (let gp = 0; gp + 1 < this.start.length; gp++) {
      const copies = this.get(gp);
      if (copies) yield [gp, copies];
    }
  }
}
