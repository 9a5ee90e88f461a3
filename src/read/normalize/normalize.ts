import type { Normalized } from '../../types.js';
import { hashString } from '../../util/hash.js';

/** The token every digit run becomes in the masked stream. */
export const DIGITS = 0xffffffff;
const WORD_BIT = 0x80000000;

/** Scripts written without spaces: one token per character. */
function isPerCharScript(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0x0e00 && cp <= 0x0eff) || // Thai, Lao
    (cp >= 0x1780 && cp <= 0x17ff) || // Khmer
    (cp >= 0x1000 && cp <= 0x109f) // Myanmar
  );
}

const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;

const enum Cls {
  Drop,
  Char,
  Letter,
  Digit,
}

/** NFKC of one code point, cached: full-width forms, circled numbers, compatibility ideographs. */
const nfkcCache = new Map<number, string>();
function nfkc(cp: number, ch: string): string {
  if (cp < 0x80) return ch;
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0);
  if (cp >= 0x4e00 && cp <= 0x9fff) return ch;
  let out = nfkcCache.get(cp);
  if (out === undefined) {
    out = ch.normalize('NFKC');
    nfkcCache.set(cp, out);
  }
  return out;
}

/** Classes of BMP code points met so far (0: not yet), offset by one: punctuation is common, and
 * each non-ASCII one cost two Unicode-property regex tests. */
const classCache = new Uint8Array(0x10000);

/** BMP code points whose NFKC form is all dropped characters (0: not yet known, 1: yes, 2: no). */
const dropCache = new Uint8Array(0x10000);

function dropsAlone(cp: number): boolean {
  let known = dropCache[cp];
  if (known === 0) {
    const ch = String.fromCharCode(cp);
    let drop = cp < 0xd800 || cp > 0xdfff;
    if (drop) for (const c of nfkc(cp, ch)) if (classify(c) !== Cls.Drop) drop = false;
    known = dropCache[cp] = drop ? 1 : 2;
  }
  return known === 1;
}

function classify(ch: string): Cls {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x10000) {
    const known = classCache[cp];
    if (known !== 0) return known - 1;
    const cls = classifyCodePoint(cp, ch);
    classCache[cp] = cls + 1;
    return cls;
  }
  return classifyCodePoint(cp, ch);
}

function classifyCodePoint(cp: number, ch: string): Cls {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return Cls.Letter;
    if (cp >= 0x30 && cp <= 0x39) return Cls.Digit;
    return Cls.Drop;
  }
  if (isPerCharScript(cp)) return Cls.Char;
  if (LETTER.test(ch)) return Cls.Letter;
  if (DIGIT.test(ch)) return Cls.Digit;
  return Cls.Drop;
}

/**
 * Numbering at the start of a paragraph (一、 （一） 1、 (1) 1. 第一， ① a)): kept in the text but
 * left out of comparison, so "4." and "5." in front of the same paragraph do not tell copies apart.
 */
const NUMBERING =
  /^\s*(?:[（(]\s*[一二三四五六七八九十百零〇\d]{1,4}\s*[)）]|[一二三四五六七八九十百]{1,4}\s*[、.．]|\d{1,3}(?:\.\d{1,3})*\s*[、.．)）](?!\d)|第[一二三四五六七八九十百\d]{1,4}[、，,：:]?|[①-⑳]|[a-zA-Z][.)](?=\s))\s*/u;

export function numberingLength(text: string): number {
  const m = NUMBERING.exec(text);
  return m ? m[0].length : 0;
}

export interface NormalizeOptions {
  /** Length-preserving character folding applied before tokenising (e.g. Traditional → Simplified). */
  fold?: (text: string) => string;
  /** Skip numbering at the start (true for paragraphs). */
  skipNumbering?: boolean;
  /** Leave `starts` and `ends` empty: comparison alone does not need them (default false). */
  noOffsets?: boolean;
}

/**
 * Turns text into comparison tokens, each mapped back to its offsets in `text`. Punctuation and
 * whitespace are dropped, so "督办和考核" and "督办、和考核" compare equal.
 */
export function normalize(text: string, options: NormalizeOptions = {}): Normalized {
  const source = options.fold ? options.fold(text) : text;
  const from = options.skipNumbering ? numberingLength(source) : 0;
  const cap = source.length;
  const tokens = new Uint32Array(cap);
  const masked = new Uint32Array(cap);
  const offsets = !options.noOffsets;
  const starts = new Uint32Array(offsets ? cap : 0);
  const ends = new Uint32Array(offsets ? cap : 0);
  let n = 0;
  let runCls = Cls.Drop;
  let run = '';
  let runStart = 0;
  let runEnd = 0;

  const flush = () => {
    if (runCls === Cls.Letter) {
      const id = (hashString(run.toLowerCase()) | WORD_BIT) >>> 0;
      tokens[n] = id;
      masked[n] = id;
    } else if (runCls === Cls.Digit) {
      tokens[n] = (hashString(run) | WORD_BIT) >>> 0;
      masked[n] = DIGITS;
    } else return;
    if (offsets) {
      starts[n] = runStart;
      ends[n] = runEnd;
    }
    n++;
    runCls = Cls.Drop;
    run = '';
  };

  for (let i = from; i < source.length; ) {
    const cp = source.codePointAt(i)!;
    // Fast path for the common case, a CJK ideograph: a token of its own, nothing to fold.
    if (cp >= 0x4e00 && cp <= 0x9fff) {
      if (runCls !== Cls.Drop) flush();
      tokens[n] = cp;
      masked[n] = cp;
      if (offsets) {
        starts[n] = i;
        ends[n] = i + 1;
      }
      n++;
      i++;
      continue;
    }
    // Punctuation and spaces (most of what is not an ideograph): dropped, nothing to fold. Inside
    // a number a point or comma may continue it, so that case takes the long way.
    if (cp < 0x10000 && runCls !== Cls.Digit && dropsAlone(cp)) {
      flush();
      i++;
      continue;
    }
    const width = cp > 0xffff ? 2 : 1;
    const raw = width === 2 ? source.slice(i, i + 2) : source[i];
    const norm = nfkc(cp, raw);
    for (const ch of norm) {
      const cls = classify(ch);
      if (cls === Cls.Char) {
        flush();
        const id = ch.codePointAt(0)!;
        tokens[n] = id;
        masked[n] = id;
        if (offsets) {
          starts[n] = i;
          ends[n] = i + width;
        }
        n++;
      } else if (cls === Cls.Letter || cls === Cls.Digit) {
        // Decimal points and thousands separators stay inside a number: 3.8, 1,000.
        if (cls !== runCls) {
          flush();
          runCls = cls;
          runStart = i;
        }
        run += ch;
        runEnd = i + width;
      } else if (runCls === Cls.Digit && (ch === '.' || ch === ',') && DIGIT.test(source[i + 1] ?? '')) {
        run += ch;
      } else {
        flush();
      }
    }
    i += width;
  }
  flush();
  // Without offsets the result is read once and dropped (the reading threads copy it into their
  // streams): views, not copies.
  if (!offsets) return { tokens: tokens.subarray(0, n), masked: masked.subarray(0, n), starts, ends };
  return {
    tokens: tokens.slice(0, n),
    masked: masked.slice(0, n),
    starts: starts.slice(0, n),
    ends: ends.slice(0, n),
  };
}

/** Non-whitespace characters (code points) in text[start, end): what ratios are measured in. */
export function countChars(text: string, start = 0, end = text.length): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a surrogate pair
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0) continue;
    count++;
  }
  return count;
}
