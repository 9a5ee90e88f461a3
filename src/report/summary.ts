import type { ResultDocument, ScanResult } from '../types.js';
import { decisionSpan } from './decisions.js';
import type {
  DecisionEntry,
  PastRankedDocument,
  RankedDocument,
  ReportDocument,
  ReportFinding,
  ReportSummary,
} from './types.js';

/** The batch's reports: neither a past workspace's (scan --against) nor a reference (scan --reference). */
function inBatch(d: ResultDocument): boolean {
  return d.past === undefined && !d.reference;
}

/**
 * The batch's figures. Past reports (scan --against) and reference documents (scan --reference)
 * are counted apart and weigh in no share.
 */
export function buildSummary(
  result: ScanResult,
  findings: readonly ReportFinding[],
  decisions: readonly DecisionEntry[],
  splices: number,
): ReportSummary {
  const batch = result.documents.filter(inBatch);
  const references = result.documents.filter((d) => d.reference).length;
  const chars = batch.reduce((s, d) => s + d.chars, 0);
  const weighted = (ratio: (d: ResultDocument) => number) =>
    chars === 0 ? 0 : batch.reduce((s, d) => s + ratio(d) * d.chars, 0) / chars;
  const span = decisionSpan(decisions);
  const summary: ReportSummary = {
    documents: batch.length,
    pastDocuments: result.documents.filter((d) => d.past !== undefined && !d.reference).length,
    referenceDocuments: references,
    splices,
    findings: findings.length,
    acrossFindings: findings.filter((f) => f.scope === 'across').length,
    withinFindings: findings.filter((f) => f.scope === 'within').length,
    boilerplateFindings: findings.filter((f) => f.boilerplate).length,
    decided: findings.filter((f) => f.decision).length,
    chars,
    templatedShare: weighted((d) => d.templatedRatio),
    withinShare: weighted((d) => d.withinRatio),
    boilerplateShare: weighted((d) => d.boilerplateRatio),
    reviewers: span.reviewers,
  };
  if (batch.some((d) => d.pastRatio !== undefined)) summary.pastShare = weighted((d) => d.pastRatio ?? 0);
  if (batch.some((d) => d.recitedRatio !== undefined)) summary.recitedShare = weighted((d) => d.recitedRatio ?? 0);
  if (span.from !== undefined) summary.decidedFrom = span.from;
  if (span.to !== undefined) summary.decidedTo = span.to;
  return summary;
}

/** The batch's reports, most templated first (ties: lower id first). */
export function rankDocuments(result: ScanResult): RankedDocument[] {
  return result.documents
    .filter(inBatch)
    .map((d) => {
      const ranked: RankedDocument = {
        doc: d.id,
        path: d.path,
        templatedRatio: d.templatedRatio,
        withinRatio: d.withinRatio,
        boilerplateRatio: d.boilerplateRatio,
      };
      if (d.pastRatio !== undefined) ranked.pastRatio = d.pastRatio;
      if (d.recitedRatio !== undefined) ranked.recitedRatio = d.recitedRatio;
      return ranked;
    })
    .sort((x, y) => y.templatedRatio - x.templatedRatio || x.doc - y.doc);
}

/**
 * The past reports, most shared with the batch first (ties: lower id first): what an auditor
 * asks of last year's reports is which were reused this year, and by which report.
 */
export function rankPastDocuments(documents: readonly ReportDocument[]): PastRankedDocument[] {
  const shared = (d: ReportDocument) => d.sharesMost.find((s) => documents[s.doc].past === undefined);
  return documents
    .filter((d) => d.past !== undefined && !d.reference)
    .map((d): PastRankedDocument => {
      const top = shared(d);
      return top === undefined
        ? { doc: d.id, path: d.path, past: d.past! }
        : { doc: d.id, path: d.path, past: d.past!, sharesMost: top };
    })
    .sort((x, y) => (y.sharesMost?.sharedRatio ?? 0) - (x.sharesMost?.sharedRatio ?? 0) || x.doc - y.doc);
}
