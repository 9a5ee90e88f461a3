/**
 * refrain as a library: every stage of the pipeline, callable on its own, and the whole scan.
 * Data flows one way: ingest → segment → normalize → shingle → sketch → LSH → verify → cluster →
 * score → report / workspace. Types of the data between stages are in ./types.ts.
 */
export type * from './types.js';
export { VERSION } from './version.js';

// The whole pipeline.
export { scanPaths, defaultSettings, resolveSettings, type ScanOptions, type ScanOutput, type ScanProgress } from './pipeline/scan.js';
export { SettingsError } from './pipeline/settings.js';
export { analyzeFiles } from './pipeline/analyze-files.js';
export { analyzeDocument, prepareParagraph } from './pipeline/analyze.js';
export { joinStreams, streamsOf, tokensAt } from './pipeline/streams.js';
export { compareAnalyses } from './pipeline/compare.js';

// Stages.
export { ingestFile, ingestPath, listInputFiles, listInputs, readInput, decodeText, registerExtractor, InputPathError } from './ingest/index.js';
export { DEFAULT_LIMITS, LimitError, type IngestLimits, type InputList } from './ingest/index.js';
export { extractors, ExtractError } from './ingest/formats/index.js';
export { stripArtefacts } from './ingest/artefacts.js';
export { segment } from './segment/segment.js';
export { normalize, numberingLength, countChars, DIGITS } from './normalize/normalize.js';
export { foldChinese } from './normalize/fold-chinese.js';
export { shingle, jaccard } from './shingle/shingle.js';
export { signature, sketchTokens, estimateJaccard, minHasher } from './sketch/minhash.js';
export { candidatePairs } from './lsh/candidates.js';
export { earlierCandidates } from './lsh/leaders.js';
export { align, regionSimilarity, type Region } from './verify/align.js';
export { comparable, relate, type Relation, type Tokens } from './verify/relate.js';
export { starClusters, type Edge, type Group } from './cluster/star.js';
export { PassageTable } from './cluster/passages.js';
export { scoreDocuments } from './score/score.js';

// Output.
export { toJson, jsonChunks, writeJsonFile, writeJsonFileAsync } from './report/json-result.js';
export * from './report/index.js';
export * from './diff/index.js';
