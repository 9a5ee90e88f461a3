/**
 * Where a scan starts. `scanPaths` reads the files and compares them, saving nothing
 * (`--no-workspace`); `scanIntoWorkspace` does the same through a workspace (the default), reading
 * only new and changed files and saving the result. Both end in the one comparison
 * (../compare/compare.ts).
 *
 * - A rescan adds: files given again are skipped when unchanged (same path and SHA-256), read
 *   again when changed; stored files not given are kept (`prune` drops them). The whole set is
 *   compared anew, so scanning in parts gives the same result as one full scan.
 * - `against`: a past workspace's documents join the comparison, read-only. They appear in the
 *   result after the batch's documents, with `past` set to that workspace's path; only findings
 *   involving the batch are kept; the batch's ratios are those of the batch alone, and its
 *   `pastRatio` the share found in the past reports; the past decisions on the findings are
 *   copied in where none exists. Past documents keep no analysis here, so a later plain rescan
 *   compares the batch alone. `scanAgainst` does the same comparison without a workspace.
 * - Stale files: a stored document whose file is gone is left out of the comparison with a
 *   warning, unless the same bytes are given under a new path: then it moved, and is one document.
 */
export { scanPaths, byPath, type ScanOptions, type ScanOutput, type ScanProgress } from './scan.js';
export { scanIntoWorkspace, type WorkspaceScanOptions, type WorkspaceScanOutput } from './workspace-scan.js';
export { planScan, respell, type WorkspaceScanCounts, type ScanPlan } from './workspace-plan.js';
export { MISSING_MESSAGE } from './stale-files.js';
export { analysesCompatible } from './read-plan.js';
export { compareWithPast, keepBatchFindings, readPastBatch, scanAgainst, type PastBatch } from './against.js';
