import levenshtein from 'fast-levenshtein';
import { DIGITS, normalize } from '../../read/normalize/normalize.js';
import { foldChinese } from '../../read/normalize/fold-chinese.js';
import type { Template, TemplateSlot as Slot } from '../../types.js';
import { alignTokens } from './lcs.js';

/** One member's text as the template sees it. */
export interface MemberText {
  text: string;
  /** Where `text` starts in the member's paragraph: slot offsets are given in the paragraph. */
  base: number;
}

/** The text of a value given as [start, end) in the member's paragraph. */
export function valueText(member: MemberText, [start, end]: [number, number]): string {
  return member.text.slice(start - member.base, end - member.base);
}

export type { Template, TemplateSlot as Slot } from '../../types.js';
type SlotKind = Slot['kind'];

/**
 * A shared stretch shorter than this (in CJK characters; a word of an alphabetic script counts 2.5)
 * between two differences is part of the slot it stands in: one character in common (的, 和)
 * between two rewordings is not skeleton. Next to a number it is: 年, 份, 场次.
 */
const MIN_PIECE_UNITS = 2;

/**
 * Most slots a template has: a text filled in has a handful (a place, a year, some counts); one
 * whose members differ in more places reads as a near copy, through its diff.
 */
export const MAX_SLOTS = 12;

interface Tokens {
  tokens: Uint32Array;
  masked: Uint32Array;
  /** Per token: a number (digits), whose neighbours are a template's fixed words (年, 场次, rules). */
  digits: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

function tokensOf(text: string): Tokens {
  const n = normalize(text, { fold: foldChinese, views: true });
  const digits = new Uint8Array(n.masked.length);
  for (let i = 0; i < digits.length; i++) if (n.masked[i] === DIGITS) digits[i] = 1;
  return { tokens: n.tokens, masked: n.masked, digits, starts: n.starts, ends: n.ends };
}

/**
 * Edits (insertions plus deletions) past which two members are not one text filled in: a third of
 * their tokens, and a few more for short ones. The skeleton gate (two thirds shared) needs no more.
 */
const maxEdits = (a: Tokens, b: Tokens) => Math.ceil((a.tokens.length + b.tokens.length) / 3) + 8;

function sameTokens(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Member `t` aligned on the representative: the same once digits are masked is the same position. */
function mapOnto(rep: Tokens, t: Tokens): Int32Array | undefined {
  if (sameTokens(rep.masked, t.masked)) return Int32Array.from(rep.tokens, (_, i) => i);
  return alignTokens(rep.tokens, t.tokens, maxEdits(rep, t));
}

/**
 * The skeleton and slots of members that were written from one text; slots are `number` or
 * `text` (nameSlots tells names among the latter). Undefined when the members share nothing long
 * enough to be a skeleton, or are too far apart to be one text filled in. Pure, so it runs on the
 * comparison's worker threads.
 */
export function templateOf(members: MemberText[]): Template | undefined {
  if (members.length < 2) return undefined;
  // Members often say the same text word for word: each text is tokenised and aligned once.
  const seen = new Map<string, { toks: Tokens; map: Int32Array | undefined }>();
  const rep = tokensOf(members[0].text);
  const aligned = members.map((m, i) => {
    let known = seen.get(m.text);
    if (!known) {
      const toks = i === 0 ? rep : tokensOf(m.text);
      known = { toks, map: i === 0 ? undefined : mapOnto(rep, toks) };
      seen.set(m.text, known);
    }
    return known;
  });
  const toks = aligned.map((a) => a.toks);
  const maps: Int32Array[] = [];
  for (let i = 1; i < members.length; i++) {
    const map = aligned[i].map ?? (members[i].text === members[0].text ? mapOnto(rep, rep) : undefined);
    if (!map) return undefined;
    maps.push(map);
  }
  const runs = skeletonRuns(rep, maps);
  // More gaps than a readable table has slots: copies with edits scattered through them, which
  // the aligned diff shows better than a template could.
  if (runs.length === 0 || runs.length > MAX_SLOTS + 1) return undefined;
  const pieces = [''];
  const slots: Slot[] = [];
  // Gap k stands before run k; the last gap, after the final run. A gap the same in every member
  // is shared text; any other is a slot.
  for (let k = 0; k <= runs.length; k++) {
    const values = members.map((m, i) => valueBetween(m, toks[i], i === 0 ? null : maps[i - 1], runs[k - 1], runs[k]));
    const textOf = (v: [number, number], i: number) => valueText(members[i], v);
    const texts = values.map(textOf);
    if (texts.every((t) => t === texts[0])) pieces[pieces.length - 1] += texts[0];
    else {
      if (slots.length === MAX_SLOTS) return undefined;
      // Punctuation and spaces every value starts or ends with belong to the skeleton.
      const [head, tail] = sharedEdges(texts);
      pieces[pieces.length - 1] += texts[0].slice(0, head);
      const trimmed = values.map(([s, e]): [number, number] => [s + head, e - tail]);
      const inner = trimmed.map(textOf);
      slots.push({ values: trimmed, kind: kindOf(inner, trimmed, () => false), distance: distanceOf(inner) });
      pieces.push(texts[0].slice(texts[0].length - tail));
    }
    if (k < runs.length) pieces[pieces.length - 1] += pieceText(members[0], rep, runs[k]);
  }
  return { pieces, slots };
}

type Run = [number, number];

const EDGE = /[\p{P}\p{Z}\s]/u;

/** How many punctuation and space characters every text starts with, and ends with. */
function sharedEdges(texts: string[]): [number, number] {
  const shortest = Math.min(...texts.map((t) => t.length));
  let head = 0;
  while (head < shortest && EDGE.test(texts[0][head]) && texts.every((t) => t[head] === texts[0][head])) head++;
  let tail = 0;
  const at = (t: string) => t[t.length - 1 - tail];
  while (tail < shortest - head && EDGE.test(at(texts[0])) && texts.every((t) => at(t) === at(texts[0]))) tail++;
  return [head, tail];
}

/** Runs [from, to) of the representative's tokens aligned, in sequence, in every other member. */
function skeletonRuns(rep: Tokens, maps: Int32Array[]): Run[] {
  const length = rep.tokens.length;
  const runs: Run[] = [];
  const units = (from: number, to: number) => {
    let u = 0;
    for (let p = from; p < to; p++) u += rep.ends[p] - rep.starts[p] > 1 ? 2.5 : 1;
    return u;
  };
  const byNumber = (from: number, to: number) => rep.digits[from - 1] === 1 || rep.digits[to] === 1;
  let start = -1;
  const inAll = (p: number) => maps.every((m) => m[p] >= 0);
  const follows = (p: number) => maps.every((m) => m[p] === m[p - 1] + 1);
  for (let p = 0; p <= length; p++) {
    const keep = p < length && inAll(p);
    if (start >= 0 && (!keep || !follows(p))) {
      if (units(start, p) >= MIN_PIECE_UNITS || byNumber(start, p)) runs.push([start, p]);
      start = -1;
    }
    if (keep && start < 0) start = p;
  }
  return runs;
}

/** A member's text between the end of run `before` and the start of run `after`, in paragraph offsets. */
function valueBetween(
  member: MemberText,
  toks: Tokens,
  map: Int32Array | null,
  before: Run | undefined,
  after: Run | undefined,
): [number, number] {
  const at = (p: number) => (map ? map[p] : p);
  const start = before ? toks.ends[at(before[1] - 1)] : 0;
  const end = after ? toks.starts[at(after[0])] : member.text.length;
  return [member.base + start, member.base + end];
}

function pieceText(member: MemberText, toks: Tokens, run: Run): string {
  return member.text.slice(toks.starts[run[0]], toks.ends[run[1] - 1]);
}

const DIGITS_ONLY = /^[\p{Nd}\s.,，、%％]*$/u;

/**
 * Turns the `text` slots of `template` that are names into `name` slots: every member fills them,
 * differently, and each value occurs again in its own report outside the member
 * (`recurs(member, start, end)`): a report's own place name, unit or year does, a rewording not.
 */
export function nameSlots(
  template: Template,
  members: MemberText[],
  recurs: (member: number, start: number, end: number) => boolean,
): void {
  for (const slot of template.slots) {
    if (slot.kind !== 'text') continue;
    const texts = slot.values.map((v, i) => valueText(members[i], v));
    slot.kind = kindOf(texts, slot.values, recurs);
  }
}

function kindOf(
  texts: string[],
  values: Array<[number, number]>,
  recurs: (member: number, start: number, end: number) => boolean,
): SlotKind {
  const trimmed = texts.map((t) => t.trim());
  if (trimmed.every((t) => DIGITS_ONLY.test(t))) return 'number';
  // A name is filled in by every member, differently: a word one member adds or drops is not.
  if (trimmed.some((t) => t === '') || new Set(trimmed).size < 2) return 'text';
  const named = values.every(([s, e], i) => DIGITS_ONLY.test(trimmed[i]) || recurs(i, s, e));
  return named ? 'name' : 'text';
}

function distanceOf(texts: string[]): number {
  let worst = 0;
  for (let i = 1; i < texts.length; i++) {
    if (texts[i] === texts[0]) continue;
    const longer = Math.max(texts[i].length, texts[0].length);
    worst = Math.max(worst, levenshtein.get(texts[0], texts[i]) / longer);
  }
  return Math.round(worst * 1000) / 1000;
}
