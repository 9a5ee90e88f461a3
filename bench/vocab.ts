import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segment } from '../src/read/segment/segment.js';
import { stripArtefacts } from '../src/read/ingest/artefacts.js';

/**
 * What the generator learns from the seed reports: their paragraphs as templates (with slots for
 * the place name, years and counts), their words, to build unrelated text on the same topic, and
 * the phrases several of them share, the genre's stock formulas.
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
  /** Phrases (8–35 characters, no clause punctuation, no digits) found in two or more seed reports. */
  recurring: string[];
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

/** Windows of the Han characters, `size` long, every `step`: used to drop a seed paragraph seen already. */
function windows(text: string, size = 8, step = 4): string[] {
  const han = [...text].filter((c) => HAN.test(c)).join('');
  const out: string[] = [];
  for (let i = 0; i + size <= han.length; i += step) out.push(han.slice(i, i + size));
  return out;
}

/** Han characters in a row that a report saying the same thing twice shares; stock phrases are shorter. */
const OWN_RUN = 20;

const PHRASE_WINDOW = 8;
const PHRASE_MAX = 35;
/** What ends a clause: a stock phrase never spans one. */
const CLAUSE_BREAK = /[，。；：！？,.;:!?\n()（）【】[\]\s\d{}]/u;
/** Characters a phrase does not start or end with: joiners and open or close marks left by the cut. */
const EDGE = /^[、的和与及之“”《》'"]+|[、的和与及之“《'"]+$/gu;

/** Quotes and title marks open before they close, and all close. */
function balanced(s: string): boolean {
  let title = 0;
  let quote = 0;
  for (const c of s) {
    if (c === '《') title++;
    else if (c === '》' && --title < 0) return false;
    else if (c === '“') quote++;
    else if (c === '”' && --quote < 0) return false;
  }
  return title === 0 && quote === 0;
}

/** Numbered headings (一、 …) are stock of their own kind, not phrases to put inside prose. */
const NUMBERED = /^[一二三四五六七八九十]+、/u;
/** Two seeds sharing eight characters is often two words meeting by chance; ten is a phrase. */
const PAIR_MIN = 10;

/**
 * Phrases several seed reports share: maximal runs covered by 8-character windows that stand in
 * two or more reports, kept when the whole run does too (at least 10 characters, or 8 when three
 * reports share it), trimmed to clean edges, and dropped when a longer kept phrase holds them. Sorted by how many reports share them, then length.
 */
export function recurringPhrases(texts: string[]): string[] {
  const reportsOf = new Map<string, number>();
  const windowsOf = (t: string, visit: (w: string, at: number) => void) => {
    for (let i = 0; i + PHRASE_WINDOW <= t.length; i++) {
      const w = t.slice(i, i + PHRASE_WINDOW);
      if (!CLAUSE_BREAK.test(w)) visit(w, i);
    }
  };
  for (const t of texts) {
    const seen = new Set<string>();
    windowsOf(t, (w) => seen.add(w));
    for (const w of seen) reportsOf.set(w, (reportsOf.get(w) ?? 0) + 1);
  }
  const found = new Map<string, number>();
  for (const t of texts) {
    const covered = new Uint8Array(t.length);
    windowsOf(t, (w, at) => {
      if ((reportsOf.get(w) ?? 0) >= 2) covered.fill(1, at, at + PHRASE_WINDOW);
    });
    for (let i = 0; i < t.length;) {
      let j = i;
      while (j < t.length && covered[j]) j++;
      const phrase = t.slice(i, j).replace(EDGE, '');
      const reports = texts.filter((x) => x.includes(phrase)).length;
      const long = reports >= 3 ? phrase.length >= PHRASE_WINDOW : reports >= 2 && phrase.length >= PAIR_MIN;
      if (long && phrase.length <= PHRASE_MAX && balanced(phrase) && !NUMBERED.test(phrase)) found.set(phrase, reports);
      i = j + 1;
    }
  }
  const phrases = [...found.keys()].sort(
    (a, b) => found.get(b)! - found.get(a)! || b.length - a.length || (a < b ? -1 : 1),
  );
  return phrases.filter((p) => !phrases.some((q) => q !== p && q.length > p.length && q.includes(p)));
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
  const reports: string[] = [];
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const file of files) {
    // Conversion leftovers ([bookmark: _GoBack]) are dropped at ingest; the truth must not hold them.
    const text = stripArtefacts(readFileSync(join(seedDir, file), 'utf8')).text;
    const place = placeOf(text);
    const paragraphs = segment(text);
    const ownRuns = new Set<string>();
    // Place names are not stock: a phrase naming the seed's town is cut there.
    reports.push(paragraphs.map((p) => (place ? p.text.split(place).join('\n') : p.text)).join('\n'));
    for (const p of paragraphs) {
      // Seed 000 holds its own text twice (clean, then as PDF lines, joined differently): keep the
      // first copy only, so two templates are never copies of each other. Across seeds, shared
      // runs are the genre's formulas (kept, and marked as stock in the truth).
      const w = windows(p.text);
      const known = w.filter((x) => seen.has(x)).length;
      for (const x of w) seen.add(x);
      const runs = windows(p.text, OWN_RUN, 1);
      const repeated = runs.some((x) => ownRuns.has(x));
      for (const x of runs) ownRuns.add(x);
      if (p.text.length >= MIN_TEMPLATE_CHARS && known <= w.length / 4 && !repeated)
        templates.push(toTemplate(p.text, place));
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
  return { templates, words, next, chars, recurring: recurringPhrases(reports) };
}
