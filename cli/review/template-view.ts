import type { ResultCluster, Template, TemplateSlot } from '../../src/types.js';
import { fitTo, oneLine, splitGraphemes, textWidth, truncate } from '../text/width.js';
import type { Line, Span } from './lines.js';
import { paragraphText, type ParagraphSource } from './paragraphs.js';
import { shortLabel } from './reports.js';
import type { ReviewResult } from './types.js';

/**
 * The template view of a finding whose members fill in one text: the skeleton they share with a
 * marker per slot, then a table of what each member put in each slot. Slot columns take the width
 * their values need; when they do not fit the screen, the widest are cut (with '…'), and when even
 * that leaves a column too narrow to read, the slots are split into bands of columns, one table
 * under the other.
 */

const INDENT = '  ';
const GAP = '  ';
/** Narrowest slot column: a marker and a kind ("[1] name"), four CJK characters. */
const MIN_COLUMN = 8;
/** A slot with no value in a member's text (it says nothing there). */
const NONE = '(none)';

export interface TemplateInput {
  result: ReviewResult;
  text: ParagraphSource;
  cluster: ResultCluster;
  width: number;
}

const marker = (slot: number) => `[${slot + 1}]`;

/** The template view's lines, before scrolling. The finding must carry a template. */
export function templateLines({ result, text, cluster: c, width }: TemplateInput): Line[] {
  const t = c.template!;
  const n = c.members.length;
  const k = t.slots.length;
  const lines: Line[] = [
    [
      {
        text: truncate(`Template: ${n} members fill ${k} slot${k === 1 ? '' : 's'} · v: the aligned diff`, width),
        style: 'bold',
      },
    ],
    ...skeletonLines(t, width),
    [],
  ];
  if (k === 0) return [...lines, [{ text: truncate(`${INDENT}no slots: every member says the same`, width) }]];
  const table = tableOf(result, text, c);
  lines.push(...tableLines(table, width));
  if (table.distances.some((d) => d !== '')) {
    lines.push([]);
    lines.push([
      {
        text: truncate('d: edit distance between the values, 0 to 1: a typo is near 0, new wording 1', width),
        style: 'dim',
      },
    ]);
  }
  return lines;
}

/**
 * The shared pieces with a marker where each slot stands, wrapped to the screen between
 * characters, never inside a marker.
 */
function skeletonLines(t: Template, width: number): Line[] {
  const units: Span[] = [];
  t.pieces.forEach((piece, i) => {
    for (const { segment } of splitGraphemes(oneLine(piece))) units.push({ text: segment });
    if (i < t.slots.length) units.push({ text: marker(i), style: 'slot' });
  });
  const room = Math.max(2, width - INDENT.length);
  const lines: Line[] = [];
  let line: Line = [];
  let used = 0;
  for (const unit of units) {
    const w = textWidth(unit.text);
    if (used + w > room && used > 0) {
      lines.push([{ text: INDENT }, ...line]);
      line = [];
      used = 0;
    }
    const last = line[line.length - 1];
    if (last && last.style === unit.style) last.text += unit.text;
    else line.push({ ...unit });
    used += w;
  }
  lines.push([{ text: INDENT }, ...line]);
  return lines;
}

interface Table {
  /** Per slot: its heading ("[2] number") and the distance shown under it ('' for none). */
  headings: string[];
  distances: string[];
  /** Per slot: true for a number slot. */
  numbers: boolean[];
  /** Per member: its report's name, and ':LINE' when the report has several members ('' else). */
  rows: { label: string; line: string; cells: Span[] }[];
}

/**
 * The edit distance is worth reading where it tells a small change from a new value: in text
 * slots (a typo, a reworded phrase) and in a name slot whose names are alike. A number is a number.
 */
function shownDistance(slot: TemplateSlot): string {
  if (slot.kind === 'number' || (slot.kind === 'name' && slot.distance >= 1)) return '';
  return `d ${slot.distance.toFixed(2)}`;
}

function tableOf(result: ReviewResult, text: ParagraphSource, c: ResultCluster): Table {
  const t = c.template!;
  const perDoc = new Map<number, number>();
  for (const m of c.members) perDoc.set(m.doc, (perDoc.get(m.doc) ?? 0) + 1);
  const rows = c.members.map((m, i) => {
    const paragraph = paragraphText(text, m.doc)(m.paragraph);
    // A report with several members (a template filled in twice in one report) names the line too.
    const line = (perDoc.get(m.doc) ?? 0) > 1 ? `:${text.paragraph(m.doc, m.paragraph)?.line ?? 0}` : '';
    const spliced = (c.splices ?? []).filter((s) => s.member === i && s.paragraph === m.paragraph);
    const cells = t.slots.map((slot): Span => {
      const [start, end] = slot.values[i] ?? [0, 0];
      if (start === end) return { text: NONE, style: 'dim' };
      const overlaps = spliced.some((s) => s.start < end && start < s.end);
      return { text: oneLine(paragraph.slice(start, end)), style: overlaps ? 'splice' : 'plain' };
    });
    return { label: shortLabel(result, m.doc), line, cells };
  });
  return {
    headings: t.slots.map((slot, j) => `${marker(j)} ${slot.kind}`),
    distances: t.slots.map(shownDistance),
    numbers: t.slots.map((slot) => slot.kind === 'number'),
    rows,
  };
}

/** The table in as many bands of slot columns as the width needs. */
function tableLines(table: Table, width: number): Line[] {
  const labelNeed = Math.max(textWidth('report'), ...table.rows.map((r) => textWidth(r.label + r.line)));
  const label = Math.max(
    4,
    Math.min(labelNeed, Math.floor(width / 4), width - INDENT.length - GAP.length - MIN_COLUMN),
  );
  const room = width - INDENT.length - label;
  // A column is never narrower than its heading: values are cut, the slot's number and kind are not.
  const minimum = table.headings.map((h) => Math.max(MIN_COLUMN, textWidth(h)));
  const natural = table.headings.map((_, j) =>
    Math.max(minimum[j], textWidth(table.distances[j]), ...table.rows.map((r) => textWidth(r.cells[j].text))),
  );
  const lines: Line[] = [];
  bandsOf(minimum, room).forEach((slots, b) => {
    if (b > 0) lines.push([]);
    const widths =
      fitWidths(
        slots.map((j) => natural[j]),
        slots.map((j) => minimum[j]),
        room,
      ) ?? slots.map((j) => minimum[j]);
    // Counts line up on their last digit; a heading stays where its column starts.
    const numbers = slots.map((j): 'left' | 'right' => (table.numbers[j] ? 'right' : 'left'));
    const row = (first: Span, cells: Span[], align = slots.map((): 'left' | 'right' => 'left')): Line => [
      { text: INDENT },
      first,
      ...cells.flatMap((cell, x): Span[] => [{ text: GAP }, { ...cell, text: fitTo(cell.text, widths[x], align[x]) }]),
    ];
    lines.push(
      row(
        { text: fitTo('report', label), style: 'bold' },
        slots.map((j) => ({ text: table.headings[j], style: 'slot' })),
      ),
    );
    if (slots.some((j) => table.distances[j] !== ''))
      lines.push(
        row(
          { text: ' '.repeat(label) },
          slots.map((j) => ({ text: table.distances[j], style: 'dim' })),
        ),
      );
    for (const r of table.rows)
      lines.push(
        row(
          // A name cut to fit keeps its line number: two members of one report stay apart.
          { text: fitTo(truncate(r.label, label - textWidth(r.line)) + r.line, label) },
          slots.map((j) => r.cells[j]),
          numbers,
        ),
      );
  });
  return lines.map((l) => clip(l, width));
}

/** Slots in bands of columns, in order, as many in each as their narrowest widths let fit in `room`. */
function bandsOf(minimum: readonly number[], room: number): number[][] {
  const bands: number[][] = [];
  let band: number[] = [];
  let used = 0;
  minimum.forEach((w, j) => {
    if (band.length > 0 && used + GAP.length + w > room) {
      bands.push(band);
      band = [];
      used = 0;
    }
    band.push(j);
    used += GAP.length + w;
  });
  if (band.length > 0) bands.push(band);
  return bands;
}

/**
 * Column widths for `natural` in `room` columns (a gap before each): as they are when they fit,
 * else the widest cut down alike, none below its `minimum`; null when the minimums do not fit.
 */
export function fitWidths(natural: readonly number[], minimum: readonly number[], room: number): number[] | null {
  const space = room - GAP.length * natural.length;
  const at = (cap: number) => natural.map((w, j) => Math.max(minimum[j], Math.min(w, cap)));
  const sum = (cap: number) => at(cap).reduce((s, w) => s + w, 0);
  if (sum(Infinity) <= space) return [...natural];
  if (sum(0) > space) return null;
  let cap = 0;
  while (sum(cap + 1) <= space) cap++;
  return at(cap);
}

/** The line cut to the screen width, in case the label or a narrow screen left no room. */
function clip(line: Line, width: number): Line {
  let used = 0;
  const out: Line = [];
  for (const span of line) {
    const w = textWidth(span.text);
    if (used + w <= width) {
      out.push(span);
      used += w;
      continue;
    }
    if (width - used > 0) out.push({ ...span, text: truncate(span.text, width - used) });
    break;
  }
  return out;
}
