import type { ResultCluster, ScanResult, TemplateSlot } from '../types.js';
import { ReportInputError } from './errors.js';
import type { ReportFinding, ReportTemplate } from './types.js';

/**
 * What the reports show of a template (a finding whose members filled in one text): the
 * skeleton with numbered slots, each slot's kind and spread, and per member what it put there.
 */

/** A slot's kind in plain words, for headings. */
export const SLOT_WORDS: Record<TemplateSlot['kind'], string> = {
  number: 'number',
  name: 'name',
  text: 'text',
};

/** The finding's template with each member's value as text; `textOf(i)` is member i's paragraph text. */
export function reportTemplate(c: ResultCluster, textOf: (member: number) => string): ReportTemplate | undefined {
  if (!c.template) return undefined;
  return {
    pieces: [...c.template.pieces],
    slots: c.template.slots.map((s) => ({
      values: s.values.map(([start, end]): [number, number] => [start, end]),
      kind: s.kind,
      distance: s.distance,
      texts: s.values.map(([start, end], i) => textOf(i).slice(start, end)),
    })),
  };
}

/** Refuses a template whose values do not fit its members (one value per member, inside its paragraph). */
export function checkTemplate(result: ScanResult, c: ResultCluster): void {
  if (!c.template) return;
  if (c.template.pieces.length !== c.template.slots.length + 1) {
    throw new ReportInputError(
      `clusters[${c.id}].template: ${c.template.slots.length} slots need ${c.template.slots.length + 1} pieces, not ${c.template.pieces.length}`,
    );
  }
  c.template.slots.forEach((s, k) => {
    const at = `clusters[${c.id}].template.slots[${k}]`;
    if (s.values.length !== c.members.length) {
      throw new ReportInputError(`${at}: ${s.values.length} values for ${c.members.length} members`);
    }
    s.values.forEach(([start, end], i) => {
      const m = c.members[i];
      const length = result.documents[m.doc].paragraphs[m.paragraph].text.length;
      if (!(start >= 0 && start <= end && end <= length)) {
        throw new ReportInputError(
          `${at}.values[${i}]: span ${start}..${end} is outside paragraph ${m.paragraph} (length ${length})`,
        );
      }
    });
  });
}

/** How many reports (references left out) use a finding's text. */
export function reportsUsing(f: Pick<ReportFinding, 'docCount' | 'references'>): number {
  return f.docCount - f.references;
}

/**
 * The batch's template families: the findings with a template, by how many reports use them
 * (most first), then in the review order.
 */
export function templateFamilies(findings: readonly ReportFinding[]): number[] {
  return findings
    .filter((f) => f.template)
    .sort((x, y) => reportsUsing(y) - reportsUsing(x) || x.id - y.id)
    .map((f) => f.id);
}

/** The skeleton as one line, each slot written by `marker` (given its number, from 1). */
export function skeletonText(pieces: readonly string[], marker: (slot: number) => string): string {
  return pieces.map((p, i) => (i === 0 ? '' : marker(i)) + p).join('');
}

/**
 * The pieces with every one longer than `max` characters cut to its start and end around "…",
 * so a long paragraph's skeleton still shows every slot in a line or two.
 */
export function shortPieces(pieces: readonly string[], max: number): string[] {
  return pieces.map((p) => cutMiddle(p, max));
}

/** A slot as a column heading names it: "(2) number, distance 0.25". */
export function slotHeading(slot: Pick<TemplateSlot, 'kind' | 'distance'>, index: number): string {
  return `(${index + 1}) ${SLOT_WORDS[slot.kind]}, distance ${slot.distance.toFixed(2)}`;
}

/** The slots' kinds counted: "name, number ×4". */
export function slotKinds(slots: readonly Pick<TemplateSlot, 'kind'>[]): string {
  const counts = new Map<string, number>();
  for (const s of slots) counts.set(SLOT_WORDS[s.kind], (counts.get(SLOT_WORDS[s.kind]) ?? 0) + 1);
  return [...counts].map(([word, n]) => (n === 1 ? word : `${word} ×${n}`)).join(', ');
}

function cutMiddle(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}
