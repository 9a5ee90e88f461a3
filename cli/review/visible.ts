import type { Decision, Paragraph } from '../../src/types.js';
import { hasControls, showControls } from '../../src/util/controls.js';
import { resultParagraphs, type ParagraphSource } from './paragraphs.js';
import type { ReviewInput, ReviewResult } from './state.js';

/**
 * The review's input with control characters in report text, file names and notes made visible
 * (see showControls), so that no view can send `\x1b…` from a report to the terminal and every
 * view measures the width that is shown. Offsets into paragraphs stay valid: one UTF-16 unit
 * becomes one. What the review writes back (decisions) is keyed by finding key, never by text.
 */
export function visibleInput(input: ReviewInput): Required<ReviewInput> {
  return {
    result: visibleResult(input.result),
    decisions: input.decisions.map(visibleDecision),
    paragraphs: visibleParagraphs(input.paragraphs ?? resultParagraphs(input.result)),
  };
}

function visibleResult(result: ReviewResult): ReviewResult {
  if (!result.documents.some((d) => hasControls(d.path))) return result;
  return { ...result, documents: result.documents.map((d) => (hasControls(d.path) ? { ...d, path: showControls(d.path) } : d)) };
}

function visibleDecision(d: Decision): Decision {
  return hasControls(d.note) ? { ...d, note: showControls(d.note) } : d;
}

function visibleParagraph(p: Paragraph): Paragraph {
  return hasControls(p.text) ? { ...p, text: showControls(p.text) } : p;
}

/**
 * Paragraphs made visible as they are read. A report's list is converted once and kept (by the
 * list read), so redraws get the same array back without scanning it again.
 */
export function visibleParagraphs(source: ParagraphSource): ParagraphSource {
  const lists = new WeakMap<readonly Paragraph[], readonly Paragraph[]>();
  return {
    ...(source.readAll ? { readAll: () => source.readAll!() } : {}),
    ...(source.readAhead ? { readAhead: (rows: number) => source.readAhead!(rows) } : {}),
    paragraph(doc, index) {
      const p = source.paragraph(doc, index);
      return p === undefined ? undefined : visibleParagraph(p);
    },
    paragraphs(doc) {
      const list = source.paragraphs(doc);
      let shown = lists.get(list);
      if (shown === undefined) {
        shown = list.some((p) => hasControls(p.text)) ? list.map(visibleParagraph) : list;
        lists.set(list, shown);
      }
      return shown;
    },
  };
}
