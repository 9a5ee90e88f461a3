import type { ResultCluster, ResultDocumentPair, Paragraph } from '../types.js';
import { countChars } from '../normalize/normalize.js';

type Interval = [number, number];

/** Non-overlapping coverage of paragraphs, counted in characters. */
class Coverage {
  private byPara = new Map<number, Interval[]>();
  add(paragraph: number, start: number, end: number): void {
    let list = this.byPara.get(paragraph);
    if (!list) this.byPara.set(paragraph, (list = []));
    list.push([start, end]);
  }
  chars(paragraphs: Paragraph[]): number {
    let total = 0;
    for (const [para, list] of this.byPara) {
      const text = paragraphs[para].text;
      list.sort((x, y) => x[0] - y[0]);
      let [s, e] = list[0];
      for (const [a, b] of list.slice(1)) {
        if (a <= e) e = Math.max(e, b);
        else {
          total += countChars(text, s, e);
          [s, e] = [a, b];
        }
      }
      total += countChars(text, s, e);
    }
    return total;
  }
}

export interface DocumentScores {
  templatedRatio: number;
  withinRatio: number;
  boilerplateRatio: number;
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function span(m: { paragraph: number; start?: number; end?: number }, paragraphs: Paragraph[]): Interval {
  return m.start === undefined ? [0, paragraphs[m.paragraph].text.length] : [m.start, m.end!];
}

/** Clusters with more documents than this are left out of pairwise figures (they are chrome). */
const MAX_PAIR_DOCS = 50;

/**
 * Per document: share of its characters found in other documents (templated), repeated inside it
 * (within: every occurrence after the first), and found in boilerplate. Per pair of documents:
 * the larger of the two shares of each one's characters found in the other, boilerplate aside.
 */
export function scoreDocuments(
  docs: Array<{ paragraphs: Paragraph[]; chars: number }>,
  clusters: ResultCluster[],
): { scores: DocumentScores[]; pairs: ResultDocumentPair[] } {
  const across = docs.map(() => new Coverage());
  const within = docs.map(() => new Coverage());
  const boiler = docs.map(() => new Coverage());
  const pairCover = new Map<string, [Coverage, Coverage]>();

  for (const c of clusters) {
    const byDoc = new Map<number, ResultCluster['members']>();
    for (const m of c.members) {
      let list = byDoc.get(m.doc);
      if (!list) byDoc.set(m.doc, (list = []));
      list.push(m);
    }
    for (const [doc, members] of byDoc) {
      const paragraphs = docs[doc].paragraphs;
      const sorted = [...members].sort((x, y) => x.paragraph - y.paragraph || (x.start ?? 0) - (y.start ?? 0));
      sorted.forEach((m, i) => {
        const [s, e] = span(m, paragraphs);
        if (byDoc.size > 1) across[doc].add(m.paragraph, s, e);
        if (i > 0) within[doc].add(m.paragraph, s, e);
        if (c.boilerplate) boiler[doc].add(m.paragraph, s, e);
      });
    }
    if (c.boilerplate || byDoc.size < 2 || byDoc.size > MAX_PAIR_DOCS) continue;
    const ids = [...byDoc.keys()].sort((x, y) => x - y);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]},${ids[j]}`;
        let pc = pairCover.get(key);
        if (!pc) pairCover.set(key, (pc = [new Coverage(), new Coverage()]));
        for (const m of byDoc.get(ids[i])!) pc[0].add(m.paragraph, ...span(m, docs[ids[i]].paragraphs));
        for (const m of byDoc.get(ids[j])!) pc[1].add(m.paragraph, ...span(m, docs[ids[j]].paragraphs));
      }
  }
  const ratio = (c: Coverage, d: number) => (docs[d].chars === 0 ? 0 : round(c.chars(docs[d].paragraphs) / docs[d].chars));
  const scores = docs.map((_, d) => ({
    templatedRatio: ratio(across[d], d),
    withinRatio: ratio(within[d], d),
    boilerplateRatio: ratio(boiler[d], d),
  }));
  const pairs: ResultDocumentPair[] = [];
  for (const [key, [ca, cb]] of pairCover) {
    const [a, b] = key.split(',').map(Number);
    pairs.push({ a, b, sharedRatio: Math.max(ratio(ca, a), ratio(cb, b)) });
  }
  pairs.sort((x, y) => x.a - y.a || x.b - y.b);
  return { scores, pairs };
}
