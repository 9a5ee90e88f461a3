import type Database from 'better-sqlite3';
import type { Paragraph, ResultMember } from '../types.js';

/**
 * The workspace's rows as SQLite returns them (tables in schema.ts), and the result's objects
 * built from them. A field of the result with no column of its own is kept as JSON in the row's
 * `extra` column, so an optional field added to the result later survives a save and load.
 */

export interface DocumentRow {
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

/** A document row without its analysis, as an array (see documentColumns). */
export type DocumentColumns = [
  id: number,
  path: string,
  hash: string,
  encoding: string,
  format: string,
  chars: number,
  templatedRatio: number,
  withinRatio: number,
  boilerplateRatio: number,
  past: string | null,
  extra: string | null,
];

export interface ParagraphRow {
  doc: number;
  idx: number;
  line: number;
  page: number | null;
  text: string;
  extra: string | null;
}

export type ParagraphColumns = [
  doc: number,
  idx: number,
  line: number,
  page: number | null,
  text: string,
  extra: string | null,
];

export interface ClusterRow {
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

export interface MemberRow {
  cluster: number;
  pos: number;
  doc: number;
  paragraph: number;
  span_start: number | null;
  span_end: number | null;
  extra: string | null;
}

export interface PairRow {
  a: number;
  b: number;
  shared_ratio: number;
  extra: string | null;
}

export interface DiagnosticRow {
  path: string;
  level: string;
  message: string;
  extra: string | null;
}

/**
 * Every stored document's columns, in id order, as arrays (half the time of rows as objects for
 * 10,000 documents); the analysis BLOBs are left out, being large.
 */
export function documentColumns(db: Database.Database): DocumentColumns[] {
  return db
    .prepare(
      `SELECT id, path, hash, encoding, format, chars, templated_ratio, within_ratio, boilerplate_ratio, past, extra
       FROM documents ORDER BY id`,
    )
    .raw()
    .all() as DocumentColumns[];
}

export function memberOf(r: MemberRow): ResultMember {
  const m: ResultMember = { doc: r.doc, paragraph: r.paragraph };
  if (r.span_start !== null) m.start = r.span_start;
  if (r.span_end !== null) m.end = r.span_end;
  return withExtra(m, r.extra);
}

export function paragraphOf(r: ParagraphRow): Paragraph {
  return paragraphFrom(r.idx, r.line, r.page, r.text, r.extra);
}

export function paragraphFrom(
  index: number,
  line: number,
  page: number | null,
  text: string,
  extra: string | null,
): Paragraph {
  // Built whole, in the type's field order, so JSON output matches the engine's.
  const p: Paragraph = page === null ? { index, line, text } : { index, line, page, text };
  return withExtra(p, extra);
}

/** The fields of `object` that have no column, as JSON; null when there are none. */
export function extraOf(object: object, known: readonly string[]): string | null {
  // Called for every row saved (hundreds of thousands): allocates nothing when there is no extra.
  let rest: Record<string, unknown> | undefined;
  for (const k in object) {
    const v = (object as Record<string, unknown>)[k];
    if (v === undefined || known.includes(k) || !Object.hasOwn(object, k)) continue;
    (rest ??= {})[k] = v;
  }
  return rest === undefined ? null : JSON.stringify(rest);
}

export function withExtra<T extends object>(object: T, extra: string | null): T {
  return extra === null ? object : Object.assign(object, JSON.parse(extra) as object);
}
