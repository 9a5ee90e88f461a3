import { APPLICATION_ID } from '../../workspace/schema.js';

/** OLE2 compound file: the container of Word 97-2003 documents (and of encrypted .docx). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Leading bytes of formats that are never text, with the name a diagnostic gives them. */
const SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (docx, xlsx…)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  // Word 97-2003 (.doc), Excel .xls, PowerPoint .ppt, WPS, and password-protected .docx.
  ['old Microsoft Office file (.doc, .xls, .ppt) or encrypted Office file', OLE2],
  ['SQLite write-ahead log', [0x37, 0x7f, 0x06, 0x82]],
  ['SQLite write-ahead log', [0x37, 0x7f, 0x06, 0x83]],
  ['SQLite rollback journal', [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]],
];

const SQLITE = 'SQLite format 3\0';

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
}

export function isOle2(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE2);
}

/** What binary format the bytes are in, by their signature; null when none is known. */
export function binaryKind(bytes: Uint8Array): string | null {
  if (bytes.length >= 100 && Buffer.from(bytes.buffer, bytes.byteOffset, 16).toString('latin1') === SQLITE) {
    // The workspace marks itself with an application id (header offset 68, big-endian).
    const id = ((bytes[68] << 24) | (bytes[69] << 16) | (bytes[70] << 8) | bytes[71]) >>> 0;
    return id === APPLICATION_ID ? 'a refrain workspace, not a report' : 'SQLite database';
  }
  for (const [name, sig] of SIGNATURES) if (startsWith(bytes, sig)) return name;
  // tar keeps its signature at offset 257; its headers are ASCII and NUL padding, text-like.
  if (startsWith(bytes, [0x75, 0x73, 0x74, 0x61, 0x72], 257)) return 'tar archive';
  return null;
}
