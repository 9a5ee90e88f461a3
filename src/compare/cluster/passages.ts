import type { Relation } from '../align/relate.js';
import type { Edge } from './star.js';

/** A passage: a whole paragraph or a token range of one, identified across relations. */
export interface Passage {
  /** Global paragraph number (over the whole batch). */
  para: number;
  start: number;
  end: number;
  whole: boolean;
}

/** Two spans of one paragraph overlapping this much (intersection over union) are one passage. */
const SAME_PASSAGE = 0.6;

/**
 * Gives one id to a passage however many relations name it, so that a clause copied into five
 * reports becomes one node with five edges, not five unrelated nodes.
 */
export class PassageTable {
  readonly passages: Passage[] = [];
  private byPara = new Map<number, number[]>();

  id(para: number, start: number, end: number, whole: boolean): number {
    let list = this.byPara.get(para);
    if (!list) {
      list = [];
      this.byPara.set(para, list);
    }
    for (const id of list) {
      const p = this.passages[id];
      if (p.whole !== whole) continue;
      if (whole) return id;
      const inter = Math.min(p.end, end) - Math.max(p.start, start);
      const union = Math.max(p.end, end) - Math.min(p.start, start);
      if (inter > 0 && inter / union >= SAME_PASSAGE) return id;
    }
    const id = this.passages.length;
    this.passages.push({ para, start, end, whole });
    list.push(id);
    return id;
  }
}

/** A relation between two passages, as clustering sees it. */
export interface CopyEdge extends Edge {
  rel: Relation;
}

/**
 * The copies found so far: each relation between two paragraphs becomes an edge between their
 * passages. Both phases add to it; clustering reads it.
 */
export class CopyGraph {
  readonly table = new PassageTable();
  readonly edges: CopyEdge[] = [];

  constructor(private readonly tokenStart: Uint32Array) {}

  /** `rel` between global paragraphs `a` and `b`. */
  add(a: number, b: number, rel: Relation): void {
    const u = this.table.id(a, rel.aStart, rel.aEnd, rel.aStart === 0 && rel.aEnd === this.length(a));
    const v = this.table.id(b, rel.bStart, rel.bEnd, rel.bStart === 0 && rel.bEnd === this.length(b));
    this.edges.push({ u, v, kind: rel.kind, similarity: rel.similarity, rel });
  }

  private length(paragraph: number): number {
    return this.tokenStart[paragraph + 1] - this.tokenStart[paragraph];
  }
}
