import { closeSync, openSync, writeSync } from 'node:fs';
import type { ScanResult } from '../types.js';

/** The schema-1 JSON text of a result: key order as built, two-space indent, final newline. */
export function toJson(result: ScanResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/**
 * Yields the same text as toJson, piece by piece: a batch of 100,000 reports makes a JSON text
 * longer than the longest string V8 can hold, so large results are written, never joined.
 */
export function* jsonChunks(result: ScanResult): Generator<string> {
  const keys = Object.keys(result) as Array<keyof ScanResult>;
  yield '{\n';
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const value = result[key];
    const comma = k + 1 < keys.length ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let i = 0; i < value.length; i++) {
        const item = JSON.stringify(value[i], null, 2).replace(/\n/g, '\n    ');
        yield `    ${item}${i + 1 < value.length ? ',' : ''}\n`;
      }
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${comma}\n`;
    }
  }
  yield '}\n';
}

/** Writes the result's JSON to a file, in pieces. */
export function writeJsonFile(result: ScanResult, path: string): void {
  const fd = openSync(path, 'w');
  try {
    let buffer = '';
    for (const chunk of jsonChunks(result)) {
      buffer += chunk;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}
