import { describe, expect, it } from 'vitest';
import { round, scoreDocuments } from '../../../src/compare/score/score.js';
import { countChars } from '../../../src/read/normalize/normalize.js';
import type { Paragraph, ResultCluster, ResultMember } from '../../../src/types.js';

type Doc = { paragraphs: Paragraph[]; chars: number };

function makeDoc(texts: string[]): Doc {
  const paragraphs = texts.map((text, index) => ({ index, line: index + 1, text }));
  return { paragraphs, chars: texts.reduce((n, t) => n + countChars(t), 0) };
}

function cluster(members: ResultMember[], boilerplate = false): ResultCluster {
  const docCount = new Set(members.map((m) => m.doc)).size;
  return {
    id: 0,
    scope: docCount > 1 ? 'across' : 'within',
    kind: 'exact',
    boilerplate,
    docCount,
    similarity: 1,
    chars: 0,
    content: 0,
    key: '',
    members,
  };
}

/**
 * The scores worked out the plain way: mark every covered character position, then count the
 * marked positions countChars would count. Slow, but with nothing shared with the code under test.
 */
function oracle(docs: Doc[], clusters: ResultCluster[]) {
  const marks = () => docs.map((d) => d.paragraphs.map((p) => new Uint8Array(p.text.length)));
  const across = marks();
  const within = marks();
  const boiler = marks();
  const pairMarks = new Map<string, [Uint8Array[], Uint8Array[]]>();
  const mark = (rows: Uint8Array[], doc: number, member: ResultMember) => {
    const text = docs[doc].paragraphs[member.paragraph].text;
    const [s, e] = member.start === undefined ? [0, text.length] : [member.start, member.end!];
    for (let i = s; i < e; i++) rows[member.paragraph][i] = 1;
  };
  const counted = (m: Uint8Array[], d: number) => {
    let n = 0;
    m.forEach((row, p) => row.forEach((on, i) => (n += on ? countChars(docs[d].paragraphs[p].text, i, i + 1) : 0)));
    return n;
  };
  const ratio = (m: Uint8Array[], d: number) => (docs[d].chars === 0 ? 0 : round(counted(m, d) / docs[d].chars));
  for (const c of clusters) {
    const docIds = [...new Set(c.members.map((m) => m.doc))].sort((a, b) => a - b);
    for (const d of docIds) {
      const mine = c.members.filter((m) => m.doc === d);
      const firstKey = Math.min(...mine.map((m) => m.paragraph * 1e6 + (m.start ?? 0)));
      const first = mine.findIndex((m) => m.paragraph * 1e6 + (m.start ?? 0) === firstKey);
      mine.forEach((m, i) => {
        if (c.boilerplate) mark(boiler[d], d, m);
        else {
          if (docIds.length > 1) mark(across[d], d, m);
          if (i !== first) mark(within[d], d, m);
        }
      });
    }
    if (c.boilerplate || docIds.length < 2 || docIds.length > 50) continue;
    for (const a of docIds)
      for (const b of docIds) {
        if (b <= a) continue;
        const key = `${a},${b}`;
        if (!pairMarks.has(key)) pairMarks.set(key, [marks()[a], marks()[b]]);
        const [ma, mb] = pairMarks.get(key)!;
        for (const m of c.members) if (m.doc === a) mark(ma, a, m);
        for (const m of c.members) if (m.doc === b) mark(mb, b, m);
      }
  }
  return {
    scores: docs.map((_, d) => ({
      templatedRatio: ratio(across[d], d),
      withinRatio: ratio(within[d], d),
      boilerplateRatio: ratio(boiler[d], d),
    })),
    pairs: [...pairMarks]
      .map(([key, [ma, mb]]) => {
        const [a, b] = key.split(',').map(Number);
        return { a, b, sharedRatio: Math.max(ratio(ma, a), ratio(mb, b)) };
      })
      .sort((x, y) => x.a - y.a || x.b - y.b),
  };
}

/** A small deterministic generator, so a failing case can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const PIECES = ['法治政府建设', '，', ' ', '\u3000', '2023年', 'ab cd', '😀', '\t', '。', '依法行政'];

function randomCase(seed: number) {
  const r = rng(seed);
  const docs: Doc[] = [];
  const docCount = 2 + r(8);
  for (let d = 0; d < docCount; d++) {
    const texts: string[] = [];
    const paragraphs = d > 0 && r(5) === 0 ? 0 : 1 + r(5);
    for (let p = 0; p < paragraphs; p++) {
      let t = '';
      for (let k = 1 + r(8); k > 0; k--) t += PIECES[r(PIECES.length)];
      texts.push(t);
    }
    docs.push(makeDoc(texts));
  }
  const withText = docs.map((d, i) => i).filter((i) => docs[i].paragraphs.length > 0);
  const clusters: ResultCluster[] = [];
  for (let c = 1 + r(8); c > 0; c--) {
    const members: ResultMember[] = [];
    for (let k = 2 + r(6); k > 0; k--) {
      const doc = withText[r(withText.length)];
      const paragraph = r(docs[doc].paragraphs.length);
      const len = docs[doc].paragraphs[paragraph].text.length;
      if (r(3) === 0) members.push({ doc, paragraph });
      else {
        const start = r(len);
        members.push({ doc, paragraph, start, end: start + 1 + r(len - start) });
      }
    }
    // As the pipeline builds them: the representative first, the others by document and place;
    // some clusters are left in arbitrary order, which scoring must not depend on.
    if (r(3) > 0) {
      const rest = members
        .slice(1)
        .sort((x, y) => x.doc - y.doc || x.paragraph - y.paragraph || (x.start ?? 0) - (y.start ?? 0));
      members.splice(1, members.length - 1, ...rest);
    }
    clusters.push(cluster(members, r(6) === 0));
  }
  return { docs, clusters };
}

describe('scoreDocuments', () => {
  it('counts two documents sharing one whole paragraph and one repeated inside a document', () => {
    const docs = [makeDoc(['甲乙丙丁', '戊己', '甲乙丙丁']), makeDoc(['甲乙丙丁', '庚辛壬癸子丑'])];
    const clusters = [
      cluster([
        { doc: 0, paragraph: 0 },
        { doc: 0, paragraph: 2 },
        { doc: 1, paragraph: 0 },
      ]),
      cluster(
        [
          { doc: 1, paragraph: 1, start: 0, end: 2 },
          { doc: 1, paragraph: 1, start: 1, end: 4 },
        ],
        true,
      ),
    ];
    const { scores, pairs } = scoreDocuments(docs, clusters);
    // Document 0: paragraphs 0 and 2 are shared (8 of 10 characters); paragraph 2 repeats 0.
    expect(scores[0]).toEqual({ templatedRatio: 0.8, withinRatio: 0.4, boilerplateRatio: 0 });
    // Document 1: the shared paragraph is 4 of 10; boilerplate spans 0..2 and 1..4 cover 4, and
    // count towards neither copying ratio (one repeating the other is stock text repeated).
    expect(scores[1]).toEqual({ templatedRatio: 0.4, withinRatio: 0, boilerplateRatio: 0.4 });
    expect(pairs).toEqual([{ a: 0, b: 1, sharedRatio: 0.8 }]);
  });

  it('leaves clusters of more than 50 documents out of the pairs, and gives empty documents 0', () => {
    const docs = Array.from({ length: 52 }, () => makeDoc(['同一段文字内容']));
    docs.push(makeDoc([]));
    const all = cluster(docs.slice(0, 51).map((_, doc) => ({ doc, paragraph: 0 })));
    const { scores, pairs } = scoreDocuments(docs, [all]);
    expect(pairs).toEqual([]);
    expect(scores[0].templatedRatio).toBe(1);
    expect(scores[51].templatedRatio).toBe(0);
    expect(scores[52]).toEqual({ templatedRatio: 0, withinRatio: 0, boilerplateRatio: 0 });
  });

  it('takes a document pair from several clusters as the union of its spans', () => {
    const docs = [makeDoc(['一二三四五六七八九十']), makeDoc(['一二三四五六七八九十', '另外一段'])];
    const clusters = [
      cluster([
        { doc: 0, paragraph: 0, start: 0, end: 6 },
        { doc: 1, paragraph: 0, start: 0, end: 6 },
      ]),
      cluster([
        { doc: 0, paragraph: 0, start: 4, end: 8 },
        { doc: 1, paragraph: 0, start: 4, end: 8 },
      ]),
    ];
    expect(scoreDocuments(docs, clusters).pairs).toEqual([{ a: 0, b: 1, sharedRatio: 0.8 }]);
  });

  it('agrees with a position-by-position count on random batches', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { docs, clusters } = randomCase(seed);
      const expected = oracle(docs, clusters);
      expect(scoreDocuments(docs, clusters), `seed ${seed}`).toEqual(expected);
      const counted = docs.map((d) => ({ ...d, paragraphChars: d.paragraphs.map((p) => countChars(p.text)) }));
      expect(scoreDocuments(counted, clusters), `seed ${seed}, counts given`).toEqual(expected);
    }
  });

  it('uses given paragraph counts for whole paragraphs', () => {
    const docs = [makeDoc(['甲乙丙丁']), makeDoc(['甲乙丙丁'])];
    const given = docs.map((d) => ({ ...d, paragraphChars: [2] }));
    const { scores } = scoreDocuments(given, [
      cluster([
        { doc: 0, paragraph: 0 },
        { doc: 1, paragraph: 0 },
      ]),
    ]);
    expect(scores[0].templatedRatio).toBe(0.5);
  });
});
