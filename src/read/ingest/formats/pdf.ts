import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { contextOf, LimitError } from '../limits.js';
import { ExtractError, reason } from './errors.js';
import { foldIdeographs } from './ideographs.js';
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
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+$/u, '').replace(/^\s+/u, '') }))
    .filter((l) => l.text.length > 0);
}

function mode(values: number[]): number | null {
  const counts = new Map<number, number>();
  let best: number | null = null;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Which lines of a page the layout shows to start a paragraph: indented past the page's usual
 * left edge (a first-line indent, a centred title) or set off by more than the usual line
 * spacing. Returned as indexes into `lines`. The text itself gets no blank lines for these,
 * because the segment stage reads runs of blank-separated short lines as fragments to be joined.
 */
export function paragraphStarts(lines: PdfLine[]): number[] {
  const left = mode(lines.map((l) => Math.round(l.x)));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = Math.round(lines[i - 1].y - lines[i].y);
    if (gap > 0) gaps.push(gap);
  }
  const leading = mode(gaps);
  const starts: number[] = [];
  lines.forEach((l, i) => {
    const indented = left !== null && l.x - left >= 0.8 * l.height;
    const spaced = leading !== null && i > 0 && lines[i - 1].y - l.y > 1.5 * leading;
    if (indented || spaced) starts.push(i);
  });
  return starts;
}

/**
 * A text PDF to lines of text, page by page, radical and compatibility look-alikes of ideographs
 * folded (see ideographs.ts). `pageStarts[i]` is the offset where page i+1's text
 * starts. A PDF whose pages carry no text at all (scanned images) is an error, not an empty file.
 * A PDF of more pages than the limit is refused before its first page is read; the clock and
 * the text's length are checked after every page.
 */
export const extractPdf: Extractor = async (bytes, _path, given) => {
  const { limits, clock } = contextOf(given);
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
      if (error instanceof Error && error.name === 'PasswordException')
        throw new ExtractError('PDF is password-protected; cannot read its text');
      throw new ExtractError(`cannot read PDF (${reason(error)})`);
    }
    if (doc.numPages > limits.pages)
      throw new LimitError(`PDF of ${doc.numPages.toLocaleString('en-US')} pages`, 'pages', limits);
    const pageStarts: number[] = [];
    const empty: number[] = [];
    const paragraphLines: number[] = [];
    let newlines = 0;
    let text = '';
    for (let p = 1; p <= doc.numPages; p++) {
      let items: PdfItem[];
      try {
        const page = await doc.getPage(p);
        const content = await page.getTextContent();
        items = [];
        for (const item of content.items) {
          if (!('str' in item)) continue;
          const transform = item.transform as number[];
          items.push({
            str: foldIdeographs(item.str),
            x: transform[4],
            y: transform[5],
            width: item.width,
            height: item.height || Math.abs(transform[3]),
          });
        }
      } catch (error) {
        throw new ExtractError(`cannot read page ${p} of PDF (${reason(error)})`);
      }
      const lines = itemsToLines(items);
      if (p > 1) {
        text += '\n';
        newlines++;
      }
      pageStarts.push(text.length);
      if (lines.length === 0) empty.push(p);
      for (const i of paragraphStarts(lines)) paragraphLines.push(newlines + i + 1);
      text += lines.map((l) => l.text).join('\n');
      newlines += Math.max(lines.length - 1, 0);
      if (text.length > limits.chars)
        throw new LimitError(`text too long (at page ${p.toLocaleString('en-US')})`, 'chars', limits);
      clock.check();
    }
    if (doc.numPages === 0) throw new ExtractError('PDF has no pages');
    if (empty.length === doc.numPages) throw new ExtractError('no text layer: scanned PDF? run OCR first');
    const extracted: Extracted = { text, format: 'pdf', pageStarts, paragraphLines };
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
