import mammoth from 'mammoth';
import { ExtractError, reason } from './errors.js';
import type { Extracted, Extractor } from './types.js';

/**
 * A Word document's body text, one paragraph per line. Mammoth reads the paragraphs in order
 * (tables cell by cell) and leaves out headers, footers and bookmarks.
 */
export const extractDocx: Extractor = async (bytes) => {
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
