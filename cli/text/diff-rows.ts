import type { DiffOp, DiffPart } from '../../src/diff/text.js';
import { graphemeWidth, splitGraphemes } from './width.js';

/** A piece of one display cell. 'pad' is blank space that keeps the two sides in step. */
export interface Segment {
  text: string;
  op: DiffOp | 'pad';
  /** True for the `[-` `-]` `{+` `+}` markers that show a change without colour. */
  mark?: boolean;
  /** True for text the caller asked to stand out (see `RowPart`), such as text spliced in. */
  highlight?: boolean;
}

/** A run of a diff, optionally to be highlighted; neighbouring runs of one op are marked as one change. */
export interface RowPart extends DiffPart {
  highlight?: boolean;
}

/** One display line of a side-by-side diff: the old text's cell and the new text's cell. */
export interface Row {
  left: Segment[];
  right: Segment[];
}

/** One display line of the stacked layout: a row's old cell ('-') or new cell ('+'). */
export interface StackedLine {
  side: 'left' | 'right';
  /** False for a row both sides share unchanged (given once, as 'left'). */
  changed: boolean;
  cells: Segment[];
}

export interface AlignOptions {
  /** Put `[-…-]` around removed and `{+…+}` around added text (counted in the width). Default true. */
  marks?: boolean;
}

/** Thrown when a layout is asked for a width it cannot honour. */
export class LayoutError extends RangeError {
  override name = 'LayoutError';
}

export const MARKS = { del: ['[-', '-]'], add: ['{+', '+}'] } as const;

/** An unbreakable piece of layout: a grapheme, possibly with a change marker glued to it. */
interface Unit {
  segs: Segment[];
  width: number;
}

/** Rows of one side, filled left to right and wrapped at `width` display columns. */
class Side {
  rows: Segment[][] = [[]];
  col = 0;
  constructor(private readonly width: number) {}

  get row(): number {
    return this.rows.length - 1;
  }

  put(unit: Unit): void {
    if (unit.width > this.width) {
      // A marked grapheme wider than the column: let the markers go on rows of their own.
      for (const seg of unit.segs) this.put({ segs: [seg], width: graphemeWidth(seg.text) });
      return;
    }
    if (this.col + unit.width > this.width && this.col > 0) this.newRow();
    for (const seg of unit.segs) this.append(seg);
    this.col += unit.width;
  }

  newRow(): void {
    this.rows.push([]);
    this.col = 0;
  }

  /** Moves forward (never back) to row r, column c, leaving blank space behind. */
  advanceTo(r: number, c: number): void {
    while (this.row < r) this.newRow();
    if (c > this.col) {
      this.append({ text: ' '.repeat(c - this.col), op: 'pad' });
      this.col = c;
    }
  }

  private append(seg: Segment): void {
    const cell = this.rows[this.row];
    const last = cell[cell.length - 1];
    const joins = last && last.op === seg.op && !last.mark && !seg.mark && !last.highlight === !seg.highlight;
    if (joins) last.text += seg.text;
    else cell.push({ ...seg });
  }
}

/**
 * Lays a diff out in two columns of at most `width` display columns each (a CJK character is
 * two), so that text the sides share starts on the same row and column on both sides: shared
 * text advances both, removed text only the left, added text only the right, and whichever side
 * is behind is padded with blanks before the next shared text. A removal followed by an addition
 * (a replacement) starts at the same column on both sides. Graphemes are never split, and so
 * neither are surrogate pairs. A '\n' in the text ends the row on the side(s) it belongs to.
 */
export function alignRows(parts: RowPart[], width: number, options: AlignOptions = {}): Row[] {
  if (!Number.isInteger(width) || width < 2) {
    throw new LayoutError(`diff column width must be an integer of at least 2, got ${width}`);
  }
  const marks = options.marks ?? true;
  const left = new Side(width);
  const right = new Side(width);

  parts.forEach((part, k) => {
    const sides = part.op === 'same' ? [left, right] : part.op === 'del' ? [left] : [right];
    if (part.op === 'same') sync(left, right);
    const marked = marks && part.op !== 'same';
    // A change split into runs (a highlighted stretch inside it) is still one change, marked once.
    const opens = marked && parts[k - 1]?.op !== part.op;
    const closes = marked && parts[k + 1]?.op !== part.op;
    const lines = part.text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) for (const side of sides) side.newRow();
      const ends = { open: marked && (opens || i > 0), close: marked && (closes || i < lines.length - 1) };
      const units = toUnits(line, part.op, ends, part.highlight === true);
      for (const unit of units) for (const side of sides) side.put(unit);
    });
  });

  const count = Math.max(left.rows.length, right.rows.length);
  const rows: Row[] = [];
  for (let r = 0; r < count; r++) rows.push({ left: left.rows[r] ?? [], right: right.rows[r] ?? [] });
  // A trailing empty row (text ending in '\n' on both sides) carries nothing.
  const last = rows[rows.length - 1];
  if (rows.length > 1 && last.left.length === 0 && last.right.length === 0) rows.pop();
  return rows;
}

/**
 * The narrow layout: each aligned row becomes up to two lines, the old text above the new, so
 * shared text still lines up vertically. A side with nothing on a row (a pure addition or
 * removal) gives no line; a row where both sides are the same shared text gives one 'left' line.
 */
export function stackRows(parts: RowPart[], width: number, options: AlignOptions = {}): StackedLine[] {
  const lines: StackedLine[] = [];
  for (const row of alignRows(parts, width, options)) {
    const leftHas = row.left.some((s) => s.op !== 'pad');
    const rightHas = row.right.some((s) => s.op !== 'pad');
    const changed = row.left.some((s) => s.op === 'del') || row.right.some((s) => s.op === 'add');
    if (!changed) {
      lines.push({ side: 'left', changed: false, cells: row.left });
      continue;
    }
    if (leftHas) lines.push({ side: 'left', changed: true, cells: row.left });
    if (rightHas) lines.push({ side: 'right', changed: true, cells: row.right });
  }
  return lines;
}

/** Display width of a cell. */
export function cellWidth(cells: Segment[]): number {
  let w = 0;
  for (const seg of cells) w += graphemeWidth(seg.text);
  return w;
}

/** Brings the side that is behind level with the other, so shared text starts at the same place. */
function sync(a: Side, b: Side): void {
  if (a.row === b.row && a.col === b.col) return;
  const aAhead = a.row > b.row || (a.row === b.row && a.col > b.col);
  const [ahead, behind] = aAhead ? [a, b] : [b, a];
  behind.advanceTo(ahead.row, ahead.col);
}

/** The graphemes of one line of a run, with the change's markers glued to its first and last. */
function toUnits(line: string, op: DiffOp, ends: { open: boolean; close: boolean }, highlight: boolean): Unit[] {
  const units: Unit[] = [];
  for (const { segment } of splitGraphemes(line)) {
    // A tab has no width of its own in string-width; show it as one blank.
    const text = segment === '\t' ? ' ' : segment;
    units.push({ segs: [highlight ? { text, op, highlight } : { text, op }], width: graphemeWidth(text) });
  }
  if (units.length === 0 || op === 'same') return units;
  const [open, close] = MARKS[op];
  if (ends.open) {
    units[0].segs.unshift({ text: open, op, mark: true });
    units[0].width += 2;
  }
  if (ends.close) {
    const lastUnit = units[units.length - 1];
    lastUnit.segs.push({ text: close, op, mark: true });
    lastUnit.width += 2;
  }
  return units;
}
