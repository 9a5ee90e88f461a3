import type { ResultCluster, ResultDocumentPair, ScanResult } from '../types.js';
import { decisionEntries, latestDecisions } from './decisions.js';
import { ReportInputError } from './errors.js';
import { findingTone, memberPieces, memberText, worthReadingFirst } from './finding.js';
import { paragraphMarks, type Cover } from './marks.js';
import { shortNames } from './names.js';
import { orderDocuments } from './order.js';
import { buildReferences } from './references.js';
import { checkSplices, findingSplices } from './splices.js';
import { buildSummary, rankDocuments, rankPastDocuments } from './summary.js';
import { checkTemplate, reportTemplate, templateFamilies } from './templates.js';
import type {
  Report,
  ReportDecision,
  ReportDocument,
  ReportFinding,
  ReportInput,
  ReportMember,
  SharedWith,
} from './types.js';

/** How many reports each report lists as sharing most with it. */
export const TOP_SHARED = 5;
/** How many findings the Markdown report and the HTML summary put first. */
export const TOP_FINDINGS = 20;

export { ReportInputError };

/** Computes everything the reporters show. Pure; the input is not modified. */
export function buildReport(input: ReportInput): Report {
  const { result } = input;
  checkResult(result);
  const decisions = latestDecisions(input.decisions);
  const findings = result.clusters.map((c) => buildFinding(result, c, decisions.get(c.key)));
  const pairs = normalisePairs(result.documentPairs);
  const documents = buildDocuments(result, findings, pairs);
  const entries = decisionEntries(findings);
  const decided = new Set(entries.map((e) => e.key));
  const splices = findings.flatMap((f) => f.splices ?? []);
  const report: Report = {
    tool: result.tool,
    version: result.version,
    settings: { ...result.settings },
    summary: buildSummary(result, findings, entries, splices.length),
    ranking: rankDocuments(result),
    pastRanking: rankPastDocuments(documents),
    references: buildReferences(documents, findings),
    splices,
    templates: templateFamilies(findings),
    // References are no reports: the heatmap, which compares reports, leaves them out.
    order: orderDocuments(result.documents.length, pairs).filter((d) => !result.documents[d].reference),
    pairs,
    documents,
    findings,
    topFindings: worthReadingFirst(findings).slice(0, TOP_FINDINGS),
    decisions: entries,
    otherDecisions: [...decisions.keys()].filter((k) => !decided.has(k)).length,
    diagnostics: result.diagnostics.map((d) => ({ ...d })),
  };
  if (result.scan) report.scan = structuredClone(result.scan);
  return report;
}

function checkResult(result: ScanResult): void {
  if (!result || result.schema !== 1 || !Array.isArray(result.documents) || !Array.isArray(result.clusters)) {
    throw new ReportInputError('not a refrain scan result (schema 1)');
  }
  result.documents.forEach((d, i) => {
    if (d.id !== i) throw new ReportInputError(`documents[${i}]: id is ${d.id}, expected ${i}`);
  });
  result.clusters.forEach((c, i) => {
    if (c.id !== i) throw new ReportInputError(`clusters[${i}]: id is ${c.id}, expected ${i}`);
    c.members.forEach((m, j) => {
      const at = `clusters[${i}].members[${j}]`;
      const doc = result.documents[m.doc];
      if (!doc) throw new ReportInputError(`${at}: document ${m.doc} does not exist`);
      const para = doc.paragraphs[m.paragraph];
      if (!para) throw new ReportInputError(`${at}: document ${m.doc} has no paragraph ${m.paragraph}`);
      if (m.lastParagraph !== undefined && !(m.lastParagraph > m.paragraph && doc.paragraphs[m.lastParagraph])) {
        throw new ReportInputError(`${at}: document ${m.doc} has no paragraphs ${m.paragraph}..${m.lastParagraph}`);
      }
      const start = m.start ?? 0;
      const end = m.end ?? para.text.length;
      if (start < 0 || end > para.text.length || start > end) {
        throw new ReportInputError(
          `${at}: span ${start}..${end} is outside paragraph ${m.paragraph} (length ${para.text.length})`,
        );
      }
    });
    checkTemplate(result, c);
    checkSplices(result, c);
  });
  for (const [i, p] of result.documentPairs.entries()) {
    if (!result.documents[p.a] || !result.documents[p.b]) {
      throw new ReportInputError(`documentPairs[${i}]: document ${result.documents[p.a] ? p.b : p.a} does not exist`);
    }
  }
}

function buildFinding(result: ScanResult, c: ResultCluster, decision: ReportDecision | undefined): ReportFinding {
  const members: ReportMember[] = c.members.map((m) => {
    const doc = result.documents[m.doc];
    const para = doc.paragraphs[m.paragraph];
    const member: ReportMember = {
      doc: m.doc,
      path: doc.path,
      paragraph: m.paragraph,
      line: para.line,
      text: memberText(m, (p) => doc.paragraphs[p].text),
    };
    if (para.page !== undefined) member.page = para.page;
    if (doc.reference) member.reference = true;
    if (m.start !== undefined) member.start = m.start;
    if (m.end !== undefined) member.end = m.end;
    if (m.lastParagraph !== undefined) {
      member.lastParagraph = m.lastParagraph;
      member.lastLine = doc.paragraphs[m.lastParagraph].line;
    }
    return member;
  });
  const finding: ReportFinding = {
    id: c.id,
    key: c.key,
    scope: c.scope,
    kind: c.kind,
    boilerplate: c.boilerplate,
    content: c.content,
    docCount: c.docCount,
    similarity: c.similarity,
    chars: c.chars,
    members,
    pastReports: docsWhere(c, (d) => d.past !== undefined),
    references: docsWhere(c, (d) => d.reference === true),
  };
  if (c.stock) finding.stock = c.stock;
  if (c.parts) finding.parts = c.parts.map((part) => part.map((m) => ({ ...m })));
  if (decision) finding.decision = decision;
  const template = reportTemplate(c, (i) => result.documents[c.members[i].doc].paragraphs[c.members[i].paragraph].text);
  if (template) finding.template = template;
  if (c.splices) finding.splices = findingSplices(result, c, decision);
  return finding;

  /** How many of the documents the finding stands in are such. */
  function docsWhere(c: ResultCluster, such: (d: ScanResult['documents'][number]) => boolean): number {
    return new Set(c.members.filter((m) => such(result.documents[m.doc])).map((m) => m.doc)).size;
  }
}

function normalisePairs(pairs: readonly ResultDocumentPair[]): ResultDocumentPair[] {
  return pairs
    .filter((p) => p.a !== p.b)
    .map((p) => (p.a < p.b ? { ...p } : { a: p.b, b: p.a, sharedRatio: p.sharedRatio }))
    .sort((x, y) => x.a - y.a || x.b - y.b);
}

function buildDocuments(
  result: ScanResult,
  findings: readonly ReportFinding[],
  pairs: readonly ResultDocumentPair[],
): ReportDocument[] {
  const covers = result.documents.map((d) => d.paragraphs.map((): Cover[] => []));
  const docFindings = result.documents.map(() => new Set<number>());
  for (const f of findings) {
    const tone = findingTone(f);
    // A run of paragraphs is highlighted where its copies are, not over the paragraphs between.
    for (const m of f.parts ? f.parts.flat() : f.members) {
      docFindings[m.doc].add(f.id);
      if (tone === null) continue;
      const lengthOf = (p: number) => result.documents[m.doc].paragraphs[p].text.length;
      for (const piece of memberPieces(m, lengthOf))
        covers[m.doc][piece.paragraph].push({ start: piece.start, end: piece.end, tone, finding: f.id });
    }
    // Spliced text is what a reader must never miss: marked whatever the reviewer decided.
    for (const s of f.splices ?? [])
      covers[s.doc][s.paragraph].push({ start: s.start, end: s.end, tone: 'copy', finding: f.id, splice: true });
  }
  const shared = result.documents.map((): SharedWith[] => []);
  for (const p of pairs) {
    shared[p.a].push({ doc: p.b, path: result.documents[p.b].path, sharedRatio: p.sharedRatio });
    shared[p.b].push({ doc: p.a, path: result.documents[p.a].path, sharedRatio: p.sharedRatio });
  }
  const labels = shortNames(result.documents.map((d) => d.path));
  return result.documents.map((d) => ({
    id: d.id,
    path: d.path,
    label: labels[d.id],
    ...(d.past === undefined ? {} : { past: d.past }),
    ...(d.pastRatio === undefined ? {} : { pastRatio: d.pastRatio }),
    ...(d.reference ? { reference: true as const } : {}),
    ...(d.recitedRatio === undefined ? {} : { recitedRatio: d.recitedRatio }),
    encoding: d.encoding,
    format: d.format,
    chars: d.chars,
    templatedRatio: d.templatedRatio,
    withinRatio: d.withinRatio,
    boilerplateRatio: d.boilerplateRatio,
    paragraphs: d.paragraphs.map((p, i) => {
      const para = {
        index: p.index,
        line: p.line,
        text: p.text,
        marks: paragraphMarks(p.text.length, covers[d.id][i]),
      };
      return p.page === undefined ? para : { ...para, page: p.page };
    }),
    sharesMost: shared[d.id]
      .filter((s) => s.sharedRatio > 0)
      .sort((x, y) => y.sharedRatio - x.sharedRatio || x.doc - y.doc)
      .slice(0, TOP_SHARED),
    findings: [...docFindings[d.id]].sort((x, y) => x - y),
  }));
}
