import type { ResultCluster, ScanResult } from '../types.js';
import { ReportInputError } from './errors.js';
import type { ReportDecision, ReportSplice } from './types.js';

/** Characters of the paragraph shown on either side of a spliced text, so it reads in its sentence. */
export const SPLICE_CONTEXT = 16;

/**
 * A finding's splices, placed: the report and line, the text around it, and the other documents
 * of the finding (reports and references), which say `canonical` where the spliced text stands.
 */
export function findingSplices(result: ScanResult, c: ResultCluster, decision?: ReportDecision): ReportSplice[] {
  return (c.splices ?? []).map((s) => {
    const m = c.members[s.member];
    const doc = result.documents[m.doc];
    const para = doc.paragraphs[s.paragraph];
    const others = [...new Set(c.members.filter((_, i) => i !== s.member).map((o) => o.doc))].sort((x, y) => x - y);
    const splice: ReportSplice = {
      finding: c.id,
      member: s.member,
      doc: m.doc,
      path: doc.path,
      paragraph: s.paragraph,
      line: para.line,
      start: s.start,
      end: s.end,
      text: s.text,
      canonical: s.canonical,
      before: tail(para.text.slice(0, s.start), SPLICE_CONTEXT),
      after: head(para.text.slice(s.end), SPLICE_CONTEXT),
      otherReports: others.filter((d) => !result.documents[d].reference),
      otherReferences: others.filter((d) => result.documents[d].reference),
    };
    if (para.page !== undefined) splice.page = para.page;
    if (decision) splice.decision = decision;
    return splice;
  });
}

/** Refuses a splice that names a member or paragraph the finding does not have. */
export function checkSplices(result: ScanResult, c: ResultCluster): void {
  (c.splices ?? []).forEach((s, k) => {
    const at = `clusters[${c.id}].splices[${k}]`;
    const m = c.members[s.member];
    if (!m) throw new ReportInputError(`${at}: the finding has no member ${s.member}`);
    const last = m.lastParagraph ?? m.paragraph;
    const para = result.documents[m.doc].paragraphs[s.paragraph];
    if (!para || s.paragraph < m.paragraph || s.paragraph > last) {
      throw new ReportInputError(`${at}: paragraph ${s.paragraph} is not in member ${s.member}`);
    }
    if (!(s.start >= 0 && s.start <= s.end && s.end <= para.text.length)) {
      throw new ReportInputError(
        `${at}: span ${s.start}..${s.end} is outside paragraph ${s.paragraph} (length ${para.text.length})`,
      );
    }
  });
}

/** Who says the canonical text instead: "the reference a.txt", "the other 3 reports", or both. */
export function insteadSources(
  s: Pick<ReportSplice, 'otherReports' | 'otherReferences'>,
  pathOf: (doc: number) => string,
): string {
  const parts: string[] = [];
  if (s.otherReferences.length > 0) {
    const names = s.otherReferences.map(pathOf).join(', ');
    parts.push(`the reference${s.otherReferences.length === 1 ? '' : 's'} ${names}`);
  }
  const n = s.otherReports.length;
  if (n > 0) parts.push(n === 1 ? `the other report (${pathOf(s.otherReports[0])})` : `the other ${n} reports`);
  return parts.join(' and ') || 'the other members';
}

/** The last `n` characters (code points). */
function tail(text: string, n: number): string {
  const chars = Array.from(text);
  return chars.length <= n ? text : `…${chars.slice(chars.length - n).join('')}`;
}

/** The first `n` characters (code points). */
function head(text: string, n: number): string {
  const chars = Array.from(text);
  return chars.length <= n ? text : `${chars.slice(0, n).join('')}…`;
}
