/**
 * refrain as a library: every stage of the pipeline, callable on its own, and the whole scan.
 * Data flows one way: ingest → segment → normalize → shingle → sketch → LSH → verify → cluster →
 * score → report / workspace. Types of the data between stages are in ./types.ts.
 */
export type * from './types.js';
export { VERSION } from './version.js';

// The whole pipeline.
export {
  scanPaths,
  defaultSettings,
  resolveSettings,
  type ScanOptions,
  type ScanOutput,
  type ScanProgress,
} from './scan/scan.js';
export { SettingsError } from './settings.js';
export { analyzeFiles } from './read/workers/read-files.js';
export { analyzeDocument, prepareParagraph } from './read/analyze.js';
export { joinStreams, streamsOf, tokensAt } from './read/token-streams.js';
export { compareAnalyses } from './compare/compare.js';

// Stages.
export {
  ingestFile,
  ingestPath,
  listInputFiles,
  listInputs,
  readInput,
  decodeText,
  registerExtractor,
  InputPathError,
} from './read/ingest/index.js';
export { DEFAULT_LIMITS, LimitError, type IngestLimits, type InputList } from './read/ingest/index.js';
export { extractors, ExtractError } from './read/ingest/formats/index.js';
export { stripArtefacts } from './read/ingest/artefacts.js';
export { segment } from './read/segment/segment.js';
export { normalize, numberingLength, countChars, DIGITS } from './read/normalize/normalize.js';
export { foldChinese } from './read/normalize/fold-chinese.js';
export { shingle, jaccard } from './read/sketch/shingle.js';
export { signature, sketchTokens, estimateJaccard, minHasher } from './read/sketch/minhash.js';
export { candidatePairs } from './compare/leaders/candidates.js';
export { earlierCandidates } from './compare/leaders/offers.js';
export { align, regionSimilarity, type Region } from './compare/align/tiling.js';
export { comparable, relate, type Relation, type Tokens } from './compare/align/relate.js';
export { starClusters, type Edge, type Group } from './compare/cluster/star.js';
export { PassageTable } from './compare/cluster/passages.js';
export { scoreDocuments } from './compare/score/score.js';

// Output.
export { toJson, jsonChunks, writeJsonFile, writeJsonFileAsync } from './report/json-result.js';
export * from './report/index.js';
export * from './diff/index.js';
