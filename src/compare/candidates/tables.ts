import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import duckdb from '@duckdb/node-bindings';
import { DuckDBDataChunk, INTEGER, type DuckDBConnection } from '@duckdb/node-api';

/** Rows per chunk appended: DuckDB's vector size. */
const CHUNK = 2048;

/** Columns of 32-bit integers, as DuckDB's INT columns hold them. */
export type IntColumn = Int32Array | Uint32Array;

/**
 * Appends columns of 32-bit integers (same length) to `table` as INT columns, a chunk at a time,
 * each column's bytes copied into the chunk as they are: value by value, appending was slower than
 * the query that reads them. Unsigned values (hashes) are stored as their signed 32-bit pattern:
 * only their equality matters.
 */
export async function appendColumns(
  connection: DuckDBConnection,
  table: string,
  columns: IntColumn[],
  rows = columns[0]?.length ?? 0,
): Promise<void> {
  const appender = await connection.createAppender(table);
  const chunk = DuckDBDataChunk.create(columns.map(() => INTEGER));
  const vectors = columns.map((_, c) => duckdb.data_chunk_get_vector(chunk.chunk, c));
  for (let first = 0; first < rows; first += CHUNK) {
    const n = Math.min(CHUNK, rows - first);
    columns.forEach((column, c) => {
      const from = column.byteOffset + first * 4;
      duckdb.copy_data_to_vector(vectors[c], 0, column.buffer as ArrayBuffer, from, n * 4);
    });
    duckdb.data_chunk_set_size(chunk.chunk, n);
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
}

/**
 * Streams the rows of a query whose columns are all INT and never NULL, a chunk of columns at a
 * time, to `onChunk`: the result of a candidate query can be larger than memory would hold as
 * JavaScript values. The columns are valid during the call only.
 */
export async function forEachChunk(
  connection: DuckDBConnection,
  sql: string,
  onChunk: (columns: Int32Array[], rows: number) => void,
): Promise<void> {
  const result = await connection.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const rows = chunk.rowCount;
    const columns = Array.from({ length: result.columnCount }, (_, c) => {
      const bytes = duckdb.vector_get_data(duckdb.data_chunk_get_vector(chunk.chunk, c), rows * 4);
      return new Int32Array(bytes.buffer, bytes.byteOffset, rows);
    });
    onChunk(columns, rows);
  }
}

/**
 * The text of one of the candidate queries in the package's `sql/` folder: one file each, shared
 * with the Spark job (README, "Larger than one machine").
 */
export function candidateSql(name: 'offers' | 'partners'): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'sql', `${name}.sql`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`refrain's sql/${name}.sql is missing: reinstall refrain`);
}
