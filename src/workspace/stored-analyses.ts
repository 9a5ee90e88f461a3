import type Database from 'better-sqlite3';
import type { Analysis } from '../types.js';
import { fromBlob } from './blob.js';
import { paragraphsByDoc } from './load-scan.js';
import type { DocumentRow } from './rows.js';

/** A stored document's analysis, and the hash of the bytes it was made from. */
export interface StoredAnalysis {
  hash: string;
  analysis: Analysis;
}

type AnalysisRow = Pick<
  DocumentRow,
  'id' | 'path' | 'hash' | 'encoding' | 'format' | 'chars' | 'unit_para' | 'band_keys'
>;

/** Documents per slice when stored analyses are loaded a slice at a time. */
const LOAD_SLICE = 500;

/**
 * The stored analyses of the current batch's documents (not those read from a past workspace, nor
 * reference documents, which are stored without one), by path; see Workspace.storedAnalyses.
 */
export function loadAnalyses(
  db: Database.Database,
  onSlice?: (slice: Analysis[]) => void,
): Map<string, StoredAnalysis> {
  const load = db.transaction(() => {
    const rows = db
      .prepare(
        `SELECT id, path, hash, encoding, format, chars, unit_para, band_keys
         FROM documents WHERE past IS NULL AND unit_para IS NOT NULL ORDER BY id`,
      )
      .all() as AnalysisRow[];
    const out = new Map<string, StoredAnalysis>();
    const step = onSlice === undefined ? rows.length : LOAD_SLICE;
    for (let start = 0; start < rows.length; start += step) {
      const slice = rows.slice(start, start + step);
      const paragraphs = paragraphsByDoc(db, true, [slice[0].id, slice[slice.length - 1].id]);
      const analyses = slice.map((row): Analysis => ({
        document: { path: row.path, encoding: row.encoding, format: row.format, hash: row.hash, chars: row.chars },
        paragraphs: paragraphs.get(row.id) ?? [],
        unitPara: fromBlob(row.unit_para, 'unitPara'),
        bandKeys: fromBlob(row.band_keys, 'bandKeys'),
      }));
      analyses.forEach((analysis, i) => out.set(slice[i].path, { hash: slice[i].hash, analysis }));
      onSlice?.(analyses);
    }
    return out;
  });
  return load();
}
