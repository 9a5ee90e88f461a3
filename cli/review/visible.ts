import type { Decision, Paragraph } from '../../src/types.js';
import { hasControls, showControls } from '../../src/util/controls.js';
import { resultParagraphs, type ParagraphSource } from './paragraphs.js';
import type { ReviewInput, ReviewResult } from './types.js';

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
    reviewer: input.reviewer ?? '',
  };
}

function visibleResult(result: ReviewResult): ReviewResult {
  if (!result.documents.some((d) => hasControls(d.path))) return result;
  return {
    ...result,
    documents: result.documents.map((d) => (hasControls(d.path) ? { ...d, path: showControls(d.path) } : d)),
  };
}

function visibleDecision(d: Decision): Decision {
  return hasControls(d.note) ? { ...d, note: showControls(d.note) } : d;
}

function visibleParagraph(p: Paragraph): Paragraph {
  return hasControls(p.text) ? { ...p, text: showControls(p.text) } : p;
}

/**
 * Paragraphs made visible as they are read: each paragraph of a report's list is converted when
 * first read by index and kept, so the report view, which reads only the paragraphs on screen,
 * never scans a whole report of ten thousand paragraphs, and redraws get the same objects back.
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
        shown = lazilyVisible(list);
        lists.set(list, shown);
      }
      return shown;
    },
  };
}

/** A read-only view of `list` whose items are made visible when first read, one by one. */
function lazilyVisible(list: readonly Paragraph[]): readonly Paragraph[] {
  const done = new Map<number, Paragraph>();
  return new Proxy(list, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) {
        const index = Number(prop);
        let p = done.get(index);
        if (p === undefined && index < target.length) {
          // One read of the text: a paragraph read from a store may be costly to read again.
          const copy = { ...target[index] };
          p = hasControls(copy.text) ? { ...copy, text: showControls(copy.text) } : copy;
          done.set(index, p);
        }
        return p;
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}
