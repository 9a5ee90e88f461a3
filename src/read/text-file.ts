import { closeSync, readSync, writeSync } from 'node:fs';
import type { Paragraph } from '../types.js';
import { openUnnamed, scratchFailed } from './scratch-file.js';

const failed = (doing: string, error: unknown) => scratchFailed(doing, 'text file', error);

/** The open file paragraphs read their text from; closed once no paragraph can read it any more. */
interface Source {
  fd: number;
}

/**
 * Where one document's text starts in the file. Paragraphs keep their place from there: a place
 * in a file past 2 GB is no small integer, and V8 would give each paragraph a box for it.
 */
interface Block {
  source: Source;
  base: number;
}

const closeWhenUnreachable = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed by the process's end.
  }
});

/**
 * Paragraph text on disk, for batches whose text would not fit in memory (3.6 GB as JavaScript
 * strings at 300,000 reports). Each document's paragraphs are appended as it is read and come back
 * as paragraphs that read their text when asked: the comparison reads it for the findings only, the
 * JSON once per paragraph. The file is closed when the last paragraph is let go, not by the scan:
 * the result outlives the scan that made it.
 */
export class TextFile {
  private readonly source: Source;
  private size = 0;

  private constructor(fd: number) {
    this.source = { fd };
    closeWhenUnreachable.register(this.source, fd);
  }

  /** A new, empty file in `scratch` (the system's temporary folder by default), without a name (see openUnnamed). */
  static open(scratch?: string): TextFile {
    return new TextFile(openUnnamed(scratch, 'refrain-text-', 'text file'));
  }

  /** Appends the paragraphs' text; gives the same paragraphs, reading their text from the file. */
  add(paragraphs: Paragraph[]): Paragraph[] {
    let total = 0;
    for (const p of paragraphs) total += Buffer.byteLength(p.text);
    const bytes = Buffer.allocUnsafe(total);
    const out: Paragraph[] = [];
    const block = { source: this.source, base: this.size };
    let used = 0;
    for (const p of paragraphs) {
      const length = bytes.write(p.text, used);
      out.push(new StoredParagraph(p, block, used, length));
      used += length;
    }
    try {
      for (let done = 0; done < bytes.length;)
        done += writeSync(this.source.fd, bytes, done, bytes.length - done, this.size + done);
    } catch (e) {
      throw failed('write', e);
    }
    this.size += bytes.length;
    return out;
  }
}

/**
 * Texts read lately: a finding reads its representative's text for every member, and the same
 * paragraph in several stages. Emptied when full, as the token file's cache is.
 */
const CACHED = 4096;
const cache = new Map<number, string>();
let cachedFor: Source | undefined;

function readText({ source, base }: Block, offset: number, length: number): string {
  // An empty text starts where the next one does: it is never read, nor cached under that place.
  if (length === 0) return '';
  const at = base + offset;
  if (cachedFor !== source) {
    cache.clear();
    cachedFor = source;
  }
  const hit = cache.get(at);
  if (hit !== undefined) return hit;
  const bytes = Buffer.allocUnsafe(length);
  for (let done = 0; done < length;) {
    const read = readSync(source.fd, bytes, done, length - done, at + done);
    if (read === 0) throw new Error(`text file ended at ${at + done}`);
    done += read;
  }
  const text = bytes.toString('utf8');
  if (cache.size >= CACHED) cache.clear();
  cache.set(at, text);
  return text;
}

/** A paragraph whose text stays in the text file until read. */
class StoredParagraph implements Paragraph {
  readonly index: number;
  readonly line: number;
  readonly page?: number;
  readonly #block: Block;
  /** Where the text starts in its document's block, and its length, in bytes. */
  readonly #at: number;
  readonly #length: number;

  constructor(p: Paragraph, block: Block, at: number, length: number) {
    this.index = p.index;
    this.line = p.line;
    if (p.page !== undefined) this.page = p.page;
    this.#block = block;
    this.#at = at;
    this.#length = length;
  }

  get text(): string {
    return readText(this.#block, this.#at, this.#length);
  }

  /** The same JSON as a paragraph held in memory. */
  toJSON(): Paragraph {
    return this.page === undefined
      ? { index: this.index, line: this.line, text: this.text }
      : { index: this.index, line: this.line, page: this.page, text: this.text };
  }
}
