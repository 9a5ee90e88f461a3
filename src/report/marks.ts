import type { Mark, Tone } from './types.js';

/** One finding's claim on a stretch of a paragraph. */
export interface Cover {
  start: number;
  end: number;
  tone: Tone;
  finding: number;
  /** Text spliced in: the stretch is marked as a splice whatever else covers it. */
  splice?: true;
}

/**
 * Cuts a paragraph's covers into non-overlapping marks. A stretch covered by several findings
 * becomes one mark listing them all; it is `copy` if any of them is copying, since copying is
 * what the reader must not miss; a stretch of spliced text is marked as such whatever covers it.
 * Neighbouring stretches with the same tone, findings and splice mark merge.
 */
export function paragraphMarks(length: number, covers: readonly Cover[]): Mark[] {
  const cuts = new Set<number>();
  const clipped: Cover[] = [];
  for (const c of covers) {
    const start = Math.max(0, Math.min(length, c.start));
    const end = Math.max(0, Math.min(length, c.end));
    if (end <= start) continue;
    clipped.push({ ...c, start, end });
    cuts.add(start);
    cuts.add(end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const marks: Mark[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const over = clipped.filter((c) => c.start <= start && c.end >= end);
    if (over.length === 0) continue;
    const findings = [...new Set(over.map((c) => c.finding))].sort((x, y) => x - y);
    const tone: Tone = over.some((c) => c.tone === 'copy') ? 'copy' : 'boilerplate';
    const splice = over.some((c) => c.splice);
    const prev = marks[marks.length - 1];
    if (
      prev &&
      prev.end === start &&
      prev.tone === tone &&
      (prev.splice ?? false) === splice &&
      sameList(prev.findings, findings)
    ) {
      prev.end = end;
    } else {
      marks.push(splice ? { start, end, tone, findings, splice: true } : { start, end, tone, findings });
    }
  }
  return marks;
}

function sameList(x: readonly number[], y: readonly number[]): boolean {
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
