// Types of workspace-data.mjs, which stays plain JavaScript for the kill test's child process.
import type { Analysis, ScanResult } from '../../src/types.js';

/** A deterministic result with `docs` documents of `paras` paragraphs, and their analyses; `mark` tells scans apart. */
export function makeScan(mark: number, docs?: number, paras?: number): { result: ScanResult; analyses: Analysis[] };

/** Scan size for the kill test: big enough that a save takes a while, so a kill lands inside one. */
export const KILL_SIZE: { docs: number; paras: number };
