import { readFileSync } from 'node:fs';
import type { ResultCluster, ScanResult } from '../../src/types.js';

export interface PairRow {
  label: 'dup' | 'not-dup';
  fileA: string;
  snippetA: string;
  fileB: string;
  snippetB: string;
  note: string;
}

/** Reads a seed-pairs.tsv: label, fileA, snippetA, fileB, snippetB, note. */
export function readPairs(path: string): PairRow[] {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.slice(1).map((line) => {
    const [label, fileA, snippetA, fileB, snippetB, note] = line.split('\t');
    return { label: label as PairRow['label'], fileA, snippetA, fileB, snippetB, note: note ?? '' };
  });
}

/** The fixtures' matching form: NFKC, whitespace removed. */
export function squash(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const n = s[i].normalize('NFKC');
    if (/\s/u.test(n)) continue;
    for (const ch of n) {
      text += ch;
      map.push(i);
    }
  }
  return { text, map };
}

/**
 * Every place the snippet stands in a file, as (paragraph, start, end) in paragraph text offsets.
 * A snippet standing twice in one file yields two places.
 */
export function locate(
  result: ScanResult,
  file: string,
  snippet: string,
): Array<{ doc: number; paragraph: number; start: number; end: number }> {
  const doc = result.documents.find((d) => d.path.endsWith(file));
  if (!doc) throw new Error(`no document for ${file}`);
  const want = squash(snippet).text;
  const places = [];
  for (const p of doc.paragraphs) {
    const { text, map } = squash(p.text);
    for (let at = text.indexOf(want); at >= 0; at = text.indexOf(want, at + 1)) {
      places.push({ doc: doc.id, paragraph: p.index, start: map[at], end: map[at + want.length - 1] + 1 });
    }
  }
  return places;
}

type Place = ReturnType<typeof locate>[number];

function holds(c: ResultCluster, place: Place): boolean {
  return c.members.some((m) => {
    if (m.doc !== place.doc) return false;
    // A run of paragraphs holds every paragraph in it.
    if (m.lastParagraph !== undefined) return m.paragraph <= place.paragraph && place.paragraph <= m.lastParagraph;
    return m.paragraph === place.paragraph && (m.start === undefined || (m.start < place.end && m.end! > place.start));
  });
}

/** The findings holding both passages (for a within-file repeat: both occurrences). */
export function findingsWithBoth(result: ScanResult, row: PairRow): ResultCluster[] {
  const a = locate(result, row.fileA, row.snippetA);
  const b = locate(result, row.fileB, row.snippetB);
  if (row.fileA === row.fileB && row.snippetA === row.snippetB) {
    if (a.length < 2) throw new Error(`expected two places for ${row.snippetA}, found ${a.length}`);
    return result.clusters.filter((c) => holds(c, a[0]) && holds(c, a[1]));
  }
  if (a.length === 0 || b.length === 0)
    throw new Error(`snippet not found: ${a.length === 0 ? row.snippetA : row.snippetB}`);
  return result.clusters.filter((c) => a.some((pa) => holds(c, pa)) && b.some((pb) => holds(c, pb)));
}
