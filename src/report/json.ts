import type { ReportInput } from './types.js';

/** The scan result (schema 1) as it is, plus the reviewer's decisions. */
export function jsonReport(input: ReportInput): string {
  return `${JSON.stringify({ ...input.result, decisions: input.decisions }, null, 2)}\n`;
}
