import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { ResultDocument, ScanResult } from '../../src/types.js';
import { squash } from './seed-pairs.js';

/**
 * A fresh temporary folder holding copies of `copies` (paths in the repository) and files written
 * from `written` (name → text). Each case scans a folder of its own, so nothing else is read.
 */
export function batchFolder(copies: string[], written: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'refrain-real-'));
  for (const path of copies) copyFileSync(path, join(dir, basename(path)));
  for (const [name, text] of Object.entries(written)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The seed's file name in corpus/ that starts with `prefix` (e.g. '000_'). */
export function seedPath(prefix: string, corpus = 'corpus'): string {
  const name = readdirSync(corpus).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${prefix}* in ${corpus}`);
  return join(corpus, name);
}

const require = createRequire(import.meta.url);

/** A file's non-empty lines, trimmed: the paragraphs as its author wrote them, in order. */
export function nonEmptyLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function documentFor(result: ScanResult, name: string): ResultDocument {
  const doc = result.documents.find((d) => basename(d.path) === name);
  if (!doc)
    throw new Error(`no document ${name} in the result (have ${result.documents.map((d) => d.path).join(', ')})`);
  return doc;
}

/** The paragraph of `doc` whose text starts with `prefix` (compared without whitespace). */
export function paragraphStarting(doc: ResultDocument, prefix: string) {
  const want = squash(prefix).text;
  const found = doc.paragraphs.filter((p) => squash(p.text).text.startsWith(want));
  if (found.length !== 1) throw new Error(`${found.length} paragraphs of ${doc.path} start with ${prefix}`);
  return found[0];
}

/**
 * Each page's text as pdf.js reads it, items joined without spaces, whitespace removed: an account
 * of where text stands that does not go through refrain's PDF extractor.
 */
export async function pdfPageTexts(path: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: new Uint8Array(readFileSync(path)),
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    useSystemFonts: false,
    isEvalSupported: false,
  });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
    pages.push(squash(text).text);
  }
  await task.destroy();
  return pages;
}
