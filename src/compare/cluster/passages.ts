import type { MatchKind } from '../../types.js';
import type { Relation } from '../align/relate.js';
import type { Edges } from './star.js';
import { resized } from '../../util/typed.js';

/** A passage: a whole paragraph or a token range of one, identified across relations. */
export interface Passage {
  /** Global paragraph number (over the whole batch). */
  para: number;
  start: number;
  end: number;
  whole: boolean;
}

/** The next size of a growing column: half as large again (doubling left up to half of it empty). */
const grown = (size: number) => Math.max(1024, Math.ceil(size * 1.5));

/** Two spans of one paragraph overlapping this much (intersection over union) are one passage. */
const SAME_PASSAGE = 0.6;

/**
 * Gives one id to a passage however many relations name it, so that a clause copied into five
 * reports becomes one node with five edges, not five unrelated nodes. In typed arrays, each
 * paragraph's passages chained in the order they came: 100,000 reports make millions of passages,
 * and an object and a list for each was gigabytes.
 */
export class PassageTable {
  private para: Int32Array = new Int32Array(1024);
  private start: Int32Array = new Int32Array(1024);
  private end: Int32Array = new Int32Array(1024);
  private whole = new Uint8Array(1024);
  /** The next passage of the same paragraph, or -1. */
  private next: Int32Array = new Int32Array(1024);
  /** Each paragraph's first and last passage, or -1. */
  private first: Int32Array;
  private last: Int32Array;
  private count = 0;

  /** `paragraphs`: how many the batch has, when known (the table grows to any). */
  constructor(paragraphs = 0) {
    this.first = new Int32Array(paragraphs).fill(-1);
    this.last = new Int32Array(paragraphs).fill(-1);
  }

  get length(): number {
    return this.count;
  }

  /** Makes room for `more` passages beyond those held. */
  reserve(more: number): void {
    if (this.count + more > this.para.length) this.grow(this.count + more);
  }

  /** Passage `id`, as an object made for the caller. */
  at(id: number): Passage {
    return { para: this.para[id], start: this.start[id], end: this.end[id], whole: this.whole[id] === 1 };
  }

  paraOf(id: number): number {
    return this.para[id];
  }

  isWhole(id: number): boolean {
    return this.whole[id] === 1;
  }

  id(para: number, start: number, end: number, whole: boolean): number {
    if (para >= this.first.length) this.growParagraphs(para + 1);
    for (let id = this.first[para]; id >= 0; id = this.next[id]) {
      if ((this.whole[id] === 1) !== whole) continue;
      if (whole) return id;
      const inter = Math.min(this.end[id], end) - Math.max(this.start[id], start);
      const union = Math.max(this.end[id], end) - Math.min(this.start[id], start);
      if (inter > 0 && inter / union >= SAME_PASSAGE) return id;
    }
    const id = this.count++;
    if (id === this.para.length) this.grow();
    this.para[id] = para;
    this.start[id] = start;
    this.end[id] = end;
    this.whole[id] = whole ? 1 : 0;
    this.next[id] = -1;
    if (this.last[para] >= 0) this.next[this.last[para]] = id;
    else this.first[para] = id;
    this.last[para] = id;
    return id;
  }

  private grow(need = 0): void {
    const size = Math.max(need, grown(this.para.length));
    this.para = resized(this.para, size);
    this.start = resized(this.start, size);
    this.end = resized(this.end, size);
    this.next = resized(this.next, size);
    this.whole = resized(this.whole, size);
  }

  private growParagraphs(need: number): void {
    const size = Math.max(need, grown(this.first.length));
    this.first = resized(this.first, size, -1);
    this.last = resized(this.last, size, -1);
  }
}

const KINDS: readonly MatchKind[] = ['exact', 'numbers', 'near', 'partial'];
const KIND_CODE: Record<MatchKind, number> = { exact: 0, numbers: 1, near: 2, partial: 3 };

/**
 * The relations between passages, edge after edge, in typed arrays: the spans, kind and
 * similarity of each, and the exact runs (tiles) of all of them in one array. `relation(i)` gives
 * edge i's relation back as the aligner made it.
 */
export class CopyEdges implements Edges {
  private ends: Int32Array = new Int32Array(1024 * 6);
  private kinds = new Uint8Array(1024);
  private similarities = new Float64Array(1024);
  /** Edge i's tiles are tiles[tileStart[i] .. tileStart[i] + tileCount[i]); tileCount -1: none. */
  private tileStart = new Float64Array(1024);
  private tileCount: Int32Array = new Int32Array(1024);
  private tiles: Int32Array = new Int32Array(4096);
  private tileEnd = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Makes room for `more` edges beyond those held. */
  reserve(more: number): void {
    if (this.count + more > this.kinds.length) this.grow(this.count + more);
  }

  u(i: number): number {
    return this.ends[i * 6];
  }

  v(i: number): number {
    return this.ends[i * 6 + 1];
  }

  kind(i: number): MatchKind {
    return KINDS[this.kinds[i]];
  }

  similarity(i: number): number {
    return this.similarities[i];
  }

  add(u: number, v: number, rel: Relation): void {
    const i = this.count++;
    if (i === this.kinds.length) this.grow();
    const e = this.ends;
    e[i * 6] = u;
    e[i * 6 + 1] = v;
    e[i * 6 + 2] = rel.aStart;
    e[i * 6 + 3] = rel.aEnd;
    e[i * 6 + 4] = rel.bStart;
    e[i * 6 + 5] = rel.bEnd;
    this.kinds[i] = KIND_CODE[rel.kind];
    this.similarities[i] = rel.similarity;
    if (!rel.tiles) {
      this.tileCount[i] = -1;
      return;
    }
    const n = rel.tiles.length;
    if (this.tileEnd + n > this.tiles.length)
      this.tiles = resized(this.tiles, Math.max(this.tileEnd + n, grown(this.tiles.length)));
    this.tiles.set(rel.tiles, this.tileEnd);
    this.tileStart[i] = this.tileEnd;
    this.tileCount[i] = n;
    this.tileEnd += n;
  }

  /** Edge i's relation (`a` is u's side). */
  relation(i: number): Relation {
    const e = this.ends;
    const rel: Relation = {
      aStart: e[i * 6 + 2],
      aEnd: e[i * 6 + 3],
      bStart: e[i * 6 + 4],
      bEnd: e[i * 6 + 5],
      kind: KINDS[this.kinds[i]],
      similarity: this.similarities[i],
    };
    const n = this.tileCount[i];
    if (n >= 0) rel.tiles = Array.from(this.tiles.subarray(this.tileStart[i], this.tileStart[i] + n));
    return rel;
  }

  private grow(need = 0): void {
    const size = Math.max(need, grown(this.kinds.length));
    this.ends = resized(this.ends, size * 6);
    this.kinds = resized(this.kinds, size);
    this.similarities = resized(this.similarities, size);
    this.tileStart = resized(this.tileStart, size);
    this.tileCount = resized(this.tileCount, size);
  }
}

/**
 * The copies found so far: each relation between two paragraphs becomes an edge between their
 * passages. Both phases add to it; clustering reads it.
 */
export class CopyGraph {
  readonly table: PassageTable;
  readonly edges = new CopyEdges();

  constructor(private readonly tokenStart: Uint32Array) {
    this.table = new PassageTable(tokenStart.length - 1);
  }

  /**
   * Makes room for `relations` more, when their number is known (phase 1's joins): arrays grown
   * to the size, not doubled past it (at 300,000 reports, twelve million joins).
   */
  reserve(relations: number): void {
    this.edges.reserve(relations);
    this.table.reserve(relations);
  }

  /** `rel` between global paragraphs `a` and `b`. */
  add(a: number, b: number, rel: Relation): void {
    const u = this.table.id(a, rel.aStart, rel.aEnd, rel.aStart === 0 && rel.aEnd === this.length(a));
    const v = this.table.id(b, rel.bStart, rel.bEnd, rel.bStart === 0 && rel.bEnd === this.length(b));
    this.edges.add(u, v, rel);
  }

  private length(paragraph: number): number {
    return this.tokenStart[paragraph + 1] - this.tokenStart[paragraph];
  }
}
