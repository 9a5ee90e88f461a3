import mammoth from 'mammoth';
import { contextOf, LimitError, megabytes } from '../limits.js';
import { isOle2 } from '../magic.js';
import { ExtractError, reason } from './errors.js';
import type { Extracted, Extractor } from './types.js';
import { zipEntries } from './zip.js';

/** Parts of a .docx that the text is read from; pictures and fonts are never unpacked. */
const TEXT_PART = /\.(xml|rels)$/i;

/**
 * A Word document's body text, one paragraph per line. Mammoth reads the paragraphs in order
 * (tables cell by cell) and leaves out headers, footers and bookmarks. Before that, the size its
 * XML unpacks to (as the zip declares it) is held to the limit: a 1 MB file can unpack to
 * gigabytes.
 */
export const extractDocx: Extractor = async (bytes, _path, given) => {
  const { limits } = contextOf(given);
  if (isOle2(bytes)) {
    throw new ExtractError(
      'password-protected .docx (or an old .doc renamed): cannot read it; save it without a password as .docx',
    );
  }
  const unpacked = (zipEntries(bytes) ?? []).filter((e) => TEXT_PART.test(e.name)).reduce((sum, e) => sum + e.size, 0);
  if (unpacked > limits.unpackedBytes)
    throw new LimitError(`its text (XML) unpacks to ${megabytes(unpacked)}`, 'unpacked-mb', limits);
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    // A copy: the caller keeps its bytes (and hashes them) after we are done.
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  } catch (error) {
    throw new ExtractError(`cannot read .docx (${reason(error)})`);
  }
  const lines = result.value
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const extracted: Extracted = { text: lines.join('\n'), format: 'docx' };
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => m.message);
  if (warnings.length > 0) extracted.warnings = [...new Set(warnings)];
  return extracted;
};
