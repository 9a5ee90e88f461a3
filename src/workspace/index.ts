/** The workspace: scans and reviewer decisions kept in one SQLite file (see schema.ts). */
export { WorkspaceError } from './errors.js';
export { openWorkspace, type OpenOptions } from './open.js';
export { Workspace, DECISION_LABELS, isDecisionLabel, type StoredAnalysis, type SaveOptions } from './workspace.js';
export { SCHEMA_VERSION } from './schema.js';
export {
  scanIntoWorkspace,
  planScan,
  analysesCompatible,
  keepBatchFindings,
  type WorkspaceScanOptions,
  type WorkspaceScanCounts,
  type WorkspaceScanOutput,
  type ScanPlan,
} from './incremental.js';
export { resolveFinding } from './resolve.js';
