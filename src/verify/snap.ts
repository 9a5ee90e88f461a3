/** Marks that end a clause or sentence; a passage boundary near one moves to it. */
const BOUNDARY = /[。！？；，、：,.;:!?\n]/u;
const CLOSERS = /[”’」』》）)】"']/u;
/** Farthest a boundary is moved, in characters: a word or two of a changed opening or ending. */
const REACH = 4;

/**
 * Widens a copied passage to the clause boundaries within a few characters of its ends, so it
 * reads as the clause it is: the alignment starts at the first shared character, which in
 * 坚持/秉持“小事不出村…” is 持. Never narrows, never crosses into the next clause.
 */
export function snapSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  for (let i = start - 1; i >= Math.max(0, start - REACH); i--) {
    if (BOUNDARY.test(text[i])) {
      s = i + 1;
      break;
    }
    if (i === 0) s = 0;
  }
  while (s < start && /\s/u.test(text[s])) s++;
  let e = end;
  for (let i = end; i < Math.min(text.length, end + REACH); i++) {
    if (BOUNDARY.test(text[i])) {
      e = i;
      break;
    }
    if (i === text.length - 1) e = text.length;
  }
  while (e < text.length && CLOSERS.test(text[e])) e++;
  // Keep surrogate pairs whole.
  if (s > 0 && s < text.length && /[\udc00-\udfff]/.test(text[s])) s--;
  return [s, Math.max(e, s)];
}
