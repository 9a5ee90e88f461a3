import type Database from 'better-sqlite3';
import type {
  Analysis,
  Decision,
  DecisionLabel,
  Diagnostic,
  Paragraph,
  ResultDocumentPair,
  ScanResult,
} from '../types.js';
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
import type { FindingIds } from './finding-ids.js';
import { loadDiagnostics, loadDocumentPairs, loadResult, loadScan, type ResultSummary } from './load-scan.js';
import { readFindingIds, readMeta, writeMeta } from './meta.js';
import { paragraphOf, type ParagraphRow } from './rows.js';
import { checkAnalyses, writeScan, type SaveOptions } from './save-scan.js';
import { loadAnalyses, type StoredAnalysis } from './stored-analyses.js';

// The types of the class's own API, for its callers.
export type { SaveOptions } from './save-scan.js';
export type { StoredAnalysis } from './stored-analyses.js';
export type { DocumentSummary, ResultSummary } from './load-scan.js';

/**
 * An open workspace. Every method runs synchronously on one SQLite connection. The work is done
 * by functions of the connection, by what they do: saving a scan (save-scan.ts), reading it
 * (load-scan.ts), the stored analyses (stored-analyses.ts), decisions (decisions.ts); this class
 * adds what every caller needs around them: refusing writes to a workspace opened read-only, and
 * turning what SQLite refuses into a WorkspaceError that says what was not saved.
 */
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
    return loadAnalyses(this.db, onSlice);
  }

  /** The settings and version of the last saved scan (what its analyses were made with), or null. */
  storedHeader(): Pick<ScanResult, 'version' | 'settings'> | null {
    const header = readMeta(this.db, 'header');
    return header === null ? null : (JSON.parse(header) as Pick<ScanResult, 'version' | 'settings'>);
  }

  /** The reference documents a scan of this workspace reads when none are given, or undefined. */
  references(): string[] | undefined {
    const stored = readMeta(this.db, 'references');
    return stored === null ? undefined : (JSON.parse(stored) as string[]);
  }

  /** Remembers the reference documents (files or folders, absolute) for the scans to come; [] forgets them. */
  keepReferences(paths: string[]): void {
    writeMeta(this.db, 'references', JSON.stringify(paths));
  }

  /** Facts saved with the last scan (see SaveOptions.info), or null. */
  lastScan(): Record<string, unknown> | null {
    const info = readMeta(this.db, 'lastScan');
    return info === null ? null : (JSON.parse(info) as Record<string, unknown>);
  }

  /**
   * Replaces the stored scan with `result` in one transaction: killed at any point, the workspace
   * holds either the previous scan or this one, whole. `analyses[i]` belongs to
   * `result.documents[i]`; it is stored (for incremental rescans) unless the document is `past`.
   * A document whose analysis is among `options.unchanged` and that keeps its id, path and hash
   * keeps its stored row and paragraphs as they are: a rescan of an unchanged batch rewrites the
   * findings, not the hundreds of megabytes of text and analyses.
   * Decisions are not touched, except that `carried` ones are added where none exists, and a
   * decision follows its finding to the key the new scan gives it (see followDecisions).
   * Returns the saved scan's number (see FindingIds).
   */
  saveScan(result: ScanResult, analyses: Analysis[], options: SaveOptions = {}): number {
    this.writable();
    checkAnalyses(result, analyses);
    return this.writing('the scan', () => writeScan(this.db, result, analyses, options));
  }

  /** The stored scan's number and how its finding ids relate to earlier scans'. */
  findingIds(): FindingIds {
    return readFindingIds(this.db);
  }

  /** The last complete scan, in the shape `scan --json` writes; null before the first scan. */
  loadResult(): ScanResult | null {
    return this.reading(() => loadResult(this.db));
  }

  /**
   * The last complete scan without the paragraphs (their text is most of a workspace) and the
   * document pairs; null before the first scan. For readers that show a few paragraphs at a time
   * (the review UI): they read them with `paragraph` and `paragraphsOf`. A 10,000-report
   * workspace loads in a fraction of the time `loadResult` takes.
   */
  loadSummary(): ResultSummary | null {
    return this.reading(() => loadScan(this.db, null));
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

  /** The stored document pairs, in order. */
  documentPairs(): ResultDocumentPair[] {
    return loadDocumentPairs(this.db);
  }

  /** The diagnostics of the last complete scan. */
  diagnostics(): Diagnostic[] {
    return loadDiagnostics(this.db);
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
      const code = sqliteCode(error);
      const message = (error as Error).message;
      const unsaved = `${what} was not saved; the workspace holds what it held before`;
      if (code === 'SQLITE_FULL')
        throw new WorkspaceError(
          `the disk holding workspace ${this.path} is full: ${unsaved}. Free some space and try again`,
        );
      if (code.startsWith('SQLITE_READONLY'))
        throw new WorkspaceError(`workspace ${this.path} cannot be written (${message}): ${unsaved}`);
      if (code.startsWith('SQLITE_IOERR'))
        throw new WorkspaceError(`cannot write workspace ${this.path} (${message}): ${unsaved}`);
      if (code.startsWith('SQLITE_BUSY'))
        throw new WorkspaceError(
          `workspace ${this.path} is busy (another refrain kept it locked): ${unsaved}. Try again`,
        );
      throw error;
    }
  }

  /**
   * Runs a read, turning SQLite's report of a damaged page into a WorkspaceError: a workspace
   * opened with `checkTables` meets damage elsewhere only when it reads it.
   */
  private reading<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      const code = sqliteCode(error);
      if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
        throw new WorkspaceError(`workspace ${this.path} is corrupt (${(error as Error).message})`);
      }
      throw error;
    }
  }
}

/** The SQLite result code an error carries ('' for any other error). */
function sqliteCode(error: unknown): string {
  return (error as { code?: string }).code ?? '';
}
