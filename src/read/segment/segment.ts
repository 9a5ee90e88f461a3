import type { Paragraph } from '../../types.js';
import { numberingLength } from '../normalize/normalize.js';

/** Where a paragraph came from in the document's text. */
export interface Segment extends Paragraph {
  /** Offset in the document's text of the paragraph's first character. */
  start: number;
}

interface Line {
  text: string; // trimmed
  line: number; // 1-based
  start: number; // offset of the trimmed text in the document
  blankBefore: boolean;
  /** Blank lines right before this one. */
  gapBefore: number;
  width: number;
}

const SENTENCE_END = /[。！？!?；;…:：.」』”"）)]$/u;
const BLANK = /^[\s\u3000\u00a0\u200b\ufeff]*$/u;
const TRIM = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/gu;

/** Display columns, roughly: wide (CJK) characters count two. Used only for layout heuristics. */
function columns(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += c >= 0x1100 && (c >= 0x2e80 || c <= 0x115f) ? 2 : 1;
  }
  return w;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let blank = 0;
  let offset = 0;
  let number = 1;
  for (const raw of text.split('\n')) {
    if (BLANK.test(raw)) {
      blank++;
    } else {
      const lead = raw.length - raw.replace(/^[\s\u3000\u00a0\ufeff]+/u, '').length;
      const trimmed = raw.replace(TRIM, '');
      lines.push({
        text: trimmed,
        line: number,
        start: offset + lead,
        blankBefore: blank > 0,
        gapBefore: blank,
        width: columns(trimmed),
      });
      blank = 0;
    }
    offset += raw.length + 1;
    number++;
  }
  return lines;
}

/** Longest a line pulled out of a PDF or wrapped by an editor is taken to be, in columns. */
const WRAP_MAX = 100;
/** Narrowest width at which consecutive lines are taken to be wrapped prose, in columns. */
const WRAP_MIN = 50;

/**
 * Runs of short lines each set apart by blank lines, most of them not ending a sentence: text
 * pulled out of a PDF one fragment per line. Returns, per line, whether it is in such a run, and
 * whether more blank lines set it apart than usually set the run's fragments apart (the PDF had
 * a gap there).
 */
function fragmentRuns(lines: Line[]): { inRun: boolean[]; wideGap: boolean[] } {
  const inRun = new Array<boolean>(lines.length).fill(false);
  const wideGap = new Array<boolean>(lines.length).fill(false);
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && lines[j].width <= 80 && (j === i || lines[j].blankBefore)) j++;
    const len = j - i;
    if (len >= 4) {
      let open = 0;
      for (let k = i; k < j; k++) if (!SENTENCE_END.test(lines[k].text)) open++;
      if (open / len >= 0.4) {
        const usual = usualGap(lines, i + 1, j);
        for (let k = i; k < j; k++) {
          inRun[k] = true;
          wideGap[k] = k > i && lines[k].gapBefore > usual;
        }
      }
    }
    i = Math.max(j, i + 1);
  }
  return { inRun, wideGap };
}

/** The commonest number of blank lines before lines[from, to). */
function usualGap(lines: Line[], from: number, to: number): number {
  const counts = new Map<number, number>();
  let best = 1;
  for (let k = from; k < to; k++) {
    const n = (counts.get(lines[k].gapBefore) ?? 0) + 1;
    counts.set(lines[k].gapBefore, n);
    if (n > (counts.get(best) ?? 0)) best = lines[k].gapBefore;
  }
  return best;
}

/** Longest a numbered heading runs after its numbering, in characters. */
const HEADING_MAX = 30;
const SENTENCE_INSIDE = /[。！？!?；;]/u;
const CONTINUES = /[，、,：:（(《“‘—-]$/u;
const CONTINUATION = /^[，。、；：,.;:）)」』”’]/u;

/**
 * A numbered heading of a PDF fragment run, such as （一）加强学习宣传，不断增强法治工作意识: numbering,
 * then a short phrase with no sentence in it and not broken off at a comma. Set apart from the
 * next fragment by a wider gap than the run's fragments, it ends before that fragment.
 */
function endsHeading(paragraph: string, next: string): boolean {
  const numbering = numberingLength(paragraph);
  if (numbering === 0) return false;
  const phrase = paragraph.slice(numbering);
  const chars = Array.from(phrase).length;
  return (
    chars >= 2 &&
    chars <= HEADING_MAX &&
    !SENTENCE_INSIDE.test(phrase) &&
    !CONTINUES.test(phrase) &&
    !CONTINUATION.test(next)
  );
}

/**
 * Splits a document into paragraphs. A line is a paragraph unless it is a fragment of one:
 * lines of a PDF fragment run are joined until a line starts with numbering (一、 （一） 1.) or a
 * numbered heading ends at a gap, and lines of a hard-wrapped block (editor- or mail-wrapped
 * prose) are joined until the block ends.
 */
export function segment(text: string, breaks: ReadonlySet<number> = new Set()): Segment[] {
  const lines = splitLines(text);
  const { inRun, wideGap } = fragmentRuns(lines);
  const out: Segment[] = [];
  let current: { text: string; line: number; start: number } | null = null;

  const flush = () => {
    if (current) out.push({ index: out.length, line: current.line, start: current.start, text: current.text });
    current = null;
  };

  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    const prev = lines[k - 1];
    let join = false;
    if (current && prev) {
      if (inRun[k] && inRun[k - 1]) {
        join = numberingLength(l.text) === 0 || numberingLength(prev.text) === prev.text.length;
        if (join && wideGap[k] && endsHeading(current.text, l.text)) join = false;
      } else if (!l.blankBefore && prev.width >= WRAP_MIN && prev.width <= WRAP_MAX && l.width <= WRAP_MAX) {
        join = numberingLength(l.text) === 0 && isWrappedBlock(lines, k);
      }
    }
    if (breaks.has(l.line)) join = false;
    if (join && current) {
      // Latin words at a line break need their space back; CJK text had none.
      const space =
        /[\p{L}\p{N},.;:)]$/u.test(prev.text) &&
        /^[\p{L}\p{N}(]/u.test(l.text) &&
        !/[\u2e80-\u9fff]$/u.test(prev.text) &&
        !/^[\u2e80-\u9fff]/u.test(l.text);
      (current as { text: string }).text += (space ? ' ' : '') + l.text;
    } else {
      flush();
      current = { text: l.text, line: l.line, start: l.start };
    }
  }
  flush();
  return out;
}

/** A line continues the previous one when the block's lines run to a common wrap width. */
function isWrappedBlock(lines: Line[], k: number): boolean {
  let a = k - 1;
  while (a > 0 && !lines[a].blankBefore) a--;
  let b = k;
  while (b + 1 < lines.length && !lines[b + 1].blankBefore) b++;
  let max = 0;
  for (let i = a; i <= b; i++) max = Math.max(max, lines[i].width);
  if (max > WRAP_MAX || max < WRAP_MIN) return false;
  return lines[k - 1].width >= 0.6 * max;
}
