/**
 * The UTF-8 sequence starting at `i` (Unicode's table 3-7: no overlong forms, surrogates or code
 * points past U+10FFFF): its length when well formed, else minus the length of its ill-formed
 * part (the lead byte and the continuation bytes valid before it broke off), which is what a
 * decoder replaces with one U+FFFD.
 */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0) return -1;
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  let k = 1;
  while (k < length && i + k < bytes.length) {
    const c = bytes[i + k];
    if (!(k === 1 ? c >= low && c <= high : c >= 0x80 && c <= 0xbf)) break;
    k++;
  }
  return k === length ? k : -k;
}

/** Bytes that are not part of a well-formed UTF-8 sequence: what a decoder replaces with U+FFFD. */
export function invalidUtf8Bytes(bytes: Uint8Array): number {
  let bad = 0;
  for (let i = 0; i < bytes.length;) {
    const n = sequenceAt(bytes, i);
    if (n < 0) bad -= n;
    i += Math.abs(n);
  }
  return bad;
}

/** UTF-8 with each byte that is not part of a well-formed sequence written as `\xNN`. */
export function utf8WithEscapes(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8');
  let out = '';
  let run = 0;
  for (let i = 0; i < bytes.length;) {
    const n = sequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += decoder.decode(bytes.subarray(run, i));
    for (let k = 0; k < -n; k++) out += `\\x${bytes[i + k].toString(16).toUpperCase().padStart(2, '0')}`;
    i -= n;
    run = i;
  }
  return out + decoder.decode(bytes.subarray(run));
}
