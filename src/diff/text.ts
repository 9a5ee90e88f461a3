import { diffArrays, diffChars, diffWordsWithSpace, type ChangeObject } from 'diff';

/** One run of a diff: text both sides share, text only the old side has, or text only the new side has. */
export type DiffOp = 'same' | 'del' | 'add';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * The unit the diff was computed in. 'char' (CJK text), 'word' (alphabetic text) and 'token'
 * (mixed: a CJK character or a Latin word per token) are the fine levels; 'sentence' and 'whole'
 * are fallbacks for texts too different to diff finely in reasonable time.
 */
export type DiffLevel = 'char' | 'word' | 'token' | 'sentence' | 'whole';

export interface TextDiff {
  parts: DiffPart[];
  level: DiffLevel;
  /** True when the fine level was abandoned because the texts differ too much (see `maxCost`). */
  coarse: boolean;
}

export interface DiffOptions {
  /**
   * Work budget for the fine diff, in (tokens of both texts) × (edit distance). Myers' algorithm
   * costs about that much, so this bounds the time: the default keeps a 2,000-character paragraph
   * pair under roughly 30 ms even when they barely match. Over budget, the diff goes sentence-level.
   */
  maxCost?: number;
}

const DEFAULT_MAX_COST = 3_000_000;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN = /\p{Script=Latin}/u;
// Mixed text: each CJK character is a token, a run of other letters/digits is a word, a run of
// whitespace is a token, anything else (punctuation) is a token of its own.
const MIXED_TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{M}\p{N}_])+|\s+|[\s\S]/gu;
// A sentence ends at Chinese or Latin sentence punctuation (kept with it) or at a line end.
const SENTENCE = /[^。！？；!?;\n]+[。！？；!?;]*\n?|[。！？；!?;]+\n?|\n/gu;

/** The diff of two texts, at the finest level that fits the work budget. */
export function diffTexts(a: string, b: string, options: DiffOptions = {}): DiffPart[] {
  return diffTextsDetailed(a, b, options).parts;
}

/** Like `diffTexts`, and says which level was used and whether it fell back to a coarser one. */
export function diffTextsDetailed(a: string, b: string, options: DiffOptions = {}): TextDiff {
  const maxCost = options.maxCost ?? DEFAULT_MAX_COST;
  if (a === b) return { parts: a === '' ? [] : [{ op: 'same', text: a }], level: 'char', coarse: false };

  const level = pickLevel(a, b);
  const fine = diffAt(level, a, b, maxCost);
  if (fine) return { parts: fine, level, coarse: false };

  const sa = a.match(SENTENCE) ?? [];
  const sb = b.match(SENTENCE) ?? [];
  const bySentence = diffArrays(sa, sb, { maxEditLength: editBudget(sa.length, sb.length, maxCost) });
  if (bySentence) return { parts: fromChanges(bySentence), level: 'sentence', coarse: true };

  const whole: DiffPart[] = [];
  if (a) whole.push({ op: 'del', text: a });
  if (b) whole.push({ op: 'add', text: b });
  return { parts: whole, level: 'whole', coarse: true };
}

/** Character diff for CJK, word diff for alphabetic text, token diff when a pair mixes both. */
function pickLevel(a: string, b: string): 'char' | 'word' | 'token' {
  const cjk = CJK.test(a) || CJK.test(b);
  const latin = LATIN.test(a) || LATIN.test(b);
  if (cjk && latin) return 'token';
  if (latin) return 'word';
  return 'char';
}

function diffAt(level: 'char' | 'word' | 'token', a: string, b: string, maxCost: number): DiffPart[] | undefined {
  const ta = tokensFor(level, a);
  const tb = tokensFor(level, b);
  const budget = editBudget(ta.length, tb.length, maxCost);
  // A failed attempt costs as much as the budget allows, so skip it when it is sure to fail.
  if (editLowerBound(ta, tb) > budget) return undefined;
  const options = { maxEditLength: budget };
  const changes =
    level === 'char'
      ? diffChars(a, b, options)
      : level === 'word'
        ? diffWordsWithSpace(a, b, options)
        : diffArrays(ta, tb, options);
  return changes && fromChanges(changes);
}

/** The tokens the diff at this level works on (for word level, close to jsdiff's own). */
function tokensFor(level: 'char' | 'word' | 'token', s: string): string[] {
  if (level === 'char') return Array.from(s);
  if (level === 'word') return s.match(/\s+|[\p{L}\p{M}\p{N}_']+|[^\s\p{L}\p{M}\p{N}_']/gu) ?? [];
  return s.match(MIXED_TOKEN) ?? [];
}

/**
 * Edits (insertions + deletions) are at least the tokens the two texts do not have in common
 * counted as multisets, since a common subsequence can only use tokens both texts have.
 */
function editLowerBound(ta: string[], tb: string[]): number {
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const c = counts.get(t);
    if (c) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return ta.length + tb.length - 2 * common;
}

/** The largest edit distance worth computing for texts of n and m tokens. */
function editBudget(n: number, m: number, maxCost: number): number {
  return Math.max(16, Math.floor(maxCost / Math.max(1, n + m)));
}

/** jsdiff's change objects to our parts: joined token arrays, empty runs dropped, neighbours merged. */
function fromChanges(changes: ChangeObject<string>[] | ChangeObject<string[]>[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of changes) {
    const text = Array.isArray(change.value) ? change.value.join('') : change.value;
    if (text === '') continue;
    const op: DiffOp = change.added ? 'add' : change.removed ? 'del' : 'same';
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  }
  return parts;
}
