import { closeSync, readSync, writeSync } from 'node:fs';
import type { Paragraph } from '../types.js';
import { openUnnamed, scratchFailed, type ReadThrough } from './scratch-file.js';

const failed = (doing: string, error: unknown) => scratchFailed(doing, 'text file', error);

/** The open file paragraphs read their text from; closed once no paragraph can read it any more. */
interface Source {
  fd: number;
}

/**
 * One document's paragraphs in the file: where its text starts, and each paragraph's line, page
 * and place in columns rather than fields, since millions of paragraphs each had an object of six
 * (430 MB at 300,000 reports). Places are counted from the block's base: a place in a file past
 * 2 GB is no small integer, and V8 would give each a box for it.
 */
interface Block {
  source: Source;
  base: number;
  /** The first paragraph's index; the others follow it one by one. */
  first: number;
  /**
   * One array, as each typed array costs some hundred bytes of its own: for n paragraphs, each
   * one's line at [0, n), where its text starts in bytes at [n, 2n] (where the last ends at 2n),
   * and when some paragraph has a page, each one's page (0 for none) at [2n + 1, 3n + 1).
   */
  columns: Uint32Array;
  count: number;
  paged: boolean;
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
export class TextFile implements ReadThrough {
  private readonly source: Source;
  private written = 0;

  private constructor(fd: number) {
    this.source = { fd };
    closeWhenUnreachable.register(this.source, fd);
  }

  /** A new, empty file in `scratch` (the system's temporary folder by default), without a name (see openUnnamed). */
  static open(scratch?: string): TextFile {
    return new TextFile(openUnnamed(scratch, 'refrain-text-', 'text file'));
  }

  get fd(): number {
    return this.source.fd;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.written;
  }

  /** Appends the paragraphs' text; gives the same paragraphs, reading their text from the file. */
  add(paragraphs: Paragraph[]): Paragraph[] {
    const n = paragraphs.length;
    let total = 0;
    for (const p of paragraphs) total += Buffer.byteLength(p.text);
    const bytes = Buffer.allocUnsafe(total);
    const paged = paragraphs.some((p) => p.page !== undefined);
    const columns = new Uint32Array(paged ? 3 * n + 1 : 2 * n + 1);
    const first = n > 0 ? paragraphs[0].index : 0;
    const block: Block = { source: this.source, base: this.written, first, columns, count: n, paged };
    const out: Paragraph[] = [];
    for (let i = 0; i < n; i++) {
      const p = paragraphs[i];
      if (p.index !== first + i) throw new Error(`TextFile.add: paragraph ${p.index} out of order`);
      columns[i] = p.line;
      if (paged) columns[2 * n + 1 + i] = p.page ?? 0;
      columns[n + i + 1] = columns[n + i] + bytes.write(p.text, columns[n + i]);
      out.push(new StoredParagraph(block, i));
    }
    try {
      for (let done = 0; done < bytes.length;)
        done += writeSync(this.source.fd, bytes, done, bytes.length - done, this.written + done);
    } catch (e) {
      throw failed('write', e);
    }
    this.written += bytes.length;
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

/** A paragraph whose text stays in the text file until read; the rest is in its block's columns. */
class StoredParagraph implements Paragraph {
  readonly #block: Block;
  readonly #i: number;

  constructor(block: Block, i: number) {
    this.#block = block;
    this.#i = i;
  }

  get index(): number {
    return this.#block.first + this.#i;
  }

  get line(): number {
    return this.#block.columns[this.#i];
  }

  get page(): number | undefined {
    const { columns, count, paged } = this.#block;
    return paged && columns[2 * count + 1 + this.#i] !== 0 ? columns[2 * count + 1 + this.#i] : undefined;
  }

  get text(): string {
    const { columns, count } = this.#block;
    const at = count + this.#i;
    return readText(this.#block, columns[at], columns[at + 1] - columns[at]);
  }

  /** The same JSON as a paragraph held in memory. */
  toJSON(): Paragraph {
    const page = this.page;
    return page === undefined
      ? { index: this.index, line: this.line, text: this.text }
      : { index: this.index, line: this.line, page, text: this.text };
  }
}
