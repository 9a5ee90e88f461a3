/**
 * The workspace: scans and reviewer decisions kept in one SQLite file (tables in schema.ts).
 *
 * - One scan at a time: each `saveScan` replaces the stored scan in one transaction, so a kill
 *   leaves the previous complete scan. Decisions live in their own table, keyed by the finding's
 *   content key (`ResultCluster.key`); no scan deletes them, so they hold through rescans.
 * - A rescan adds: files given again are skipped when unchanged (same path and SHA-256), read
 *   again when changed; stored files not given are kept (`prune` drops them). The whole set is
 *   compared anew, so scanning in parts gives the same result as one full scan.
 * - `against`: a past workspace's documents join the comparison, read-only. They appear in the
 *   result after the batch's documents, with `past` set to that workspace's path; only findings
 *   involving the batch are kept; the batch's ratios are those of the batch alone, and its
 *   `pastRatio` the share found in the past reports; the past decisions on the findings are
 *   copied in where none exists. Past documents keep no analysis here, so a later plain rescan
 *   compares the batch alone. `scanAgainst` does the same comparison without a workspace.
 */
export { WorkspaceError } from './errors.js';
export { openWorkspace, type OpenOptions } from './open.js';
export {
  Workspace,
  DECISION_LABELS,
  isDecisionLabel,
  type StoredAnalysis,
  type SaveOptions,
  type DocumentSummary,
  type ResultSummary,
} from './workspace.js';
export { SCHEMA_VERSION } from './schema.js';
export {
  scanIntoWorkspace,
  planScan,
  respell,
  type WorkspaceScanOptions,
  type WorkspaceScanCounts,
  type WorkspaceScanOutput,
  type ScanPlan,
} from './incremental.js';
export { analysesCompatible } from './read-plan.js';
export { compareWithPast, keepBatchFindings, readPastBatch, scanAgainst, type PastBatch } from './against.js';
export { resolveFinding } from './resolve.js';
export { describeCounts } from './counts.js';
