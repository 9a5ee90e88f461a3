import type { Analysis, Diagnostic, Kind, Normalized, ResultCluster, ResultMember, ScanResult, ScanSettings } from '../types.js';
import { candidatePairs } from '../lsh/candidates.js';
import { relate } from '../verify/relate.js';
import { PassageTable } from '../cluster/passages.js';
import { starClusters, type Edge } from '../cluster/star.js';
import { scoreDocuments } from '../score/score.js';
import { countChars } from '../normalize/normalize.js';
import { hashRange } from '../util/hash.js';
import { prepareParagraph } from './analyze.js';
import { MIN_WHOLE_TOKENS } from './settings.js';
import { VERSION } from '../version.js';

/** Where each paragraph of the batch sits: global paragraph number → document, paragraph. */
interface ParagraphIndex {
  offset: number[];
  doc: Uint32Array;
  para: Uint32Array;
}

function indexParagraphs(analyses: Analysis[]): ParagraphIndex {
  const offset: number[] = [];
  let total = 0;
  for (const a of analyses) {
    offset.push(total);
    total += a.paragraphs.length;
  }
  const doc = new Uint32Array(total);
  const para = new Uint32Array(total);
  analyses.forEach((a, d) => {
    for (let p = 0; p < a.paragraphs.length; p++) {
      doc[offset[d] + p] = d;
      para[offset[d] + p] = p;
    }
  });
  return { offset, doc, para };
}

const KIND_RANK: Record<Kind, number> = { exact: 0, numbers: 1, near: 2, partial: 3 };

/**
 * Batch-wide work: LSH candidates between paragraphs, alignment of each candidate pair into
 * copied passages, star clustering of the passages, scores. Document ids are array positions.
 */
export function compareAnalyses(analyses: Analysis[], settings: ScanSettings, diagnostics: Diagnostic[] = []): ScanResult {
  const index = indexParagraphs(analyses);
  const paragraphCount = index.doc.length;

  let unitCount = 0;
  for (const a of analyses) unitCount += a.unitPara.length;
  const keys = new Uint32Array(unitCount * settings.bands);
  const group = new Uint32Array(unitCount);
  let u = 0;
  analyses.forEach((a, d) => {
    keys.set(a.bandKeys, u * settings.bands);
    for (let i = 0; i < a.unitPara.length; i++) group[u + i] = index.offset[d] + a.unitPara[i];
    u += a.unitPara.length;
  });

  const pairSet = new Set<number>();
  candidatePairs({ count: unitCount, bands: settings.bands, keys, group }, (a, b) => {
    pairSet.add(a * paragraphCount + b);
  });
  const pairs = [...pairSet].sort((x, y) => x - y);

  const norms = new Map<number, Normalized>();
  const normOf = (gp: number): Normalized => {
    let n = norms.get(gp);
    if (!n) {
      n = prepareParagraph(analyses[index.doc[gp]].paragraphs[index.para[gp]].text);
      norms.set(gp, n);
    }
    return n;
  };

  const table = new PassageTable();
  const edges: Edge[] = [];
  const options = { threshold: settings.threshold, minTokens: settings.minTokens, minWholeTokens: MIN_WHOLE_TOKENS };
  for (const pair of pairs) {
    const ga = Math.floor(pair / paragraphCount);
    const gb = pair - ga * paragraphCount;
    const na = normOf(ga);
    const nb = normOf(gb);
    for (const r of relate(na, nb, options)) {
      const aWhole = r.aStart === 0 && r.aEnd === na.masked.length;
      const bWhole = r.bStart === 0 && r.bEnd === nb.masked.length;
      const pa = table.id(ga, r.aStart, r.aEnd, aWhole);
      const pb = table.id(gb, r.bStart, r.bEnd, bWhole);
      edges.push({ u: pa, v: pb, kind: r.kind, similarity: r.similarity });
    }
  }

  const docCountFloor = Math.max(3, Math.ceil(settings.boilerplateShare * analyses.length));
  const clusters: ResultCluster[] = [];
  for (const g of starClusters(table.passages.length, edges)) {
    const toMember = (node: number): ResultMember => {
      const p = table.passages[node];
      const doc = index.doc[p.para];
      const paragraph = index.para[p.para];
      if (p.whole) return { doc, paragraph };
      const n = normOf(p.para);
      return { doc, paragraph, start: n.starts[p.start], end: n.ends[p.end - 1] };
    };
    const center = toMember(g.center);
    const others = g.members
      .map((m) => toMember(m.node))
      .sort((x, y) => x.doc - y.doc || x.paragraph - y.paragraph || (x.start ?? 0) - (y.start ?? 0));
    const members = [center, ...others];
    const docs = new Set(members.map((m) => m.doc));
    let kind: Kind = 'exact';
    for (const m of g.members) if (KIND_RANK[m.kind] > KIND_RANK[kind]) kind = m.kind;
    const cp = table.passages[g.center];
    const cn = normOf(cp.para);
    const text = analyses[center.doc].paragraphs[center.paragraph].text;
    clusters.push({
      id: 0,
      scope: docs.size > 1 ? 'across' : 'within',
      kind,
      boilerplate: docs.size >= docCountFloor,
      docCount: docs.size,
      similarity: Math.round(Math.min(...g.members.map((m) => m.similarity)) * 10000) / 10000,
      chars: center.start === undefined ? countChars(text) : countChars(text, center.start, center.end),
      key: contentKey(cn.masked, cp.start, cp.end),
      members,
    });
  }
  clusters.sort(
    (x, y) =>
      Number(x.boilerplate) - Number(y.boilerplate) ||
      y.chars - x.chars ||
      x.docCount - y.docCount ||
      x.members[0].doc - y.members[0].doc ||
      x.members[0].paragraph - y.members[0].paragraph ||
      (x.members[0].start ?? 0) - (y.members[0].start ?? 0),
  );
  clusters.forEach((c, i) => (c.id = i));

  const { scores, pairs: documentPairs } = scoreDocuments(
    analyses.map((a) => ({ paragraphs: a.paragraphs, chars: a.document.chars })),
    clusters,
  );
  return {
    schema: 1,
    tool: 'refrain',
    version: VERSION,
    settings: { ...settings },
    documents: analyses.map((a, id) => ({
      id,
      path: a.document.path,
      encoding: a.document.encoding,
      format: a.document.format,
      hash: a.document.hash,
      chars: a.document.chars,
      ...scores[id],
      paragraphs: a.paragraphs.map((p) => ({ ...p })),
    })),
    clusters,
    documentPairs,
    diagnostics: [...diagnostics].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)),
  };
}

/** A finding's content key: the representative passage's comparison text (digits masked), hashed. */
function contentKey(masked: Uint32Array, start: number, end: number): string {
  const h1 = hashRange(masked, start, end, 0x1234567).toString(16).padStart(8, '0');
  const h2 = hashRange(masked, start, end, 0x7654321).toString(16).padStart(8, '0');
  return h1 + h2;
}
