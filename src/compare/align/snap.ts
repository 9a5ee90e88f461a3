/** Marks that end a clause or sentence; a passage boundary near one moves to it. */
const BOUNDARY = /[。！？；，、：,.;:!?\n]/u;
const CLOSERS = /[”’」』》）)】"']/u;
/**
 * Farthest a boundary is moved to reach a clause mark, in characters: the clauses of the reports
 * are rarely longer. Past it, the passage ends at the nearest word boundary instead.
 */
const REACH = 40;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/u;

let segmenter: Intl.Segmenter | undefined;

/** Word boundaries of text[from, to) by the platform's dictionary (Chinese and Japanese have no spaces). */
function wordBoundaries(text: string, from: number, to: number): number[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: number[] = [];
  for (const s of segmenter.segment(text.slice(from, to))) out.push(from + s.index);
  out.push(to);
  return out;
}

function isIdeographic(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch);
}

/** The start moved back to the nearest word boundary at or before it. */
function wordStart(text: string, start: number): number {
  if (start <= 0 || !WORD_CHAR.test(text[start - 1]) || !WORD_CHAR.test(text[start] ?? '')) return start;
  if (isIdeographic(text[start - 1]) && isIdeographic(text[start])) {
    const from = Math.max(0, start - 8);
    const cuts = wordBoundaries(text, from, Math.min(text.length, start + 8));
    let best = from;
    for (const c of cuts) if (c <= start) best = c;
    return best;
  }
  let s = start;
  while (s > 0 && WORD_CHAR.test(text[s - 1]) && !isIdeographic(text[s - 1])) s--;
  return s;
}

/** The end moved forward to the nearest word boundary at or after it. */
function wordEnd(text: string, end: number): number {
  if (end >= text.length || !WORD_CHAR.test(text[end]) || !WORD_CHAR.test(text[end - 1] ?? '')) return end;
  if (isIdeographic(text[end - 1]) && isIdeographic(text[end])) {
    const to = Math.min(text.length, end + 8);
    for (const c of wordBoundaries(text, Math.max(0, end - 8), to)) if (c >= end) return c;
    return to;
  }
  let e = end;
  while (e < text.length && WORD_CHAR.test(text[e]) && !isIdeographic(text[e])) e++;
  return e;
}

/**
 * Widens a copied passage to the clause boundaries around it, so it reads as the clauses it is:
 * the alignment starts at the first shared character, which in 坚持/秉持“小事不出村…” is 持, and
 * ends at the last, which may be mid-word (…善于运用法). Where no clause mark is near, the passage
 * still ends on a word boundary. Never narrows.
 */
export function snapSpan(text: string, start: number, end: number): [number, number] {
  let s = -1;
  for (let i = start - 1; i >= Math.max(0, start - REACH); i--) {
    if (BOUNDARY.test(text[i])) {
      s = i + 1;
      break;
    }
    if (i === 0) s = 0;
  }
  if (start === 0) s = 0;
  if (s < 0) s = wordStart(text, start);
  while (s < start && SPACE.test(text[s])) s++;
  let e = -1;
  for (let i = end; i < Math.min(text.length, end + REACH); i++) {
    if (BOUNDARY.test(text[i])) {
      e = i;
      break;
    }
    if (i === text.length - 1) e = text.length;
  }
  if (end >= text.length) e = text.length;
  if (e < 0) e = wordEnd(text, end);
  while (e < text.length && CLOSERS.test(text[e])) e++;
  while (e > end && SPACE.test(text[e - 1])) e--;
  // Keep surrogate pairs whole.
  if (s > 0 && s < text.length && /[\udc00-\udfff]/.test(text[s])) s--;
  return [s, Math.max(e, s)];
}
