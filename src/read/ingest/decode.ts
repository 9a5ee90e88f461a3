import { TextDecoder } from 'node:util';
import { binaryKind } from './magic.js';
import { invalidUtf8Bytes } from './utf8.js';

/**
 * The text of a file and the encoding it was read in, or why it could not be read. `warnings`
 * say what was changed to make it text (bytes replaced, NUL characters removed).
 */
export type Decoded =
  { ok: true; text: string; encoding: string; warnings?: string[] } | { ok: false; message: string };

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes with U+FFFD for whatever is not valid in `label`. */
function lossyDecode(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label, { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** Share of characters that are ordinary text: letters, CJK, digits, punctuation, line ends. */
export function plausibility(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 9 ||
      c === 10 ||
      c === 13 ||
      (c >= 0x20 && c <= 0x7e) ||
      (c >= 0xa0 && c <= 0x24f) ||
      (c >= 0x370 && c <= 0x52f) ||
      (c >= 0x2000 && c <= 0x27bf) ||
      (c >= 0x3000 && c <= 0x30ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef)
    )
      good++;
  }
  return good / text.length;
}

/** Share of control characters other than tab, line ends, form feed and escape. */
function controlShare(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 0x1b) || c === 0x7f) bad++;
  }
  return text.length === 0 ? 0 : bad / text.length;
}

/**
 * Text with more control characters than this is binary. Random bytes give about 11%; a text
 * file with a terminal colour code per line about 2%.
 */
const MAX_CONTROL_SHARE = 0.1;

/** Bytes looked at to tell UTF-16 by its zero bytes. */
const SAMPLE = 65536;

/** Zero bytes in the first SAMPLE bytes, at even and at odd offsets. */
function zeros(bytes: Uint8Array): { even: number; odd: number; sample: number } {
  const n = Math.min(bytes.length, SAMPLE);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return { even, odd, sample: n };
}

/**
 * UTF-16 of mostly Latin text, told by its zero bytes: the high byte of every ASCII character,
 * so about half the bytes, all on one side. Zeros spread over both sides (a run of NUL padding,
 * stray NULs in a UTF-8 file) are not UTF-16.
 */
function utf16ByZeros(z: { even: number; odd: number; sample: number }): string | null {
  const all = z.even + z.odd;
  if (all < 0.3 * z.sample) return null;
  if (z.odd >= 0.9 * all) return 'utf-16le';
  if (z.even >= 0.9 * all) return 'utf-16be';
  return null;
}

function highShare(bytes: Uint8Array): number {
  let high = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) high++;
  return bytes.length === 0 ? 0 : high / bytes.length;
}

/**
 * UTF-16 without a byte order mark and without Latin text to show it, as Chinese text is: told
 * by the text being plausible once decoded. ASCII read as UTF-16 pairs into CJK-looking
 * characters, so a file whose bytes are almost all ASCII is never taken for it.
 */
function guessUtf16(bytes: Uint8Array, minScore: number): { text: string; label: string } | null {
  if (bytes.length % 2 !== 0 || bytes.length < 4 || highShare(bytes) < 0.1) return null;
  let best: { text: string; label: string; score: number } | null = null;
  for (const label of ['utf-16le', 'utf-16be']) {
    const text = tryDecode(label, bytes);
    if (text === null) continue;
    const score = plausibility(text);
    if (!best || score > best.score) best = { text, label, score };
  }
  return best && best.score > minScore ? best : null;
}

const withoutNul = (text: string) => text.replace(/\0/g, '');

/** A decoded text and what was replaced to get it. */
interface Candidate {
  text: string;
  encoding: string;
  replaced?: string;
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 LE/BE (with or without BOM) or
 * GB18030/GBK. A file valid in none of them but close to one (a few bad bytes) is decoded with
 * U+FFFD for the bad bytes and a warning saying how many; only a file that is not text in any
 * of them, or is mostly control characters, is binary. NUL characters are removed, with a warning.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, message: 'empty file, skipped' };
  const bom = bomDecoded(bytes);
  if (bom !== null) return finish(bom);
  const kind = binaryKind(bytes);
  if (kind !== null) return { ok: false, message: `binary file (${kind}), skipped` };
  const found = detect(bytes);
  if (found === null) return { ok: false, message: 'binary file (not text in UTF-8, UTF-16 or GB18030), skipped' };
  return finish(found);
}

function bomDecoded(bytes: Uint8Array): Candidate | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return lossy('utf-8', bytes.subarray(3), 'utf-8-bom');
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return lossy(label, bytes.subarray(2), label);
  }
  return null;
}

/** The encoding the file itself declares (a BOM) is taken even with errors, which are counted. */
function lossy(label: string, bytes: Uint8Array, encoding: string): Candidate {
  const text = lossyDecode(label, bytes);
  if (label === 'utf-8') {
    const bad = invalidUtf8Bytes(bytes);
    return bad === 0
      ? { text, encoding }
      : { text, encoding, replaced: `${count(bad)} ${bad === 1 ? 'byte' : 'bytes'} not valid UTF-8` };
  }
  if (tryDecode(label, bytes) !== null) return { text, encoding };
  const bad = replacements(text);
  return {
    text,
    encoding,
    replaced: `${count(bad)} invalid ${label.toUpperCase()} ${bad === 1 ? 'sequence' : 'sequences'}`,
  };
}

function replacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** No BOM and no binary signature: which encoding the bytes are text in, if any. */
function detect(bytes: Uint8Array): Candidate | null {
  const z = zeros(bytes);
  const utf8 = tryDecode('utf-8', bytes);
  if (z.even + z.odd > 0) {
    const byZeros = utf16ByZeros(z);
    if (byZeros !== null) {
      const utf16 = lossy(byZeros, bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1), byZeros);
      if (plausibility(utf16.text) > 0.9) return utf16;
    }
    // UTF-8 text with stray NULs (padding left by a crash, a bad export): the NULs go, the text stays.
    if (utf8 !== null && plausibility(withoutNul(utf8)) > 0.9) return { text: utf8, encoding: 'utf-8' };
    const utf16 = guessUtf16(bytes, 0.95);
    if (utf16) return { text: utf16.text, encoding: utf16.label };
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  } else {
    // Valid UTF-8 is taken as UTF-8 without trying UTF-16: decoding every file three ways was a
    // tenth of the reading time.
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
    const utf16 = guessUtf16(bytes, 0.98);
    if (utf16) return { text: utf16.text, encoding: utf16.label };
  }
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null && plausibility(gb) > 0.9) return { text: gb, encoding: 'gb18030' };
  return nearlyText(bytes);
}

/**
 * A file that is almost UTF-8 or almost GB18030: a few bytes damaged. In UTF-8 text the bad
 * bytes are a small share of its non-ASCII bytes; in GBK text read as UTF-8 nearly all of them
 * are bad, as in binary data read as either.
 */
function nearlyText(bytes: Uint8Array): Candidate | null {
  let high = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) high++;
  const badUtf8 = invalidUtf8Bytes(bytes);
  if (badUtf8 <= 0.1 * high) return lossy('utf-8', bytes, 'utf-8');
  const gb = lossyDecode('gb18030', bytes);
  const badGb = replacements(gb);
  if (badGb <= 0.05 * high && plausibility(gb) > 0.9) {
    return {
      text: gb,
      encoding: 'gb18030',
      replaced: `${count(badGb)} invalid GB18030 ${badGb === 1 ? 'sequence' : 'sequences'}`,
    };
  }
  return null;
}

function finish(found: Candidate): Decoded {
  const nuls = found.text.includes('\0') ? found.text.split('\0').length - 1 : 0;
  const text = (nuls > 0 ? withoutNul(found.text) : found.text).replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) return { ok: false, message: 'empty file (no text), skipped' };
  if (controlShare(text) > MAX_CONTROL_SHARE)
    return { ok: false, message: 'binary file (control characters), skipped' };
  const warnings: string[] = [];
  if (found.replaced) warnings.push(`${found.replaced} replaced with U+FFFD (�)`);
  if (nuls > 0) warnings.push(`${count(nuls)} NUL ${nuls === 1 ? 'character' : 'characters'} removed`);
  return warnings.length > 0
    ? { ok: true, text, encoding: found.encoding, warnings }
    : { ok: true, text, encoding: found.encoding };
}

const count = (n: number) => n.toLocaleString('en-US');
