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
 * - Stale files: a stored document whose file is gone is left out of the comparison with a
 *   warning, unless the same bytes are given under a new path: then it moved, and is one document.
 * - A workspace that cannot be written (read-only file or folder, full disk) is refused before any
 *   work by whatever would write it, and is read without writing anything beside it.
 * - Finding ids are numbered per scan (finding-ids.ts): `decide` knows when an id may have changed.
 * - Decisions can be exported from a damaged workspace and merged into another (salvage.ts).
 */
export { WorkspaceError } from './errors.js';
export { openWorkspace, type OpenOptions } from './open.js';
export {
  Workspace,
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
export { resolveFinding, parseFindingRef, StaleFindingIdError, type FindingRef } from './resolve.js';
export { DECISION_LABELS, isDecisionLabel, type DecisionLogEntry, type MergeOutcome } from './decisions.js';
export { nextFindingIds, staleIdProblem, type FindingIds } from './finding-ids.js';
export { exportDecisions, parseDecisionsFile, DecisionsFileError, DECISIONS_FORMAT, type DecisionsFile } from './salvage.js';
export { writeProblem } from './access.js';
export { MISSING_MESSAGE } from './stale-files.js';
export { analysesCompatible } from './read-plan.js';
export { compareWithPast, keepBatchFindings, readPastBatch, scanAgainst, type PastBatch } from './against.js';
export { describeCounts } from './counts.js';
