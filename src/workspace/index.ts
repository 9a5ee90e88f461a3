/**
 * The workspace: scans and reviewer decisions kept in one SQLite file (tables in schema.ts).
 *
 * - One scan at a time: each `saveScan` replaces the stored scan in one transaction, so a kill
 *   leaves the previous complete scan. Decisions live in their own table, keyed by the finding's
 *   content key (`ResultCluster.key`); no scan deletes them, so they hold through rescans.
 * - How a scan fills it (rescans, `against`, stale files) is in ../scan/index.ts.
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
export { resolveFinding, parseFindingRef, StaleFindingIdError, type FindingRef } from './resolve.js';
export { DECISION_LABELS, isDecisionLabel, type DecisionLogEntry, type MergeOutcome } from './decisions.js';
export { nextFindingIds, staleIdProblem, type FindingIds } from './finding-ids.js';
export {
  exportDecisions,
  parseDecisionsFile,
  DecisionsFileError,
  DECISIONS_FORMAT,
  type DecisionsFile,
} from './salvage.js';
export { writeProblem } from './access.js';
export { describeCounts } from './counts.js';
