import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ExtractError, reason } from './errors.js';
import type { Extracted, Extractor } from './types.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | null = null;

/**
 * pdf.js is large and only needed when a batch holds PDFs, so it is loaded on first use. It
 * prints warnings about optional canvas support while loading, which are no concern of ours
 * (we read text, never render), so console output is held back for that moment only.
 */
function pdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const { log, warn } = console;
    console.log = console.warn = () => {};
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
      console.warn = warn;
    }
  })();
  return loading;
}

/** Folders of pdf.js data: predefined CMaps (needed for many Chinese PDFs) and standard fonts. */
function dataDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

/** A run of text as pdf.js reports it, with its position on the page (PDF units, y upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PdfLine {
  text: string;
  x: number;
  y: number;
  height: number;
  end: number;
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Items that share a baseline make one line; a new line starts when y changes. */
export function itemsToLines(items: PdfItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: PdfLine | null = null;
  for (const item of items) {
    if (item.str.length === 0) continue;
    const height = item.height || 1;
    if (line && Math.abs(item.y - line.y) <= 0.4 * Math.max(height, line.height)) {
      // Separate words that the PDF placed apart without a space character between them.
      const gap = item.x - line.end;
      const before = line.text.slice(-1);
      const after = item.str[0];
      if (gap > 0.25 * height && !/\s/.test(before) && !/\s/.test(after) && !WIDE.test(before) && !WIDE.test(after)) {
        line.text += ' ';
      }
      line.text += item.str;
      line.end = Math.max(line.end, item.x + item.width);
      line.height = Math.max(line.height, height);
    } else {
      line = { text: item.str, x: item.x, y: item.y, height, end: item.x + item.width };
      lines.push(line);
    }
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+$/u, '').replace(/^\s+/u, '') })).filter((l) => l.text.length > 0);
}

/**
 * A page's lines as text, one printed line per line. Joining the lines of a paragraph is left to
 * the segment stage, which knows about numbering and sentence ends; blank lines are not added
 * even where the layout suggests a paragraph break, because the segment stage reads runs of
 * blank-separated short lines as fragments to be joined.
 */
export function pageText(lines: PdfLine[]): string {
  return lines.map((l) => l.text).join('\n');
}

/**
 * A text PDF to lines of text, page by page. `pageStarts[i]` is the offset where page i+1's text
 * starts. A PDF whose pages carry no text at all (scanned images) is an error, not an empty file.
 */
export const extractPdf: Extractor = async (bytes) => {
  const lib = await pdfjs();
  // pdf.js takes ownership of (detaches) the buffer it is given; the caller still needs its bytes.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    ...dataDirs(),
    verbosity: lib.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      if (error instanceof Error && error.name === 'PasswordException') throw new ExtractError('PDF is password-protected; cannot read its text');
      throw new ExtractError(`cannot read PDF (${reason(error)})`);
    }
    const pageStarts: number[] = [];
    const empty: number[] = [];
    let text = '';
    for (let p = 1; p <= doc.numPages; p++) {
      let items: PdfItem[];
      try {
        const page = await doc.getPage(p);
        const content = await page.getTextContent();
        items = [];
        for (const item of content.items) {
          if (!('str' in item)) continue;
          items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height || Math.abs(item.transform[3]) });
        }
      } catch (error) {
        throw new ExtractError(`cannot read page ${p} of PDF (${reason(error)})`);
      }
      const body = pageText(itemsToLines(items));
      if (text.length > 0) text += '\n';
      pageStarts.push(text.length);
      if (body.trim().length === 0) empty.push(p);
      text += body;
    }
    if (doc.numPages === 0) throw new ExtractError('PDF has no pages');
    if (empty.length === doc.numPages) throw new ExtractError('no text layer: scanned PDF? run OCR first');
    const extracted: Extracted = { text, format: 'pdf', pageStarts };
    if (empty.length > 0) {
      const one = empty.length === 1;
      extracted.warnings = [
        `${one ? 'page' : 'pages'} ${empty.join(', ')} of ${doc.numPages} ${one ? 'carries' : 'carry'} no text (scanned images?); run OCR to include ${one ? 'it' : 'them'}`,
      ];
    }
    return extracted;
  } finally {
    await task.destroy();
  }
};
