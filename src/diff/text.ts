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
  if (level === 'char') {
    const n = countCodePoints(a);
    const m = countCodePoints(b);
    const changes = diffChars(a, b, { maxEditLength: editBudget(n, m, maxCost) });
    return changes && fromChanges(changes);
  }
  if (level === 'word') {
    // Word counts are estimated from whitespace runs: close enough for a budget.
    const n = (a.match(/\s+/g)?.length ?? 0) * 2 + 1;
    const m = (b.match(/\s+/g)?.length ?? 0) * 2 + 1;
    const changes = diffWordsWithSpace(a, b, { maxEditLength: editBudget(n, m, maxCost) });
    return changes && fromChanges(changes);
  }
  const ta = a.match(MIXED_TOKEN) ?? [];
  const tb = b.match(MIXED_TOKEN) ?? [];
  const changes = diffArrays(ta, tb, { maxEditLength: editBudget(ta.length, tb.length, maxCost) });
  return changes && fromChanges(changes);
}

/** The largest edit distance worth computing for texts of n and m tokens. */
function editBudget(n: number, m: number, maxCost: number): number {
  return Math.max(16, Math.floor(maxCost / Math.max(1, n + m)));
}

function countCodePoints(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: count it once.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
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
