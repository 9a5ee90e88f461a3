import { TextDecoder } from 'node:util';

/** The text of a file and the encoding it was read in, or why it could not be read. */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; message: string };

function decoder(label: string): TextDecoder {
  return new TextDecoder(label, { fatal: true, ignoreBOM: true });
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return decoder(label).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters that are ordinary text: letters, CJK, digits, punctuation, line ends. */
export function plausibility(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 9 || c === 10 || c === 13 ||
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

function controlShare(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) bad++;
  }
  return text.length === 0 ? 0 : bad / text.length;
}

const MAGIC: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (docx, xlsx…)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 LE/BE (with or without BOM) or
 * GB18030/GBK. Without a BOM, UTF-16 is told by its text being plausible once decoded (Chinese
 * in UTF-16 has no zero bytes, so zero bytes alone cannot tell it).
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, message: 'empty file, skipped' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    return text === null ? { ok: false, message: 'invalid UTF-8 after a UTF-8 byte order mark, skipped' } : checked(text, 'utf-8-bom');
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(label, bytes.subarray(2));
    return text === null ? { ok: false, message: `invalid ${label.toUpperCase()} after its byte order mark, skipped` } : checked(text, label);
  }
  for (const [name, sig] of MAGIC) {
    if (startsWith(bytes, sig)) return { ok: false, message: `binary file (${name}), skipped` };
  }
  if (hasNul(bytes)) {
    const utf16 = guessUtf16(bytes);
    return utf16 ? checked(utf16.text, utf16.label) : { ok: false, message: 'binary file, skipped' };
  }
  // Valid UTF-8 is taken as UTF-8 without trying UTF-16: decoding every file three ways was a
  // tenth of the reading time.
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return checked(utf8, 'utf-8');
  const utf16 = guessUtf16(bytes);
  if (utf16 && plausibility(utf16.text) > 0.98) return checked(utf16.text, utf16.label);
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null && plausibility(gb) > 0.9) return checked(gb, 'gb18030');
  return { ok: false, message: 'cannot decode: not UTF-8, UTF-16 or GB18030 text (binary?), skipped' };
}

function guessUtf16(bytes: Uint8Array): { text: string; label: string } | null {
  if (bytes.length % 2 !== 0 || bytes.length < 4) return null;
  let best: { text: string; label: string; score: number } | null = null;
  for (const label of ['utf-16le', 'utf-16be']) {
    const text = tryDecode(label, bytes);
    if (text === null) continue;
    const score = plausibility(text);
    if (!best || score > best.score) best = { text, label, score };
  }
  return best && best.score > 0.95 ? best : null;
}

function checked(raw: string, encoding: string): Decoded {
  const text = raw.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) return { ok: false, message: 'empty file (no text), skipped' };
  if (controlShare(text) > 0.01) return { ok: false, message: 'binary file (control characters), skipped' };
  return { ok: true, text, encoding };
}
