import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Document, IngestResult, SourceFile } from '../types.js';
import { decodeText } from './decode.js';
import { extractors as formatExtractors } from './formats/index.js';
import { shiftOffset, stripArtefacts } from './artefacts.js';

export { listInputFiles, InputPathError } from './files.js';
export { decodeText } from './decode.js';

import type { Extracted, Extractor } from './formats/index.js';
export type { Extracted, Extractor } from './formats/index.js';

/** Plain text and Markdown; also anything without a known extension. */
const textExtractor: Extractor = async (bytes, path) => {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new ExtractFailure(decoded.message);
  return { text: decoded.text, format: path.toLowerCase().endsWith('.md') ? 'md' : 'txt', encoding: decoded.encoding };
};

/** An input that cannot be turned into text; becomes a diagnostic. */
export class ExtractFailure extends Error {
  override name = 'ExtractFailure';
}

const extractors: Record<string, Extractor> = {
  txt: textExtractor,
  md: textExtractor,
  ...formatExtractors,
};

/** Registers an extractor for a file extension (lower case, no dot). */
export function registerExtractor(extension: string, extractor: Extractor): void {
  extractors[extension] = extractor;
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One file to one document, or to a diagnostic saying why not. Never throws for bad input. */
export async function ingestFile(file: SourceFile, id: number): Promise<IngestResult> {
  const extractor = extractors[extensionOf(file.path)] ?? textExtractor;
  let extracted: Extracted;
  try {
    extracted = await extractor(file.bytes, file.path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, diagnostic: { path: file.path, level: 'error', message } };
  }
  // Conversion leftovers ([bookmark: _GoBack], zero-width spaces) are not the author's text.
  const stripped = stripArtefacts(extracted.text);
  const pageStarts = extracted.pageStarts?.map((o) => shiftOffset(o, stripped.cuts));
  extracted = { ...extracted, text: stripped.text, ...(pageStarts ? { pageStarts } : {}) };
  if (extracted.text.trim().length === 0) {
    return { ok: false, diagnostic: { path: file.path, level: 'error', message: 'no text in file, skipped' } };
  }
  const document: Document = {
    id,
    path: file.path,
    text: extracted.text,
    encoding: extracted.encoding ?? 'utf-8',
    format: extracted.format,
    hash: sha256(file.bytes),
    ...(extracted.pageStarts ? { pageStarts: extracted.pageStarts } : {}),
    ...(extracted.paragraphLines ? { paragraphLines: extracted.paragraphLines } : {}),
  };
  const warnings = (extracted.warnings ?? []).map((message) => ({ path: file.path, level: 'warning' as const, message }));
  return warnings.length > 0 ? { ok: true, document, warnings } : { ok: true, document };
}

/** Reads and ingests one path; an unreadable file becomes a diagnostic. */
export async function ingestPath(path: string, id: number): Promise<IngestResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, diagnostic: { path, level: 'error', message: `cannot read file (${code}), skipped` } };
  }
  return ingestFile({ path, bytes }, id);
}
