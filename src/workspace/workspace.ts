import type Database from 'better-sqlite3';
import type {
  Analysis,
  Decision,
  DecisionLabel,
  Diagnostic,
  Paragraph,
  ResultCluster,
  ResultDocument,
  ResultDocumentPair,
  ResultMember,
  ScanResult,
} from '../types.js';
import { fromBlob, toBlob } from './blob.js';
import { followDecisions, storedPlaces } from './follow-decisions.js';
import {
  mergeDecisions,
  readDecisionLog,
  readDecisions,
  removeDecision,
  writeDecision,
  type DecisionLogEntry,
  type MergeOutcome,
} from './decisions.js';
import { WorkspaceError } from './errors.js';
import { nextFindingIds, UNNUMBERED, type FindingIds } from './finding-ids.js';

export { DECISION_LABELS, isDecisionLabel } from './decisions.js';

/** A stored document's analysis, and the hash of the bytes it was made from. */
export interface StoredAnalysis {
  hash: string;
  analysis: Analysis;
}

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

// Fields each table has a column for; anything else on a row is kept as JSON in its `extra`
// column, so an optional field added to the result later survives a save and load.
const DOCUMENT_FIELDS = ['id', 'path', 'encoding', 'format', 'hash', 'chars', 'templatedRatio', 'withinRatio', 'boilerplateRatio', 'paragraphs', 'past'];
const PARAGRAPH_FIELDS = ['index', 'line', 'page', 'text'];
const CLUSTER_FIELDS = ['id', 'scope', 'kind', 'boilerplate', 'docCount', 'similarity', 'chars', 'key', 'members'];
const MEMBER_FIELDS = ['doc', 'paragraph', 'start', 'end'];
const PAIR_FIELDS = ['a', 'b', 'sharedRatio'];
const DIAGNOSTIC_FIELDS = ['path', 'level', 'message'];
const LIST_FIELDS = ['documents', 'clusters', 'documentPairs', 'diagnostics'];

/** Documents per slice when stored analyses are loaded a slice at a time. */
const LOAD_SLICE = 500;

/** The page cache while saving a scan, in KiB. */
const SAVE_CACHE_KIB = 64 * 1024;

/** A stored document without its paragraphs (see `Workspace.loadSummary`). */
export type DocumentSummary = Omit<ResultDocument, 'paragraphs'>;

/** A stored scan without the documents' paragraphs (see `Workspace.loadSummary`). */
export type ResultSummary = Omit<ScanResult, 'documents' | 'documentPairs'> & { documents: DocumentSummary[] };

/** An open workspace. Every method runs synchronously on one SQLite connection. */
export class Workspace {
  // Prepared once: a reader may ask for paragraphs one at a time, on every key press.
  private paragraphStatement: Database.Statement | undefined;
  private documentParagraphsStatement: Database.Statement | undefined;
  private paragraphPageStatement: Database.Statement | undefined;

  constructor(
    readonly path: string,
    private readonly db: Database.Database,
    readonly readonly: boolean,
  ) {}

  /**
   * The stored analyses of the current batch's documents (not those read from a past workspace),
   * by path. Empty when no scan has been saved. With `onSlice`, they are read a slice of documents
   * at a time, in one read transaction, and each slice is handed over as soon as it is read, so
   * that other threads can work on it while the rest loads.
   */
  storedAnalyses(onSlice?: (slice: Analysis[]) => void): Map<string, StoredAnalysis> {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT id, path, hash, encoding, format, chars, unit_para, band_keys
           FROM documents WHERE past IS NULL ORDER BY id`,
        )
        .all() as DocumentRow[];
      const out = new Map<string, StoredAnalysis>();
      const step = onSlice === undefined ? rows.length : LOAD_SLICE;
      for (let start = 0; start < rows.length; start += step) {
        const slice = rows.slice(start, start + step);
        const paragraphs = this.paragraphsByDoc(true, [slice[0].id, slice[slice.length - 1].id]);
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
    })();
  }

  /** The settings and version of the last saved scan (what its analyses were made with), or null. */
  storedHeader(): Pick<ScanResult, 'version' | 'settings'> | null {
    const header = this.meta('header');
    return header === null ? null : (JSON.parse(header) as Pick<ScanResult, 'version' | 'settings'>);
  }

  /** Facts saved with the last scan (see SaveOptions.info), or null. */
  lastScan(): Record<string, unknown> | null {
    const info = this.meta('lastScan');
    return info === null ? null : (JSON.parse(info) as Record<string, unknown>);
  }

  /**
   * Replaces the stored scan with `result` in one transaction: killed at any point, the workspace
   * holds either the previous scan or this one, whole. `analyses[i]` belongs to
   * `result.documents[i]`; it is stored (for incremental rescans) unless the document is `past`.
   * A document whose analysis is among `options.unchanged` and that keeps its id, path and hash
   * keeps its stored row and paragraphs as they are: a rescan of an unchanged batch rewrites the
   * findings, not the hundreds of megabytes of text and analyses.
   * Decisions are not touched, except that `carried` ones are added where none exists.
   * Returns the saved scan's number (see FindingIds).
   */
  saveScan(result: ScanResult, analyses: Analysis[], options: SaveOptions = {}): number {
    this.writable();
    if (analyses.length !== result.documents.length) {
      throw new Error(`saveScan: ${analyses.length} analyses for ${result.documents.length} documents`);
    }
    result.documents.forEach((doc, i) => {
      const meta = analyses[i].document;
      if (meta.path !== doc.path || meta.hash !== doc.hash) {
        throw new Error(`saveScan: analysis ${i} is for ${meta.path}, document ${i} is ${doc.path}`);
      }
    });
    const db = this.db;
    // A large batch's save writes tens of thousands of pages; in SQLite's default 2 MB page cache
    // they spill to the log mid-transaction and are read back (a quarter of a rescan's save).
    db.pragma(`cache_size = -${SAVE_CACHE_KIB}`);
    const insertDocument = db.prepare(
      `INSERT INTO documents (id, path, hash, encoding, format, chars, templated_ratio, within_ratio,
         boilerplate_ratio, past, unit_para, band_keys, extra)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const updateDocument = db.prepare(
      `UPDATE documents SET encoding = ?, format = ?, chars = ?, templated_ratio = ?, within_ratio = ?,
         boilerplate_ratio = ?, extra = ? WHERE id = ?`,
    );
    const deleteParagraphs = db.prepare(`DELETE FROM paragraphs WHERE doc = ?`);
    const deleteDocument = db.prepare(`DELETE FROM documents WHERE id = ?`);
    const insertParagraph = db.prepare(`INSERT INTO paragraphs (doc, idx, line, page, text, extra) VALUES (?, ?, ?, ?, ?, ?)`);
    const insertCluster = db.prepare(
      `INSERT INTO clusters (id, key, scope, kind, boilerplate, doc_count, similarity, chars, extra)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMember = db.prepare(
      `INSERT INTO members (cluster, pos, doc, paragraph, span_start, span_end, extra) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPair = db.prepare(`INSERT INTO document_pairs (pos, a, b, shared_ratio, extra) VALUES (?, ?, ?, ?, ?)`);
    const insertDiagnostic = db.prepare(`INSERT INTO diagnostics (pos, path, level, message, extra) VALUES (?, ?, ?, ?, ?)`);

    let numbering = UNNUMBERED;
    this.writing('the scan', () => db.transaction(() => {
      // Read inside the write lock: what is stored now is what this transaction replaces.
      const kept = this.keptDocuments(result, analyses, options.unchanged);
      const before = db.prepare(`SELECT key FROM clusters ORDER BY id`).pluck().all() as string[];
      numbering = nextFindingIds(this.findingIds(), before, result.clusters.map((c) => c.key));
      const followed = followDecisions(storedPlaces(db), readDecisions(db), result);
      db.exec(`DELETE FROM members; DELETE FROM clusters; DELETE FROM document_pairs; DELETE FROM diagnostics;`);
      if (kept.size === 0) {
        db.exec(`DELETE FROM paragraphs; DELETE FROM documents;`);
      } else {
        for (const id of kept.replaced) {
          deleteParagraphs.run(id);
          deleteDocument.run(id);
        }
      }
      result.documents.forEach((doc, i) => {
        const extra = extraOf(doc, DOCUMENT_FIELDS);
        const row = kept.get(doc.id);
        if (row !== undefined) {
          // Scores change with the rest of the batch; write them only when they did.
          const [, , , encoding, format, chars, templated, within, boilerplate, , stale] = row;
          const same =
            encoding === doc.encoding && format === doc.format && chars === doc.chars && templated === doc.templatedRatio &&
            within === doc.withinRatio && boilerplate === doc.boilerplateRatio && stale === extra;
          if (!same) {
            updateDocument.run(doc.encoding, doc.format, doc.chars, doc.templatedRatio, doc.withinRatio, doc.boilerplateRatio, extra, doc.id);
          }
          return;
        }
        const analysis = doc.past === undefined ? analyses[i] : null;
        insertDocument.run(
          doc.id, doc.path, doc.hash, doc.encoding, doc.format, doc.chars, doc.templatedRatio, doc.withinRatio,
          doc.boilerplateRatio, doc.past ?? null,
          analysis ? toBlob(analysis.unitPara) : null,
          analysis ? toBlob(analysis.bandKeys) : null,
          extra,
        );
        for (const p of doc.paragraphs) {
          insertParagraph.run(doc.id, p.index, p.line, p.page ?? null, p.text, extraOf(p, PARAGRAPH_FIELDS));
        }
      });
      for (const c of result.clusters) {
        insertCluster.run(c.id, c.key, c.scope, c.kind, c.boilerplate ? 1 : 0, c.docCount, c.similarity, c.chars, extraOf(c, CLUSTER_FIELDS));
        c.members.forEach((m, pos) => {
          insertMember.run(c.id, pos, m.doc, m.paragraph, m.start ?? null, m.end ?? null, extraOf(m, MEMBER_FIELDS));
        });
      }
      result.documentPairs.forEach((p, pos) => insertPair.run(pos, p.a, p.b, p.sharedRatio, extraOf(p, PAIR_FIELDS)));
      result.diagnostics.forEach((d, pos) => insertDiagnostic.run(pos, d.path, d.level, d.message, extraOf(d, DIAGNOSTIC_FIELDS)));
      this.setMeta('header', JSON.stringify(omit(result, LIST_FIELDS)));
      this.setMeta('lastScan', JSON.stringify(options.info ?? {}));
      this.setMeta('findingIds', JSON.stringify(numbering));
      if (options.carried?.length) this.carry(options.carried);
      if (followed.length > 0) this.carry(followed);
    }).immediate());
    return numbering.scan;
  }

  /** The stored scan's number and how its finding ids relate to earlier scans'. */
  findingIds(): FindingIds {
    const stored = this.meta('findingIds');
    return stored === null ? UNNUMBERED : (JSON.parse(stored) as FindingIds);
  }

  /** Adds decisions carried from a past workspace where this one has none for the key, and logs them. */
  private carry(decisions: Decision[]): void {
    const carry = this.db.prepare(`INSERT INTO decisions (key, label, note, at, reviewer) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`);
    const log = this.db.prepare(`INSERT INTO decision_log (key, label, note, at, reviewer) VALUES (?, ?, ?, ?, ?)`);
    for (const d of decisions) {
      const by = d.reviewer ?? null;
      if (carry.run(d.key, d.label, d.note, d.at, by).changes > 0) log.run(d.key, d.label, d.note, d.at, by);
    }
  }

  /**
   * Every stored document's columns, in id order, as arrays (half the time of rows as objects for
   * 10,000 documents); the analysis BLOBs are left out, being large.
   */
  private documentColumns(): DocumentColumns[] {
    return this.db
      .prepare(
        `SELECT id, path, hash, encoding, format, chars, templated_ratio, within_ratio, boilerplate_ratio, past, extra
         FROM documents ORDER BY id`,
      )
      .raw()
      .all() as DocumentColumns[];
  }

  /**
   * The stored document rows saveScan can leave in place, by id (a document of `result` whose
   * analysis is in `unchanged` and whose row under the same id has its path and hash, not past),
   * and the ids of the other stored rows, which it replaces or removes.
   */
  private keptDocuments(
    result: ScanResult,
    analyses: Analysis[],
    unchanged: ReadonlySet<Analysis> | undefined,
  ): Map<number, DocumentColumns> & { replaced: number[] } {
    const kept = Object.assign(new Map<number, DocumentColumns>(), { replaced: [] as number[] });
    const rows = this.documentColumns();
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
      const same = doc !== undefined && doc.past === undefined && past === null && doc.path === path && doc.hash === hash;
      if (same && unchanged.has(analyses[i!])) kept.set(id, row);
      else kept.replaced.push(id);
    }
    return kept;
  }

  /** The last complete scan, in the shape `scan --json` writes; null before the first scan. */
  loadResult(): ScanResult | null {
    return this.reading(() => {
      const paragraphs = this.paragraphsByDoc(false);
      const summary = this.load((row) => paragraphs.get(row.id) ?? []);
      if (summary === null) return null;
      // Built in the schema's field order, so JSON output matches the engine's.
      const { diagnostics, ...rest } = summary;
      return { ...rest, documentPairs: this.documentPairs(), diagnostics } as ScanResult;
    });
  }

  /**
   * Runs a read, turning SQLite's report of a damaged page into a WorkspaceError: a workspace
   * opened with `checkTables` meets damage elsewhere only when it reads it.
   */
  private reading<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
        throw new WorkspaceError(`workspace ${this.path} is corrupt (${(error as Error).message})`);
      }
      throw error;
    }
  }

  /**
   * The last complete scan without the paragraphs (their text is most of a workspace) and the
   * document pairs; null before the first scan. For readers that show a few paragraphs at a time
   * (the review UI): they read them with `paragraph` and `paragraphsOf`. A 10,000-report
   * workspace loads in a fraction of the time `loadResult` takes.
   */
  loadSummary(): ResultSummary | null {
    return this.reading(() => this.load(null));
  }

  /** Paragraph `index` of document `doc` (a document id), or undefined when there is none. */
  paragraph(doc: number, index: number): Paragraph | undefined {
    this.paragraphStatement ??= this.db.prepare(`SELECT * FROM paragraphs WHERE doc = ? AND idx = ?`);
    const row = this.paragraphStatement.get(doc, index) as ParagraphRow | undefined;
    return row === undefined ? undefined : paragraphOf(row);
  }

  /** Every paragraph of document `doc`, in order; empty when there is no such document. */
  paragraphsOf(doc: number): Paragraph[] {
    this.documentParagraphsStatement ??= this.db.prepare(`SELECT * FROM paragraphs WHERE doc = ? ORDER BY idx`);
    return (this.documentParagraphsStatement.all(doc) as ParagraphRow[]).map(paragraphOf);
  }

  /**
   * Up to `limit` paragraphs with their document ids, in storage order (document id, then index),
   * starting after paragraph `after.index` of document `after.doc` (from the first when null). For
   * reading many paragraphs a slice at a time, many times faster than one by one.
   */
  paragraphPage(after: { doc: number; index: number } | null, limit: number): { doc: number; paragraph: Paragraph }[] {
    this.paragraphPageStatement ??= this.db.prepare(
      `SELECT * FROM paragraphs WHERE (doc, idx) > (?, ?) ORDER BY doc, idx LIMIT ?`,
    );
    const rows = this.paragraphPageStatement.all(after?.doc ?? -1, after?.index ?? -1, limit) as ParagraphRow[];
    return rows.map((row) => ({ doc: row.doc, paragraph: paragraphOf(row) }));
  }

  /** The stored scan, each document's paragraphs from `paragraphs` or, when null, left out. */
  private load(paragraphs: ((row: DocumentRow) => Paragraph[]) | null): ResultSummary | null {
    const header = this.meta('header');
    if (header === null) return null;
    const rows = this.documentColumns();
    const documents = rows.map(([id, path, hash, encoding, format, chars, templated_ratio, within_ratio, boilerplate_ratio, past, extra]): DocumentSummary => {
      const r = { id, path, hash, encoding, format, chars, templated_ratio, within_ratio, boilerplate_ratio, past, extra } as DocumentRow;
      // Built in the type's field order (paragraphs among them), so JSON output matches the engine's.
      const doc: DocumentSummary & { paragraphs?: Paragraph[] } = {
        id: r.id,
        path: r.path,
        encoding: r.encoding,
        format: r.format,
        hash: r.hash,
        chars: r.chars,
        templatedRatio: r.templated_ratio,
        withinRatio: r.within_ratio,
        boilerplateRatio: r.boilerplate_ratio,
      };
      if (paragraphs !== null) doc.paragraphs = paragraphs(r);
      if (r.past !== null) doc.past = r.past;
      return withExtra(doc, r.extra);
    });
    const members = this.members();
    const clusters = (this.db.prepare(`SELECT * FROM clusters ORDER BY id`).all() as ClusterRow[]).map(
      (r): ResultCluster =>
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
    const diagnostics = this.diagnostics();
    const head = JSON.parse(header) as Omit<ScanResult, 'documents' | 'clusters' | 'documentPairs' | 'diagnostics'>;
    return { ...head, documents, clusters, diagnostics };
  }

  /** The stored document pairs, in order. */
  documentPairs(): ResultDocumentPair[] {
    return (this.db.prepare(`SELECT * FROM document_pairs ORDER BY pos`).all() as PairRow[]).map(
      (r): ResultDocumentPair => withExtra({ a: r.a, b: r.b, sharedRatio: r.shared_ratio }, r.extra),
    );
  }

  /**
   * Every cluster's members, in order, by cluster id. Read as one row per cluster with its members
   * joined into a string by SQLite: a row per member costs about three times as long, and a large
   * scan has a few hundred thousand members. A cluster with any member `extra` is read row by row.
   */
  private members(): Map<number, ResultMember[]> {
    const out = new Map<number, ResultMember[]>();
    const grouped = this.db.prepare(
      `SELECT cluster, count(extra) AS extras,
         group_concat(doc || ',' || paragraph || ',' || ifnull(span_start, '') || ',' || ifnull(span_end, ''), ',' ORDER BY pos) AS list
       FROM members GROUP BY cluster ORDER BY cluster`,
    );
    const rows = this.db.prepare(`SELECT * FROM members WHERE cluster = ? ORDER BY pos`);
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

  /** The diagnostics of the last complete scan. */
  diagnostics(): Diagnostic[] {
    return (this.db.prepare(`SELECT * FROM diagnostics ORDER BY pos`).all() as DiagnosticRow[]).map(
      (r): Diagnostic => withExtra({ path: r.path, level: r.level as Diagnostic['level'], message: r.message }, r.extra),
    );
  }

  /** Every current decision, by key order. */
  decisions(): Decision[] {
    return readDecisions(this.db);
  }

  /** Every decision made or cleared, oldest first; `label` null means cleared. */
  decisionLog(): DecisionLogEntry[] {
    return readDecisionLog(this.db);
  }

  /**
   * Records a decision, made by `reviewer` ('' when not known); it is committed (synchronous=FULL)
   * before this returns. Without `note` the finding keeps the note it has.
   */
  decide(key: string, label: DecisionLabel, note?: string, at = new Date().toISOString(), reviewer = ''): Decision {
    this.writable();
    return this.writing('the decision', () => writeDecision(this.db, key, label, note, at, reviewer));
  }

  /** Removes the decision on `key` (undo); returns whether there was one. Logged like a decision, with who removed it. */
  clearDecision(key: string, at = new Date().toISOString(), reviewer = ''): boolean {
    this.writable();
    return this.writing('the change', () => removeDecision(this.db, key, at, reviewer));
  }

  /** Merges decisions exported from another workspace (see mergeDecisions). */
  importDecisions(incoming: { decisions: Decision[]; log: DecisionLogEntry[] }, overwrite = false): MergeOutcome {
    this.writable();
    return this.writing('the import', () => mergeDecisions(this.db, incoming, overwrite));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private writable(): void {
    if (this.readonly) throw new WorkspaceError(`workspace ${this.path} was opened read-only`);
  }

  /**
   * Runs a write, turning what the machine refuses (a full disk, a file or folder made read-only
   * since the workspace was opened, an I/O error, a lock held too long) into a WorkspaceError
   * that says `what` was not saved. The transaction is rolled back: nothing was changed.
   */
  private writing<T>(what: string, write: () => T): T {
    try {
      return write();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      const message = (error as Error).message;
      const unsaved = `${what} was not saved; the workspace holds what it held before`;
      if (code === 'SQLITE_FULL') throw new WorkspaceError(`the disk holding workspace ${this.path} is full: ${unsaved}. Free some space and try again`);
      if (code.startsWith('SQLITE_READONLY')) throw new WorkspaceError(`workspace ${this.path} cannot be written (${message}): ${unsaved}`);
      if (code.startsWith('SQLITE_IOERR')) throw new WorkspaceError(`cannot write workspace ${this.path} (${message}): ${unsaved}`);
      if (code.startsWith('SQLITE_BUSY')) throw new WorkspaceError(`workspace ${this.path} is busy (another refrain kept it locked): ${unsaved}. Try again`);
      throw error;
    }
  }

  private meta(key: string): string | null {
    const row = this.db.prepare(`SELECT value FROM meta WHERE key = ?`).get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
  }

  /** Paragraphs by document id; only of documents `range[0]..range[1]` (ids, inclusive) when given. */
  private paragraphsByDoc(currentOnly: boolean, range?: [number, number]): Map<number, Paragraph[]> {
    const [from, to] = range ?? [-1, Number.MAX_SAFE_INTEGER];
    const sql = currentOnly
      ? `SELECT p.doc, p.idx, p.line, p.page, p.text, p.extra FROM paragraphs p JOIN documents d ON d.id = p.doc
         WHERE d.past IS NULL AND p.doc BETWEEN ? AND ? ORDER BY p.doc, p.idx`
      : `SELECT doc, idx, line, page, text, extra FROM paragraphs WHERE doc BETWEEN ? AND ? ORDER BY doc, idx`;
    // Rows as arrays: a few hundred thousand paragraphs load in about half the time of objects.
    const rows = this.db.prepare(sql).raw().all(from, to) as ParagraphColumns[];
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
}

interface DocumentRow {
  id: number;
  path: string;
  hash: string;
  encoding: string;
  format: string;
  chars: number;
  templated_ratio: number;
  within_ratio: number;
  boilerplate_ratio: number;
  past: string | null;
  unit_para: Buffer | null;
  band_keys: Buffer | null;
  extra: string | null;
}
type DocumentColumns = [number, string, string, string, string, number, number, number, number, string | null, string | null];
interface ParagraphRow {
  doc: number;
  idx: number;
  line: number;
  page: number | null;
  text: string;
  extra: string | null;
}
type ParagraphColumns = [number, number, number, number | null, string, string | null];
interface ClusterRow {
  id: number;
  key: string;
  scope: string;
  kind: string;
  boilerplate: number;
  doc_count: number;
  similarity: number;
  chars: number;
  extra: string | null;
}
interface MemberRow {
  cluster: number;
  pos: number;
  doc: number;
  paragraph: number;
  span_start: number | null;
  span_end: number | null;
  extra: string | null;
}
interface PairRow {
  a: number;
  b: number;
  shared_ratio: number;
  extra: string | null;
}
interface DiagnosticRow {
  path: string;
  level: string;
  message: string;
  extra: string | null;
}

function memberOf(r: MemberRow): ResultMember {
  const m: ResultMember = { doc: r.doc, paragraph: r.paragraph };
  if (r.span_start !== null) m.start = r.span_start;
  if (r.span_end !== null) m.end = r.span_end;
  return withExtra(m, r.extra);
}

function paragraphOf(r: ParagraphRow): Paragraph {
  return paragraphFrom(r.idx, r.line, r.page, r.text, r.extra);
}

function paragraphFrom(index: number, line: number, page: number | null, text: string, extra: string | null): Paragraph {
  // Built whole, in the type's field order, so JSON output matches the engine's.
  const p: Paragraph = page === null ? { index, line, text } : { index, line, page, text };
  return withExtra(p, extra);
}

function omit(object: object, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([k]) => !fields.includes(k)));
}

/** The fields of `object` that have no column, as JSON; null when there are none. */
function extraOf(object: object, known: string[]): string | null {
  // Called for every row saved (hundreds of thousands): allocates nothing when there is no extra.
  let rest: Record<string, unknown> | undefined;
  for (const k in object) {
    const v = (object as Record<string, unknown>)[k];
    if (v === undefined || known.includes(k) || !Object.hasOwn(object, k)) continue;
    (rest ??= {})[k] = v;
  }
  return rest === undefined ? null : JSON.stringify(rest);
}

function withExtra<T extends object>(object: T, extra: string | null): T {
  return extra === null ? object : Object.assign(object, JSON.parse(extra) as object);
}
