import type { Analysis, Splice, Template } from '../../types.js';

/**
 * Text spliced into a copy (gambling spam on a hacked or mirrored government page: 三升体育平台
 * standing where 关于 stood in a law's title) is what one member says in a slot where every other
 * member agrees, long enough to be more than a typo, and foreign to the batch: most of its
 * character pairs occur in no other report. A place name or a count filled into a template is a
 * slot every member fills differently, and its words are the batch's own.
 */
const MIN_SPLICE_CHARS = 4;
/** Share of a value's character pairs that occur in no other report for it to be foreign. */
const FOREIGN_SHARE = 0.5;

/** A slot value one member alone has, to be checked against the batch. */
export interface Candidate {
  finding: number;
  member: number;
  paragraph: number;
  template: Template;
  slot: number;
  doc: number;
  value: string;
  canonical: string;
}

/**
 * The slot of `template` where one member says something of its own while the others agree, when
 * it is the one place the members word differently: the rest of the copy faithful (its other
 * slots names and numbers, or the edges of the passages, where one member simply starts or ends
 * elsewhere). Two rewritings of one text differ in many places; a page with spam spliced in, in
 * one.
 */
export function spliceCandidates(
  finding: number,
  template: Template,
  places: Array<{ doc: number; paragraph: number }>,
  textOf: (member: number, v: [number, number]) => string,
): Candidate[] {
  const last = template.slots.length - 1;
  const texts = template.slots.map((slot) => slot.values.map((v, i) => textOf(i, v).trim()));
  // A slot before the first shared piece or after the last: the passages start or end elsewhere.
  const edge = (s: number) =>
    (s === 0 && template.pieces[0] === '') || (s === last && template.pieces[last + 1] === '');
  const worded = template.slots.flatMap((slot, s) => (slot.kind === 'text' && !edge(s) ? [s] : []));
  if (worded.length !== 1) return [];
  const s = worded[0];
  const out: Candidate[] = [];
  texts[s].forEach((value, i) => {
    if ([...value].length < MIN_SPLICE_CHARS && value.split(/\s+/).length < 2) return;
    const others = texts[s].filter((_, j) => j !== i);
    if (others.some((t) => t === value || t !== others[0])) return;
    // Another report must say it otherwise: a report does not splice into its own text.
    if (places.every((p, j) => j === i || p.doc === places[i].doc)) return;
    out.push({
      finding,
      member: i,
      paragraph: places[i].paragraph,
      template,
      slot: s,
      doc: places[i].doc,
      value,
      canonical: others[0],
    });
  });
  return out;
}

/**
 * The candidates whose text is foreign to the batch. One pass over every report's text counts,
 * for the character pairs of the candidates alone, how many reports hold each.
 */
export function foreignSplices(candidates: Candidate[], analyses: Analysis[]): Candidate[] {
  if (candidates.length === 0) return [];
  // Pairs of UTF-16 code units: ideographs and words of every script a report uses are in the BMP.
  const pairsOf = (v: string) => {
    const t = v.replace(/\s+/g, '');
    const out: string[] = [];
    for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
    return out;
  };
  const wanted = new Map<string, Set<number>>();
  for (const c of candidates) for (const p of pairsOf(c.value)) wanted.set(p, new Set());
  const first = new Uint8Array(0x10000);
  for (const p of wanted.keys()) first[p.charCodeAt(0)] = 1;
  analyses.forEach((a, doc) => {
    for (const { text } of a.paragraphs) {
      for (let i = 0; i + 1 < text.length; i++) {
        if (first[text.charCodeAt(i)] === 1) wanted.get(text.slice(i, i + 2))?.add(doc);
      }
    }
  });
  return candidates.filter((c) => {
    const pairs = pairsOf(c.value);
    const foreign = pairs.filter((p) => [...wanted.get(p)!].every((d) => d === c.doc)).length;
    return pairs.length > 0 && foreign >= FOREIGN_SHARE * pairs.length;
  });
}

/** What a finding records of a splice: where it stands in the member, and what the others say. */
export function spliceOf(c: Candidate): Splice {
  const [start, end] = c.template.slots[c.slot].values[c.member];
  return { member: c.member, paragraph: c.paragraph, start, end, text: c.value, canonical: c.canonical };
}
