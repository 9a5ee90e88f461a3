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
  { pattern: /\[bookmark: ?[^\]\n]*\]/g, reason: 'Word bookmark (e.g. _GoBack) written out by a docx-to-text converter' },
  { pattern: /\[\]\{#[^}\n]*\}/g, reason: 'empty anchor span (e.g. []{#_Toc123 .anchor}) written out by pandoc' },
  { pattern: /[\u200b-\u200d\u2060\ufeff]/g, reason: 'zero-width space, joiner or byte order mark inside the text' },
  { pattern: /\u00ad/g, reason: 'soft hyphen: an invisible hyphenation hint' },
];

/**
 * Removes conversion artefacts. `removed` counts the occurrences taken out (0 means the text
 * is returned unchanged). Offsets into the result are not offsets into the input.
 */
export function stripArtefacts(text: string, artefacts: readonly Artefact[] = ARTEFACTS): { text: string; removed: number } {
  let removed = 0;
  let out = text;
  for (const { pattern } of artefacts) {
    out = out.replace(pattern, () => {
      removed++;
      return '';
    });
  }
  return { text: out, removed };
}
