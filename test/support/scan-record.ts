import type { ScanResult } from '../../src/types.js';

/**
 * A result without its scan record (when, over what, into which workspace): what two scans of the
 * same reports must agree on, however they were run.
 */
export function findingsOf(result: ScanResult): Omit<ScanResult, 'scan'> {
  const { scan: _scan, ...rest } = result;
  return rest;
}
