import { extractDocx } from './docx.js';
import { extractHtml } from './html.js';
import { extractPdf } from './pdf.js';
import type { Extractor } from './types.js';

export type { Extracted, Extractor, ExtractContext } from './types.js';
export { ExtractError } from './errors.js';
export { htmlToText, decodeHtml } from './html.js';

/** Extractors by lower-case file extension, without the dot. */
export const extractors: Record<string, Extractor> = {
  docx: extractDocx,
  pdf: extractPdf,
  html: extractHtml,
  htm: extractHtml,
  xhtml: extractHtml,
};
