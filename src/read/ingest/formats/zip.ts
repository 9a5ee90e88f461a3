/** A file inside a zip: its name and the size it unpacks to, as the zip's directory declares. */
export interface ZipEntry {
  name: string;
  size: number;
}

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const ENTRY = 0x02014b50;
const NAMES = new TextDecoder('utf-8');

/**
 * The entries of a zip's central directory, read without unpacking anything; null when the
 * bytes hold no directory this can read (the zip reader then says what is wrong with them).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, followed by a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) {
    const zip64 = zip64Directory(view, end);
    if (zip64 === null) return null;
    ({ count, at } = zip64);
  }
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > bytes.length) return null;
    const name = NAMES.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) size = zip64Size(view, at + 46 + nameLength, extraLength);
    entries.push({ name, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Zip64: the entry count and directory offset, from the record the locator before `end` points to. */
function zip64Directory(view: DataView, end: number): { count: number; at: number } | null {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== END64_LOCATOR) return null;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== END64) return null;
  return { count: Number(view.getBigUint64(record + 32, true)), at: Number(view.getBigUint64(record + 48, true)) };
}

/** An entry's zip64 unpacked size (extra field 0x0001); unknown counts as unlimited. */
function zip64Size(view: DataView, at: number, length: number): number {
  for (let p = at; p + 4 <= at + length;) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001 && size >= 8 && p + 12 <= view.byteLength) return Number(view.getBigUint64(p + 4, true));
    p += 4 + size;
  }
  return Infinity;
}
