import type { Paragraph, ResultDocument } from '../../src/types.js';

/**
 * Where the review reads report text. The screen shows a few paragraphs at a time, so a large
 * workspace is opened without its text and paragraphs are read as they are shown. Reads must
 * give the same answer every time: the reducer calls them and stays a function of its inputs.
 * `doc` is a position in the result's `documents`, like a member's `doc`.
 */
export interface ParagraphSource {
  /** Paragraph `index` of report `doc`, or undefined when there is none. */
  paragraph(doc: number, index: number): Paragraph | undefined;
  /** Every paragraph of report `doc`, in order; empty when there is no such report. */
  paragraphs(doc: number): readonly Paragraph[];
  /**
   * Optional: makes every paragraph a finding names quick to read, before something reads them
   * all (a search). Changes no answer.
   */
  readAll?(): void;
  /** Optional: does a slice of `readAll`'s work, about `rows` paragraphs; true once all is done. */
  readAhead?(rows: number): boolean;
}

/** The text of report `doc`'s paragraphs by index ('' where there is none), as memberText reads it. */
export function paragraphText(source: ParagraphSource, doc: number): (index: number) => string {
  return (index) => source.paragraph(doc, index)?.text ?? '';
}

/** Reads paragraphs from storage. */
export interface ParagraphReader extends ParagraphSource {
  /**
   * The paragraphs findings name, a slice at a time: the ones among the next `rows` stored
   * paragraphs after those of the last call; null when there are no more.
   */
  nextMemberParagraphs?(rows: number): { doc: number; paragraph: Paragraph }[] | null;
}

/** Paragraphs read per slice by `readAll`. */
const SLICE = 5000;

/** The paragraphs carried by a full scan result's documents (none for a document without them). */
export function resultParagraphs(result: { documents: readonly object[] }): ParagraphSource {
  const documents = result.documents as readonly Partial<Pick<ResultDocument, 'paragraphs'>>[];
  const of = (doc: number): readonly Paragraph[] => documents[doc]?.paragraphs ?? [];
  return {
    paragraph: (doc, index) => of(doc)[index],
    paragraphs: of,
  };
}

/**
 * Reads through `reader` once per paragraph, and keeps the last `reports` whole reports: a key
 * press redraws the same rows or the same report, and must not go back to the disk for them.
 * Single paragraphs are all kept: at most the text the whole scan holds, reached only by a search.
 */
export function cachedParagraphs(reader: ParagraphReader, reports = 16): ParagraphSource {
  const one = new Map<number, Map<number, Paragraph | undefined>>();
  const whole = new Map<number, readonly Paragraph[]>();
  let done = !reader.nextMemberParagraphs;
  const readAhead = (rows: number): boolean => {
    if (done) return true;
    const slice = reader.nextMemberParagraphs!(rows);
    if (slice === null) return (done = true);
    for (const { doc, paragraph } of slice) {
      let ofDoc = one.get(doc);
      if (ofDoc === undefined) one.set(doc, (ofDoc = new Map<number, Paragraph | undefined>()));
      ofDoc.set(paragraph.index, paragraph);
    }
    return false;
  };
  return {
    readAhead,
    readAll() {
      while (!readAhead(SLICE));
    },
    paragraph(doc, index) {
      let ofDoc = one.get(doc);
      if (ofDoc === undefined) one.set(doc, (ofDoc = new Map<number, Paragraph | undefined>()));
      if (ofDoc.has(index)) return ofDoc.get(index);
      const p = whole.get(doc)?.[index] ?? reader.paragraph(doc, index);
      ofDoc.set(index, p);
      return p;
    },
    paragraphs(doc) {
      let list = whole.get(doc);
      if (list !== undefined) {
        // Most recently used last, so the first entry is the one to drop.
        whole.delete(doc);
      } else {
        list = reader.paragraphs(doc);
        if (whole.size >= reports) whole.delete(whole.keys().next().value!);
      }
      whole.set(doc, list);
      return list;
    },
  };
}
