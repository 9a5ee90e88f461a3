import type { ResultCluster, ResultDocument, ResultDocumentPair, ScanResult } from '../types.js';
import { rankFindings } from './rank.js';
import { scoreDocuments } from './score/score.js';

/**
 * Pure: a result compared with reference documents (upstream texts every report of a kind quotes:
 * laws, plans, the national format), turned into the batch's result. Documents from `batchSize`
 * on are references: they keep no findings of their own and no ratios, and are marked
 * `reference`. A finding that holds a reference is recitation, not copying: kept out of the
 * queue (stock `recited`) unless a report spliced text into what it quotes, and counted in each
 * report's `recitedRatio`, apart from its other ratios, which are measured on the rest.
 */
export function reciteReferences(result: ScanResult, batchSize: number): ScanResult {
  const isReference = (doc: number) => doc >= batchSize;
  const kept = result.clusters.filter((c) => c.members.some((m) => !isReference(m.doc)));
  const recited = new Set<ResultCluster>();
  const clusters = kept.map((c) => {
    if (!c.members.some((m) => isReference(m.doc))) return c;
    const out: ResultCluster = c.splices ? { ...c } : { ...c, boilerplate: true, stock: 'recited' };
    recited.add(out);
    return out;
  });
  const scored = result.documents.map((d) => ({ paragraphs: d.paragraphs, chars: d.chars }));
  const copying = scoreDocuments(
    scored,
    clusters.filter((c) => !recited.has(c)),
  );
  const reciting = scoreDocuments(
    scored,
    [...recited].map((c) => ({ ...c, boilerplate: false })),
  );
  const documents = result.documents.map((d, i): ResultDocument => {
    if (isReference(i)) return { ...d, templatedRatio: 0, withinRatio: 0, boilerplateRatio: 0, reference: true };
    return { ...d, ...copying.scores[i], recitedRatio: reciting.scores[i].templatedRatio };
  });
  const documentPairs: ResultDocumentPair[] = copying.pairs.filter((p) => !isReference(p.a) && !isReference(p.b));
  return { ...result, documents, clusters: rankFindings(clusters), documentPairs };
}
