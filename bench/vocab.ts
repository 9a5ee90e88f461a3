import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segment } from '../src/segment/segment.js';
import { stripArtefacts } from '../src/ingest/artefacts.js';

/**
 * What the generator learns from the seed reports: their paragraphs as templates (with slots for
 * the place name, years and counts) and their words, to build unrelated text on the same topic.
 */
export interface Vocabulary {
  /** Seed paragraphs with slots: {P} place name, {Y} year, {N} a count. */
  templates: string[];
  /** Words of the seeds, one entry per occurrence, so sampling follows their frequency. */
  words: string[];
  /** For each word, the words that followed it in the seeds (one entry per occurrence). */
  next: Map<string, string[]>;
  /** CJK characters of the seeds, one per occurrence: what single-character edits draw from. */
  chars: string[];
}

const HAN = /\p{Script=Han}/u;
const PLACE = /(\p{Script=Han}{2})(镇|乡|街道)/gu;
/** Shorter seed paragraphs are headings and page chrome, not templates worth copying. */
const MIN_TEMPLATE_CHARS = 40;

/** The seed's own place name: the most frequent two-character name before 镇/乡/街道. */
function placeOf(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(PLACE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  let best: string | null = null;
  let most = 1;
  for (const [name, n] of counts) if (n > most) [best, most] = [name, n];
  return best;
}

/** Turns a seed paragraph into a template: its place name, years and counts become slots. */
export function toTemplate(text: string, place: string | null): string {
  let t = place ? text.split(place).join('{P}') : text;
  t = t.replace(/20[0-3]\d(?!\d)/g, '{Y}');
  t = t.replace(/(?<![\d{])\d{1,4}(?![\d}])/g, '{N}');
  return t;
}

/** Eight-character windows of the Han characters: used to drop a seed paragraph seen already. */
function windows(text: string): string[] {
  const han = [...text].filter((c) => HAN.test(c)).join('');
  const out: string[] = [];
  for (let i = 0; i + 8 <= han.length; i += 4) out.push(han.slice(i, i + 8));
  return out;
}

export function loadVocabulary(seedDir: string): Vocabulary {
  const files = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`no seed reports (*.txt) in ${seedDir}`);
  const templates: string[] = [];
  const seen = new Set<string>();
  const words: string[] = [];
  const next = new Map<string, string[]>();
  const chars: string[] = [];
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const file of files) {
    // Conversion leftovers ([bookmark: _GoBack]) are dropped at ingest; the truth must not hold them.
    const text = stripArtefacts(readFileSync(join(seedDir, file), 'utf8')).text;
    const place = placeOf(text);
    for (const p of segment(text)) {
      // Seed 000 holds its own text twice (clean, then as PDF lines): keep the first copy only.
      const w = windows(p.text);
      const known = w.filter((x) => seen.has(x)).length;
      for (const x of w) seen.add(x);
      if (p.text.length >= MIN_TEMPLATE_CHARS && known <= w.length / 4) templates.push(toTemplate(p.text, place));
      let prev: string | null = null;
      for (const s of segmenter.segment(p.text)) {
        if (!s.isWordLike || !HAN.test(s.segment) || (place && place.includes(s.segment))) {
          prev = null;
          continue;
        }
        words.push(s.segment);
        if (prev) {
          let list = next.get(prev);
          if (!list) next.set(prev, (list = []));
          list.push(s.segment);
        }
        prev = s.segment;
      }
      for (const c of p.text) if (HAN.test(c)) chars.push(c);
    }
  }
  return { templates, words, next, chars };
}
