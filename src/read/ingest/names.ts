import { lstatSync, readdirSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { utf8WithEscapes } from './utf8.js';

/**
 * File names that are not UTF-8. Unpacking a zip made on a Chinese Windows gives names in GBK
 * bytes; Node reads names as UTF-8 and turns those bytes into U+FFFD, a name that then opens
 * nothing. Such names are read as bytes and shown decoded as GB18030 (of which GBK is a part),
 * or, when they are not that either, as UTF-8 with each bad byte written `\xNN`. A shown name
 * leads back to its file through `locate`, so paths stay plain strings everywhere else (results,
 * workspaces, messages), and a worker thread or a later scan opens the same file.
 */

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

function strict(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** True when the name's bytes are UTF-8: Node's own string for it opens the file. */
export function isUtf8Name(bytes: Uint8Array): boolean {
  return strict(UTF8, bytes) !== null;
}

function decodedName(bytes: Uint8Array): string {
  const gb = strict(GB18030, bytes);
  // A name GB18030 turns into control characters or '/' is not GB18030.
  return gb !== null && !/[\u0000-\u001f\u007f/]/.test(gb) ? gb : utf8WithEscapes(bytes);
}

/**
 * How each of a folder's entries is shown. A decoded name that another entry already has is
 * written with `\xNN` escapes instead, so every shown name leads back to one file.
 */
export function displayNames(names: readonly Uint8Array[]): string[] {
  const shown = names.map((n) => strict(UTF8, n));
  const taken = new Set(shown.filter((s): s is string => s !== null));
  return names.map((n, i) => {
    const utf8 = shown[i];
    if (utf8 !== null) return utf8;
    const decoded = decodedName(n);
    if (!taken.has(decoded)) {
      taken.add(decoded);
      return decoded;
    }
    return utf8WithEscapes(n);
  });
}

/**
 * The bytes of the path a shown path stands for, found by reading each folder on the way whose
 * entry is not there under its UTF-8 spelling; null when there is no such file.
 */
export function locate(path: string): Buffer | null {
  const parts = path.split('/');
  let at: Buffer = Buffer.from(parts[0] === '' ? '/' : '');
  for (let i = parts[0] === '' ? 1 : 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === '') continue;
    const plain = Buffer.concat([at, Buffer.from(part)]);
    let next: Buffer | null = lstatSync(plain, { throwIfNoEntry: false }) ? plain : null;
    if (next === null) {
      let entries: Buffer[];
      try {
        entries = readdirSync(at.length === 0 ? '.' : at, { encoding: 'buffer' });
      } catch {
        return null;
      }
      const index = displayNames(entries).indexOf(part);
      if (index < 0) return null;
      next = Buffer.concat([at, entries[index]]);
    }
    at = i === parts.length - 1 ? next : Buffer.concat([next, Buffer.from('/')]);
  }
  return at;
}
