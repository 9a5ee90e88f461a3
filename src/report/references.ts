import type { ReportDocument, ReportFinding, ReportReference } from './types.js';

/**
 * The reference documents (scan --reference), each with the reports that recite it and the
 * findings it stands in: most reciting reports first, then in id order.
 */
export function buildReferences(
  documents: readonly ReportDocument[],
  findings: readonly ReportFinding[],
): ReportReference[] {
  return documents
    .filter((d) => d.reference)
    .map((d) => {
      const recitedBy = new Set<number>();
      for (const id of d.findings)
        for (const m of findings[id].members) if (!documents[m.doc].reference) recitedBy.add(m.doc);
      return {
        doc: d.id,
        path: d.path,
        chars: d.chars,
        recitedBy: [...recitedBy].sort((x, y) => x - y),
        findings: [...d.findings],
      };
    })
    .sort((x, y) => y.recitedBy.length - x.recitedBy.length || x.doc - y.doc);
}
