import type { Analysis, Document, Normalized, Paragraph, ScanSettings } from '../types.js';
import { countChars, normalize } from './normalize/normalize.js';
import { foldChinese } from './normalize/fold-chinese.js';
import { segment } from './segment/segment.js';
import { segmentMarkdown } from './segment/markdown.js';
import { minHasher, sketchTokens } from './sketch/minhash.js';
import { hashRange } from '../util/hash.js';
import { MIN_WHOLE_TOKENS, SHINGLE_K } from '../settings.js';
import { StreamsBuilder } from './token-streams.js';
import { unitsPerToken } from '../compare/align/windows.js';

/** The comparison form of a paragraph; the batch-wide stages call it again on candidates only. */
export function prepareParagraph(text: string): Normalized {
  return normalize(text, { skipNumbering: true, fold: foldChinese });
}

/** prepareParagraph without offsets, as views: for the streams, which only compare. */
export function comparisonTokens(text: string): Normalized {
  return normalize(text, { skipNumbering: true, fold: foldChinese, noOffsets: true });
}

function pageOf(pageStarts: number[] | undefined, offset: number): number | undefined {
  if (!pageStarts || pageStarts.length === 0) return undefined;
  let page = 1;
  for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i] <= offset) page = i + 1;
  return page;
}

/**
 * Per-document work: paragraphs and a MinHash signature for each, reduced to LSH band keys.
 * Passages shared by otherwise different paragraphs are found later through shared 6-token
 * runs, not through sketches of their clauses (see compare).
 */
export function analyzeDocument(doc: Document, settings: ScanSettings): Analysis {
  // Markdown says where its paragraphs are: blocks between blank lines (see markdown.ts).
  const segments =
    doc.format === 'md' ? segmentMarkdown(doc.text) : segment(doc.text, new Set(doc.paragraphLines ?? []));
  const paragraphs: Paragraph[] = segments.map((s) => {
    const page = pageOf(doc.pageStarts, s.start);
    return page === undefined
      ? { index: s.index, line: s.line, text: s.text }
      : { index: s.index, line: s.line, page, text: s.text };
  });
  const rows = settings.numHashes / settings.bands;
  const hasher = minHasher(settings.numHashes);
  const unitPara: number[] = [];
  const keys: number[] = [];
  let chars = 0;
  const streams = new StreamsBuilder();

  const addUnit = (para: number, sig: Uint32Array) => {
    unitPara.push(para);
    for (let b = 0; b < settings.bands; b++) keys.push(hashRange(sig, b * rows, (b + 1) * rows, b + 1));
  };

  for (const p of paragraphs) {
    chars += countChars(p.text);
    const norm = comparisonTokens(p.text);
    streams.add(norm);
    const n = norm.masked.length;
    // No token weighs under half a unit: only a short paragraph needs its weight.
    if (n < 2 * MIN_WHOLE_TOKENS && n * unitsPerToken(norm.masked) < MIN_WHOLE_TOKENS) continue;
    addUnit(p.index, sketchTokens(norm.masked, SHINGLE_K, settings.numHashes, hasher));
  }
  return {
    document: { path: doc.path, encoding: doc.encoding, format: doc.format, hash: doc.hash, chars },
    paragraphs,
    unitPara: Uint32Array.from(unitPara),
    bandKeys: Uint32Array.from(keys),
    streams: streams.finish(),
  };
}
