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
  /** Return views of the working arrays, not trimmed copies: for a result read at once and dropped. */
  views?: boolean;
}

/**
 * Turns text into comparison tokens, each mapped back to its offsets in `text`. Punctuation and
 * whitespace are dropped, so "督办和考核" and "督办、和考核" compare equal.
 */
export function normalize(text: string, options: NormalizeOptions = {}): Normalized {
  const source = options.fold ? options.fold(text) : text;
  const out = new TokenSink(source.length, !options.noOffsets, options.views ?? false);
  const word = new WordRun();
  for (let i = options.skipNumbering ? numberingLength(source) : 0; i < source.length;) {
    const cp = source.codePointAt(i)!;
    // Fast path for the common case, a CJK ideograph: a token of its own, nothing to fold.
    if (cp >= 0x4e00 && cp <= 0x9fff) {
      word.flush(out);
      out.push(cp, cp, i, i + 1);
      i++;
    } else if (cp < 0x10000 && word.cls !== Cls.Digit && dropsAlone(cp)) {
      // Punctuation and spaces (most of what is not an ideograph): dropped, nothing to fold.
      // Inside a number a point or comma may continue it, so that case takes the long way.
      word.flush(out);
      i++;
    } else {
      i = foldAndTokenize(source, i, cp, out, word);
    }
  }
  word.flush(out);
  return out.result();
}

/** One character that is not a plain ideograph or punctuation: NFKC-folded, then tokenised. Returns the next index. */
function foldAndTokenize(source: string, i: number, cp: number, out: TokenSink, word: WordRun): number {
  const width = cp > 0xffff ? 2 : 1;
  const raw = width === 2 ? source.slice(i, i + 2) : source[i];
  for (const ch of nfkc(cp, raw)) {
    const cls = classify(ch);
    if (cls === Cls.Char) {
      word.flush(out);
      const id = ch.codePointAt(0)!;
      out.push(id, id, i, i + width);
    } else if (cls === Cls.Letter || cls === Cls.Digit) {
      word.add(cls, ch, i, i + width, out);
    } else if (word.cls === Cls.Digit && (ch === '.' || ch === ',') && DIGIT.test(source[i + 1] ?? '')) {
      // Decimal points and thousands separators stay inside a number: 3.8, 1,000.
      word.run += ch;
    } else {
      word.flush(out);
    }
  }
  return i + width;
}

/** The tokens of one text as they are made, with their offsets when wanted. */
class TokenSink {
  private n = 0;
  private readonly tokens: Uint32Array;
  private readonly masked: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;

  constructor(
    cap: number,
    private readonly offsets: boolean,
    private readonly views: boolean,
  ) {
    this.tokens = new Uint32Array(cap);
    this.masked = new Uint32Array(cap);
    this.starts = new Uint32Array(offsets ? cap : 0);
    this.ends = new Uint32Array(offsets ? cap : 0);
  }

  push(token: number, masked: number, start: number, end: number): void {
    this.tokens[this.n] = token;
    this.masked[this.n] = masked;
    if (this.offsets) {
      this.starts[this.n] = start;
      this.ends[this.n] = end;
    }
    this.n++;
  }

  result(): Normalized {
    const n = this.n;
    // Without offsets the result is read once and dropped (the reading threads copy it into their
    // streams): views, not copies.
    if (!this.offsets || this.views)
      return {
        tokens: this.tokens.subarray(0, n),
        masked: this.masked.subarray(0, n),
        starts: this.starts.subarray(0, this.offsets ? n : 0),
        ends: this.ends.subarray(0, this.offsets ? n : 0),
      };
    return {
      tokens: this.tokens.slice(0, n),
      masked: this.masked.slice(0, n),
      starts: this.starts.slice(0, n),
      ends: this.ends.slice(0, n),
    };
  }
}

/** A word or number being read: one token once it ends. */
class WordRun {
  cls = Cls.Drop;
  run = '';
  private start = 0;
  private end = 0;

  add(cls: Cls, ch: string, start: number, end: number, out: TokenSink): void {
    if (cls !== this.cls) {
      this.flush(out);
      this.cls = cls;
      this.start = start;
    }
    this.run += ch;
    this.end = end;
  }

  flush(out: TokenSink): void {
    if (this.cls === Cls.Letter) {
      const id = (hashString(this.run.toLowerCase()) | WORD_BIT) >>> 0;
      out.push(id, id, this.start, this.end);
    } else if (this.cls === Cls.Digit) {
      out.push((hashString(this.run) | WORD_BIT) >>> 0, DIGITS, this.start, this.end);
    } else return;
    this.cls = Cls.Drop;
    this.run = '';
  }
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
