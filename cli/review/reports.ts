import { shortNames } from '../text/names.js';
import type { ResultMember } from '../../src/types.js';
import type { ParagraphSource } from './paragraphs.js';
import type { ReviewResult } from './types.js';

/**
 * How the review names the documents of a scan. A reference document (`scan --reference`) is no
 * report: wherever the review names one, it says so.
 */

const namesCache = new WeakMap<object, string[]>();

/** Short names of the result's documents, worked out once per result (see `shortNames`). */
function namesOf(result: ReviewResult): string[] {
  let names = namesCache.get(result.documents);
  if (!names) namesCache.set(result.documents, (names = shortNames(result.documents.map((d) => d.path))));
  return names;
}

/** A report's short name, without saying whether it is a reference. */
export function reportName(result: ReviewResult, doc: number): string {
  return namesOf(result)[doc] ?? `report ${doc}`;
}

export function isReference(result: ReviewResult, doc: number): boolean {
  return result.documents[doc]?.reference === true;
}

/** A document's short name for a column or a list: `ref:NAME` for a reference document. */
export function shortLabel(result: ReviewResult, doc: number): string {
  const name = reportName(result, doc);
  return isReference(result, doc) ? `ref:${name}` : name;
}

/** Where a member stands, `PATH:LINE`, after `reference: ` for a reference document. */
export function placeOf(result: ReviewResult, text: ParagraphSource, m: ResultMember): string {
  const doc = result.documents[m.doc];
  const line = text.paragraph(m.doc, m.paragraph)?.line ?? 0;
  const where = `${doc?.path ?? `#${m.doc}`}:${line}`;
  return doc?.reference ? `reference: ${where}` : where;
}
