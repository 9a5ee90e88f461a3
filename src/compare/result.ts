import type { Analysis, Diagnostic, ResultCluster, ScanResult, ScanSettings } from '../types.js';
import { VERSION } from '../version.js';
import { scoreDocuments } from './score/score.js';

/** The scan result (schema 1) of a compared batch: its reports with their scores, and the findings. */
export function assembleResult(
  batch: Analysis[],
  settings: ScanSettings,
  clusters: ResultCluster[],
  diagnostics: Diagnostic[],
): ScanResult {
  const { scores, pairs } = scoreDocuments(
    batch.map((a) => ({ paragraphs: a.paragraphs, chars: a.document.chars })),
    clusters,
  );
  return {
    schema: 1,
    tool: 'refrain',
    version: VERSION,
    settings: { ...settings },
    documents: batch.map((a, id) => ({
      id,
      path: a.document.path,
      encoding: a.document.encoding,
      format: a.document.format,
      hash: a.document.hash,
      chars: a.document.chars,
      ...scores[id],
      paragraphs: a.paragraphs,
    })),
    clusters,
    documentPairs: pairs,
    diagnostics: [...diagnostics].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)),
  };
}
