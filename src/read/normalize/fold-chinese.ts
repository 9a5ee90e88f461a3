import * as OpenCC from 'opencc-js/t2cn';

/**
 * Traditional Chinese folded to Simplified, one character at a time, so that a mirror of a report
 * in Traditional characters compares equal to the original. Phrase-level conversion would read
 * better but can change the length of the text; folding character by character keeps every
 * UTF-16 offset valid in the original, so findings still point at the characters the user has.
 */

type Convert = (text: string) => string;

// Taiwan and Hong Kong variants first (裡, 着…), then OpenCC's standard Traditional.
let converters: Convert[] | null = null;
function convertersOnce(): Convert[] {
  converters ??= [
    OpenCC.Converter({ from: 'tw', to: 'cn' }),
    OpenCC.Converter({ from: 'hk', to: 'cn' }),
    OpenCC.Converter({ from: 't', to: 'cn' }),
  ];
  return converters;
}

/** The first same-length conversion of one character that changes it, or the character itself. */
function convertOne(ch: string): string {
  for (const convert of convertersOnce()) {
    const out = convert(ch);
    if (out !== ch && out.length === ch.length) return out;
  }
  return ch;
}

/** Follows a character's conversions to a fixed point, so folding twice gives what folding once does. */
function fold(ch: string): string {
  let current = ch;
  for (let step = 0; step < 4; step++) {
    const next = convertOne(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

// Folded code unit per BMP code unit; 0 means not looked up yet.
const bmp = new Uint16Array(0x10000);
const astral = new Map<number, number>();

function isHan(unit: number): boolean {
  return (unit >= 0x3400 && unit <= 0x4dbf) || (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff);
}

function foldUnit(unit: number): number {
  let out = bmp[unit];
  if (out === 0) {
    const folded = fold(String.fromCharCode(unit));
    out = folded.length === 1 ? folded.charCodeAt(0) : unit;
    bmp[unit] = out;
  }
  return out;
}

function foldAstral(cp: number): number {
  let out = astral.get(cp);
  if (out === undefined) {
    const folded = fold(String.fromCodePoint(cp));
    out = folded.length === 2 && folded.codePointAt(0)! > 0xffff ? folded.codePointAt(0)! : cp;
    astral.set(cp, out);
  }
  return out;
}

function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

function stringOf(units: Uint16Array): string {
  // fromCharCode keeps lone surrogates as they were (a TextDecoder would replace them).
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

/**
 * Maps Traditional Chinese characters to Simplified. The result has the same length in UTF-16
 * code units as the input and differs only at Han characters; everything else is untouched.
 * Simplified text comes back unchanged (apart from the few characters OpenCC also folds).
 */
export function foldChinese(text: string): string {
  let out: Uint16Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x3400) continue;
    if (unit >= 0xd840 && unit <= 0xd8bf && i + 1 < text.length) {
      // Supplementary ideographs (planes 2 and 3) come as surrogate pairs.
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        const folded = foldAstral(cp);
        if (folded !== cp) {
          out ??= unitsOf(text);
          const pair = String.fromCodePoint(folded);
          out[i] = pair.charCodeAt(0);
          out[i + 1] = pair.charCodeAt(1);
        }
        i++;
      }
      continue;
    }
    if (!isHan(unit)) continue;
    const folded = foldUnit(unit);
    if (folded !== unit) {
      out ??= unitsOf(text);
      out[i] = folded;
    }
  }
  return out ? stringOf(out) : text;
}
