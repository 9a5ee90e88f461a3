import type Database from 'better-sqlite3';
import type { Analysis, Decision, ScanResult } from '../types.js';
import { toBlob } from './blob.js';
import { carryDecisions, readDecisions } from './decisions.js';
import { nextFindingIds } from './finding-ids.js';
import { followDecisions, storedPlaces } from './follow-decisions.js';
import { readFindingIds, writeMeta } from './meta.js';
import { documentColumns, extraOf, type DocumentColumns } from './rows.js';

/** What saveScan writes besides the result itself. */
export interface SaveOptions {
  /** Decisions carried from a past workspace; added only where this workspace has none for the key. */
  carried?: Decision[];
  /** Free-form facts about the scan (counts, time), kept as the workspace's `lastScan`. */
  info?: Record<string, unknown>;
  /**
   * Analyses exactly as `storedAnalyses` returned them (reused, not made again). Their documents'
   * stored rows and paragraphs are left as they are where the id, path and hash still match.
   */
  unchanged?: ReadonlySet<Analysis>;
}

// The fields each table has a column for; the others go to its `extra` column (see rows.ts).
const DOCUMENT_FIELDS = [
  'id',
  'path',
  'encoding',
  'format',
  'hash',
  'chars',
  'templatedRatio',
  'withinRatio',
  'boilerplateRatio',
  'paragraphs',
  'past',
];
const PARAGRAPH_FIELDS = ['index', 'line', 'page', 'text'];
const CLUSTER_FIELDS = ['id', 'scope', 'kind', 'boilerplate', 'docCount', 'similarity', 'chars', 'key', 'members'];
const MEMBER_FIELDS = ['doc', 'paragraph', 'start', 'end'];
const PAIR_FIELDS = ['a', 'b', 'sharedRatio'];
const DIAGNOSTIC_FIELDS = ['path', 'level', 'message'];
const LIST_FIELDS = ['documents', 'clusters', 'documentPairs', 'diagnostics'];

/** The page cache while saving a scan, in KiB. */
const SAVE_CACHE_KIB = 64 * 1024;

/** The stored document rows a save leaves in place, by id, and the ids of those it replaces or removes. */
type KeptDocuments = Map<number, DocumentColumns> & { replaced: number[] };

/** Refuses analyses that do not belong to the result's documents, one for one. */
export function checkAnalyses(result: ScanResult, analyses: Analysis[]): void {
  if (analyses.length !== result.documents.length) {
    throw new Error(`saveScan: ${analyses.length} analyses for ${result.documents.length} documents`);
  }
  result.documents.forEach((doc, i) => {
    const meta = analyses[i].document;
    if (meta.path !== doc.path || meta.hash !== doc.hash) {
      throw new Error(`saveScan: analysis ${i} is for ${meta.path}, document ${i} is ${doc.path}`);
    }
  });
}

/**
 * Replaces the stored scan with `result` in one transaction (see Workspace.saveScan) and returns
 * the saved scan's number.
 */
export function writeScan(
  db: Database.Database,
  result: ScanResult,
  analyses: Analysis[],
  options: SaveOptions,
): number {
  // A large batch's save writes tens of thousands of pages; in SQLite's default 2 MB page cache
  // they spill to the log mid-transaction and are read back (a quarter of a rescan's save).
  db.pragma(`cache_size = -${SAVE_CACHE_KIB}`);
  const write = db.transaction((): number => {
    // Read inside the write lock: what is stored now is what this transaction replaces.
    const kept = keptDocuments(db, result, analyses, options.unchanged);
    const before = db.prepare(`SELECT key FROM clusters ORDER BY id`).pluck().all() as string[];
    const numbering = nextFindingIds(
      readFindingIds(db),
      before,
      result.clusters.map((c) => c.key),
    );
    const followed = followDecisions(storedPlaces(db), readDecisions(db), result);
    db.exec(`DELETE FROM members; DELETE FROM clusters; DELETE FROM document_pairs; DELETE FROM diagnostics;`);
    removeDocuments(db, kept);
    writeDocuments(db, result, analyses, kept);
    writeFindings(db, result);
    writeMeta(db, 'header', JSON.stringify(omit(result, LIST_FIELDS)));
    writeMeta(db, 'lastScan', JSON.stringify(options.info ?? {}));
    writeMeta(db, 'findingIds', JSON.stringify(numbering));
    if (options.carried?.length) carryDecisions(db, options.carried);
    if (followed.length > 0) carryDecisions(db, followed);
    return numbering.scan;
  });
  return write.immediate();
}

/**
 * The stored document rows a save can leave in place, by id (a document of `result` whose
 * analysis is in `unchanged` and whose row under the same id has its path and hash, not past),
 * and the ids of the other stored rows, which it replaces or removes.
 */
function keptDocuments(
  db: Database.Database,
  result: ScanResult,
  analyses: Analysis[],
  unchanged: ReadonlySet<Analysis> | undefined,
): KeptDocuments {
  const kept: KeptDocuments = Object.assign(new Map<number, DocumentColumns>(), { replaced: [] as number[] });
  const rows = documentColumns(db);
  if (unchanged === undefined || unchanged.size === 0) {
    kept.replaced = rows.map((r) => r[0]);
    return kept;
  }
  const byId = new Map<number, number>();
  result.documents.forEach((doc, i) => byId.set(doc.id, i));
  for (const row of rows) {
    const [id, path, hash, , , , , , , past] = row;
    const i = byId.get(id);
    const doc = i === undefined ? undefined : result.documents[i];
    const same =
      i !== undefined &&
      doc !== undefined &&
      doc.past === undefined &&
      past === null &&
      doc.path === path &&
      doc.hash === hash;
    if (same && unchanged.has(analyses[i])) kept.set(id, row);
    else kept.replaced.push(id);
  }
  return kept;
}

function removeDocuments(db: Database.Database, kept: KeptDocuments): void {
  if (kept.size === 0) {
    db.exec(`DELETE FROM paragraphs; DELETE FROM documents;`);
    return;
  }
  const deleteParagraphs = db.prepare(`DELETE FROM paragraphs WHERE doc = ?`);
  const deleteDocument = db.prepare(`DELETE FROM documents WHERE id = ?`);
  for (const id of kept.replaced) {
    deleteParagraphs.run(id);
    deleteDocument.run(id);
  }
}

/**
 * Writes each document of `result`: a kept row only where its scores changed (they change with
 * the rest of the batch), any other with its paragraphs and, unless it is past, its analysis.
 */
function writeDocuments(db: Database.Database, result: ScanResult, analyses: Analysis[], kept: KeptDocuments): void {
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, path, hash, encoding, format, chars, templated_ratio, within_ratio,
       boilerplate_ratio, past, unit_para, band_keys, extra)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateDocument = db.prepare(
    `UPDATE documents SET encoding = ?, format = ?, chars = ?, templated_ratio = ?, within_ratio = ?,
       boilerplate_ratio = ?, extra = ? WHERE id = ?`,
  );
  const insertParagraph = db.prepare(
    `INSERT INTO paragraphs (doc, idx, line, page, text, extra) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  result.documents.forEach((doc, i) => {
    const extra = extraOf(doc, DOCUMENT_FIELDS);
    const row = kept.get(doc.id);
    if (row !== undefined) {
      const [, , , encoding, format, chars, templated, within, boilerplate, , stale] = row;
      const same =
        encoding === doc.encoding &&
        format === doc.format &&
        chars === doc.chars &&
        templated === doc.templatedRatio &&
        within === doc.withinRatio &&
        boilerplate === doc.boilerplateRatio &&
        stale === extra;
      if (!same) {
        updateDocument.run(
          doc.encoding,
          doc.format,
          doc.chars,
          doc.templatedRatio,
          doc.withinRatio,
          doc.boilerplateRatio,
          extra,
          doc.id,
        );
      }
      return;
    }
    const analysis = doc.past === undefined && doc.reference === undefined ? analyses[i] : null;
    insertDocument.run(
      doc.id,
      doc.path,
      doc.hash,
      doc.encoding,
      doc.format,
      doc.chars,
      doc.templatedRatio,
      doc.withinRatio,
      doc.boilerplateRatio,
      doc.past ?? null,
      analysis ? toBlob(analysis.unitPara) : null,
      analysis ? toBlob(analysis.bandKeys) : null,
      extra,
    );
    for (const p of doc.paragraphs) {
      insertParagraph.run(doc.id, p.index, p.line, p.page ?? null, p.text, extraOf(p, PARAGRAPH_FIELDS));
    }
  });
}

/** Writes the findings with their members, the document pairs and the diagnostics. */
function writeFindings(db: Database.Database, result: ScanResult): void {
  const insertCluster = db.prepare(
    `INSERT INTO clusters (id, key, scope, kind, boilerplate, doc_count, similarity, chars, extra)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMember = db.prepare(
    `INSERT INTO members (cluster, pos, doc, paragraph, span_start, span_end, extra) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPair = db.prepare(`INSERT INTO document_pairs (pos, a, b, shared_ratio, extra) VALUES (?, ?, ?, ?, ?)`);
  const insertDiagnostic = db.prepare(
    `INSERT INTO diagnostics (pos, path, level, message, extra) VALUES (?, ?, ?, ?, ?)`,
  );
  for (const c of result.clusters) {
    insertCluster.run(
      c.id,
      c.key,
      c.scope,
      c.kind,
      c.boilerplate ? 1 : 0,
      c.docCount,
      c.similarity,
      c.chars,
      extraOf(c, CLUSTER_FIELDS),
    );
    c.members.forEach((m, pos) => {
      insertMember.run(c.id, pos, m.doc, m.paragraph, m.start ?? null, m.end ?? null, extraOf(m, MEMBER_FIELDS));
    });
  }
  result.documentPairs.forEach((p, pos) => insertPair.run(pos, p.a, p.b, p.sharedRatio, extraOf(p, PAIR_FIELDS)));
  result.diagnostics.forEach((d, pos) =>
    insertDiagnostic.run(pos, d.path, d.level, d.message, extraOf(d, DIAGNOSTIC_FIELDS)),
  );
}

function omit(object: object, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([k]) => !fields.includes(k)));
}
