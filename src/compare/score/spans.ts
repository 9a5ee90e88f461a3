import type { Paragraph, ResultMember } from '../../types.js';
import { countChars } from '../../read/normalize/normalize.js';

/**
 * A document as scoring needs it. `paragraphChars`, when given, is countChars of each paragraph's
 * text (the reading stage works it out anyway); without it whole paragraphs are counted here.
 */
export interface ScoredDocument {
  paragraphs: Paragraph[];
  chars: number;
  paragraphChars?: ArrayLike<number>;
}

/** The end of a whole-paragraph span: past any offset, so it covers every span of its paragraph. */
export const WHOLE = 0x7fffffff;

// What a span counts towards in its document's scores.
export const ACROSS = 1;
export const WITHIN = 2;
export const BOILER = 4;

/**
 * Every member of every cluster as one span of one paragraph, in flat arrays, with its character
 * count worked out once: a paragraph sits in many clusters and a member in many document pairs,
 * and counting characters again for each was most of the scoring time.
 */
export class Spans {
  readonly doc: Int32Array;
  readonly para: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly chars: Int32Array;
  readonly flags: Uint8Array;
  /** Whole-paragraph counts, by paragraphBase[doc] + paragraph; -1 until needed. */
  private readonly paraChars: Int32Array;
  private readonly paragraphBase: Int32Array;

  constructor(
    private readonly docs: ScoredDocument[],
    size: number,
  ) {
    this.doc = new Int32Array(size);
    this.para = new Int32Array(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.chars = new Int32Array(size);
    this.flags = new Uint8Array(size);
    this.paragraphBase = new Int32Array(docs.length + 1);
    for (let d = 0; d < docs.length; d++) this.paragraphBase[d + 1] = this.paragraphBase[d] + docs[d].paragraphs.length;
    this.paraChars = new Int32Array(this.paragraphBase[docs.length]).fill(-1);
  }

  set(i: number, m: ResultMember): void {
    const doc = m.doc;
    const para = m.paragraph;
    this.doc[i] = doc;
    this.para[i] = para;
    if (m.start === undefined) {
      this.start[i] = 0;
      this.end[i] = WHOLE;
      this.chars[i] = this.whole(doc, para);
    } else {
      this.start[i] = m.start;
      this.end[i] = m.end!;
      this.chars[i] = this.count(doc, para, m.start, m.end!);
    }
  }

  /** Characters of [s, e) in one paragraph. */
  count(doc: number, para: number, s: number, e: number): number {
    if (e === WHOLE) return this.whole(doc, para);
    const text = this.docs[doc].paragraphs[para].text;
    return s === 0 && e === text.length ? this.whole(doc, para) : countChars(text, s, e);
  }

  /**
   * A whole paragraph's characters: given, or counted once and kept. With counts given, whole
   * paragraphs (most members) never load their text, which was much of the time left.
   */
  private whole(doc: number, para: number): number {
    const given = this.docs[doc].paragraphChars;
    if (given !== undefined) return given[para];
    const at = this.paragraphBase[doc] + para;
    let n = this.paraChars[at];
    if (n < 0) this.paraChars[at] = n = countChars(this.docs[doc].paragraphs[para].text);
    return n;
  }

  /**
   * Characters covered by the union of the first `n` spans in `list`, all of one document. Sorts
   * them in place, by paragraph then start; a span that overlaps no other keeps its own count.
   */
  union(list: Int32Array, n: number): number {
    if (n === 0) return 0;
    if (n === 1) return this.chars[list[0]];
    this.sort(list, n);
    const { para, start, end } = this;
    let total = 0;
    let run = list[0];
    let p = para[run];
    let s = start[run];
    let e = end[run];
    let merged = false;
    for (let k = 1; k < n; k++) {
      const i = list[k];
      if (para[i] === p && start[i] <= e) {
        if (end[i] > e) e = end[i];
        merged = true;
        continue;
      }
      total += merged ? this.count(this.doc[run], p, s, e) : this.chars[run];
      run = i;
      p = para[i];
      s = start[i];
      e = end[i];
      merged = false;
    }
    return total + (merged ? this.count(this.doc[run], p, s, e) : this.chars[run]);
  }

  private sort(list: Int32Array, n: number): void {
    const { para, start } = this;
    if (n > 24) {
      list.subarray(0, n).sort((x, y) => para[x] - para[y] || start[x] - start[y]);
      return;
    }
    // The lists here are mostly a handful of spans: insertion sort beats a comparator call each.
    for (let k = 1; k < n; k++) {
      const i = list[k];
      const pi = para[i];
      const si = start[i];
      let j = k - 1;
      while (j >= 0 && (para[list[j]] > pi || (para[list[j]] === pi && start[list[j]] > si))) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = i;
    }
  }
}

/** Items 0..count-1 bucketed by key (0..keys-1), stable: items keyStart[k] .. keyStart[k + 1]. */
export function bucket(keyOf: Int32Array, count: number, keys: number): { keyStart: Int32Array; items: Int32Array } {
  const keyStart = new Int32Array(keys + 1);
  for (let i = 0; i < count; i++) keyStart[keyOf[i] + 1]++;
  for (let k = 0; k < keys; k++) keyStart[k + 1] += keyStart[k];
  const fill = keyStart.slice(0, keys);
  const items = new Int32Array(count);
  for (let i = 0; i < count; i++) items[fill[keyOf[i]]++] = i;
  return { keyStart, items };
}

/** A growable list of integers, reused from one use to the next. */
export class IntList {
  data = new Int32Array(64);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(2 * this.data.length);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}
