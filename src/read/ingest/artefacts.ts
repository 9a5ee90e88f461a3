/**
 * Marks that document conversion leaves in text and that are no part of what the author wrote.
 * They are removed before comparison so that a converted copy still matches its source. Add a
 * row to extend: every pattern must be global and must not match ordinary prose.
 */
export interface Artefact {
  pattern: RegExp;
  reason: string;
}

export const ARTEFACTS: readonly Artefact[] = [
  {
    pattern: /\[bookmark: ?[^\]\n]*\]/g,
    reason: 'Word bookmark (e.g. _GoBack) written out by a docx-to-text converter',
  },
  { pattern: /\[\]\{#[^}\n]*\}/g, reason: 'empty anchor span (e.g. []{#_Toc123 .anchor}) written out by pandoc' },
  { pattern: /[\u200b-\u200d\u2060\ufeff]/g, reason: 'zero-width space, joiner or byte order mark inside the text' },
  { pattern: /\u00ad/g, reason: 'soft hyphen: an invisible hyphenation hint' },
];

/** A stretch [start, end) of the input that was removed, and why. */
export interface Cut {
  start: number;
  end: number;
  reason: string;
}

/**
 * Removes conversion artefacts in one pass (the leftmost match wins; at the same place, the
 * earlier row of the table). `removed` counts the occurrences taken out; `cuts` says where they
 * were in the input, so offsets computed before (PDF page starts) can be moved with shiftOffset.
 */
export function stripArtefacts(
  text: string,
  artefacts: readonly Artefact[] = ARTEFACTS,
): { text: string; removed: number; cuts: Cut[] } {
  if (artefacts.length === 0) return { text, removed: 0, cuts: [] };
  const any = new RegExp(artefacts.map((a) => `(?:${a.pattern.source})`).join('|'), 'g');
  const sticky = artefacts.map((a) => new RegExp(a.pattern.source, 'y'));
  const cuts: Cut[] = [];
  const out = text.replace(any, (match: string, ...rest: unknown[]) => {
    const start = rest[rest.length - 2] as number;
    const which = sticky.findIndex((re) => {
      re.lastIndex = start;
      return re.test(text);
    });
    cuts.push({ start, end: start + match.length, reason: artefacts[Math.max(which, 0)].reason });
    return '';
  });
  return { text: out, removed: cuts.length, cuts };
}

/** Where an offset into the input of stripArtefacts lands in its output. */
export function shiftOffset(offset: number, cuts: readonly Cut[]): number {
  let shift = 0;
  for (const cut of cuts) {
    if (cut.start >= offset) break;
    shift += Math.min(cut.end, offset) - cut.start;
  }
  return offset - shift;
}
