import { writeSync } from 'node:fs';
import type { ScanResult } from '../types.js';
import { writeOutputFile, writeOutputFileSync } from './output-file.js';

/** The schema-1 JSON text of a result: key order as built, two-space indent, final newline. */
export function toJson(result: ScanResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** Characters aimed at per piece: large enough that the pieces cost nothing, far below V8's limit. */
const PIECE_CHARS = 4 << 20;

/** What JSON.stringify leaves out of an object. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * The items of a top-level array, as they stand in the whole text: a run of items is stringified
 * nested two arrays deep, which gives them the whole text's indent at once, and the two enclosing
 * brackets are cut off. Runs are sized from the last one's length.
 */
function* arrayItems(items: unknown[]): Generator<string> {
  const head = '[\n  [\n'.length;
  const tail = '\n  ]\n]'.length;
  let count = 64;
  for (let i = 0; i < items.length;) {
    const run = items.slice(i, i + count);
    i += run.length;
    const text = JSON.stringify([run], null, 2);
    yield text.slice(head, text.length - tail);
    yield i < items.length ? ',\n' : '\n';
    count = Math.max(1, Math.min(4 * count, Math.floor((count * PIECE_CHARS) / Math.max(1, text.length))));
  }
}

/**
 * Yields the same text as toJson, piece by piece: a batch of 100,000 reports makes a JSON text
 * longer than the longest string V8 can hold, so large results are written, never joined.
 */
export function* jsonChunks(result: ScanResult): Generator<string> {
  const record = result as unknown as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => !omitted(record[key]));
  yield '{\n';
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const value = record[key];
    const comma = k + 1 < keys.length ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      yield* arrayItems(value);
      yield `  ]${comma}\n`;
    } else {
      // Inside an object of its own the value gets the whole text's indent; cut off its braces.
      const text = JSON.stringify({ [key]: value }, null, 2);
      yield `${text.slice('{\n'.length, text.length - '\n}'.length)}${comma}\n`;
    }
  }
  yield '}\n';
}

/**
 * The result's JSON as UTF-8, in filled buffers. Each piece is encoded straight into a buffer:
 * joining pieces into a longer string first would copy every character once more. Two buffers
 * take turns, so one can be written while the other fills; a buffer yielded is not touched again
 * until the one after it has been yielded too.
 */
function* encodedPieces(result: ScanResult): Generator<Buffer> {
  const size = 3 * PIECE_CHARS + (1 << 16);
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  let turn = 0;
  let used = 0;
  for (const chunk of jsonChunks(result)) {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (used + 3 * chunk.length > size && used > 0) {
      yield buffers[turn].subarray(0, used);
      turn = 1 - turn;
      used = 0;
    }
    if (3 * chunk.length > size) yield Buffer.from(chunk);
    else used += buffers[turn].write(chunk, used);
  }
  if (used > 0) yield buffers[turn].subarray(0, used);
}

/** Writes the result's JSON to a file, in pieces, replacing the file only once complete (see output-file). */
export function writeJsonFile(result: ScanResult, path: string): void {
  writeOutputFileSync(path, (fd) => {
    for (const bytes of encodedPieces(result))
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
  });
}

/**
 * Same file as writeJsonFile, but each buffer is written by the thread pool while the next one is
 * stringified and encoded: on a large result the two take about as long as each other.
 */
export async function writeJsonFileAsync(result: ScanResult, path: string): Promise<void> {
  await writeOutputFile(path, async (file) => {
    const writeAll = async (bytes: Buffer) => {
      for (let done = 0; done < bytes.length;)
        done += (await file.write(bytes, done, bytes.length - done)).bytesWritten;
    };
    let pending: Promise<void> | undefined;
    try {
      for (const bytes of encodedPieces(result)) {
        await pending;
        pending = writeAll(bytes);
      }
      await pending;
    } finally {
      await pending?.catch(() => undefined);
    }
  });
}
