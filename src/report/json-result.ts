import type { ScanResult } from '../types.js';

/** The schema-1 JSON text of a result: stable key order (as built), two-space indent, final newline. */
export function toJson(result: ScanResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
