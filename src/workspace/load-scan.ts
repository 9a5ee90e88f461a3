import type Database from 'better-sqlite3';
import type {
  Diagnostic,
  Paragraph,
  ResultCluster,
  ResultDocument,
  ResultDocumentPair,
  ResultMember,
  ScanResult,
} from '../types.js';
import { readMeta } from './meta.js';
import {
  documentColumns,
  memberOf,
  paragraphFrom,
  withExtra,
  type ClusterRow,
  type DiagnosticRow,
  type MemberRow,
  type PairRow,
  type ParagraphColumns,
} from './rows.js';

/** A stored document without its paragraphs (see `Workspace.loadSummary`). */
export type DocumentSummary = Omit<ResultDocument, 'paragraphs'>;

/** A stored scan without the documents' paragraphs (see `Workspace.loadSummary`). */
export type ResultSummary = Omit<ScanResult, 'documents' | 'documentPairs'> & { documents: DocumentSummary[] };

/** The stored result without its lists, as saved in the meta table. */
type Header = Omit<ScanResult, 'documents' | 'clusters' | 'documentPairs' | 'diagnostics'>;

/** The last complete scan, in the shape `scan --json` writes; null before the first scan. */
export function loadResult(db: Database.Database): ScanResult | null {
  const paragraphs = paragraphsByDoc(db, false);
  const summary = loadScan(db, (id) => paragraphs.get(id) ?? []);
  if (summary === null) return null;
  // Built in the schema's field order, so JSON output matches the engine's.
  const { diagnostics, ...rest } = summary;
  return { ...rest, documentPairs: loadDocumentPairs(db), diagnostics } as ScanResult;
}

/**
 * The stored scan without its document pairs, each document's paragraphs from `paragraphs` (given
 * the document's id) or, when null, left out; null before the first scan.
 */
export function loadScan(
  db: Database.Database,
  paragraphs: ((id: number) => Paragraph[]) | null,
): ResultSummary | null {
  const header = readMeta(db, 'header');
  if (header === null) return null;
  const documents = documentColumns(db).map(
    ([
      id,
      path,
      hash,
      encoding,
      format,
      chars,
      templatedRatio,
      withinRatio,
      boilerplateRatio,
      past,
      extra,
    ]): DocumentSummary => {
      // Built in the type's field order (paragraphs among them), so JSON output matches the engine's.
      const doc: DocumentSummary & { paragraphs?: Paragraph[] } = {
        id,
        path,
        encoding,
        format,
        hash,
        chars,
        templatedRatio,
        withinRatio,
        boilerplateRatio,
      };
      if (paragraphs !== null) doc.paragraphs = paragraphs(id);
      if (past !== null) doc.past = past;
      return withExtra(doc, extra);
    },
  );
  return { ...(JSON.parse(header) as Header), documents, clusters: loadClusters(db), diagnostics: loadDiagnostics(db) };
}

function loadClusters(db: Database.Database): ResultCluster[] {
  const members = loadMembers(db);
  return (db.prepare(`SELECT * FROM clusters ORDER BY id`).all() as ClusterRow[]).map((r): ResultCluster =>
    withExtra(
      {
        id: r.id,
        scope: r.scope as ResultCluster['scope'],
        kind: r.kind as ResultCluster['kind'],
        boilerplate: r.boilerplate === 1,
        // Scans saved before findings carried their rare content hold none: 0, until rescanned.
        content: 0,
        docCount: r.doc_count,
        similarity: r.similarity,
        chars: r.chars,
        key: r.key,
        members: members.get(r.id) ?? [],
      },
      r.extra,
    ),
  );
}

/**
 * Every cluster's members, in order, by cluster id. Read as one row per cluster with its members
 * joined into a string by SQLite: a row per member costs about three times as long, and a large
 * scan has a few hundred thousand members. A cluster with any member `extra` is read row by row.
 */
function loadMembers(db: Database.Database): Map<number, ResultMember[]> {
  const out = new Map<number, ResultMember[]>();
  const grouped = db.prepare(
    `SELECT cluster, count(extra) AS extras,
       group_concat(doc || ',' || paragraph || ',' || ifnull(span_start, '') || ',' || ifnull(span_end, ''), ',' ORDER BY pos) AS list
     FROM members GROUP BY cluster ORDER BY cluster`,
  );
  const rows = db.prepare(`SELECT * FROM members WHERE cluster = ? ORDER BY pos`);
  for (const g of grouped.all() as { cluster: number; extras: number; list: string }[]) {
    if (g.extras > 0) {
      out.set(g.cluster, (rows.all(g.cluster) as MemberRow[]).map(memberOf));
      continue;
    }
    const fields = g.list.split(',');
    const list: ResultMember[] = [];
    for (let i = 0; i + 3 < fields.length; i += 4) {
      const m: ResultMember = { doc: Number(fields[i]), paragraph: Number(fields[i + 1]) };
      if (fields[i + 2] !== '') m.start = Number(fields[i + 2]);
      if (fields[i + 3] !== '') m.end = Number(fields[i + 3]);
      list.push(m);
    }
    out.set(g.cluster, list);
  }
  return out;
}

/** The stored document pairs, in order. */
export function loadDocumentPairs(db: Database.Database): ResultDocumentPair[] {
  return (db.prepare(`SELECT * FROM document_pairs ORDER BY pos`).all() as PairRow[]).map((r): ResultDocumentPair =>
    withExtra({ a: r.a, b: r.b, sharedRatio: r.shared_ratio }, r.extra),
  );
}

/** The diagnostics of the last complete scan. */
export function loadDiagnostics(db: Database.Database): Diagnostic[] {
  return (db.prepare(`SELECT * FROM diagnostics ORDER BY pos`).all() as DiagnosticRow[]).map((r): Diagnostic =>
    withExtra({ path: r.path, level: r.level as Diagnostic['level'], message: r.message }, r.extra),
  );
}

/**
 * Paragraphs by document id: of the current batch's documents only (not past ones) when
 * `currentOnly`; only of documents `range[0]..range[1]` (ids, inclusive) when given.
 */
export function paragraphsByDoc(
  db: Database.Database,
  currentOnly: boolean,
  range?: [number, number],
): Map<number, Paragraph[]> {
  const [from, to] = range ?? [-1, Number.MAX_SAFE_INTEGER];
  const sql = currentOnly
    ? `SELECT p.doc, p.idx, p.line, p.page, p.text, p.extra FROM paragraphs p JOIN documents d ON d.id = p.doc
       WHERE d.past IS NULL AND p.doc BETWEEN ? AND ? ORDER BY p.doc, p.idx`
    : `SELECT doc, idx, line, page, text, extra FROM paragraphs WHERE doc BETWEEN ? AND ? ORDER BY doc, idx`;
  // Rows as arrays: a few hundred thousand paragraphs load in about half the time of objects.
  const rows = db.prepare(sql).raw().all(from, to) as ParagraphColumns[];
  const out = new Map<number, Paragraph[]>();
  let doc = -1;
  let list: Paragraph[] = [];
  for (const [d, idx, line, page, text, extra] of rows) {
    if (d !== doc) {
      doc = d;
      list = [];
      out.set(d, list);
    }
    list.push(paragraphFrom(idx, line, page, text, extra));
  }
  return out;
}
