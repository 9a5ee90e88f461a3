/**
 * The data that flows through refrain, stage by stage. Every stage is a pure function from
 * one of these shapes to the next, so each can be called (and tested) on its own.
 *
 * Offsets are JavaScript string indexes (UTF-16 code units) unless a field says otherwise.
 */

/** A file as read from disk, before any text is decoded. */
export interface SourceFile {
  /** Path as the user gave it (relative paths stay relative), with '/' separators. */
  path: string;
  bytes: Uint8Array;
}

/** One report after ingest: its decoded text and where it came from. */
export interface Document {
  /** Position in the sorted input; ids are dense from 0. */
  id: number;
  path: string;
  /** Decoded text with line ends normalised to '\n'. */
  text: string;
  /** The encoding the bytes were decoded from: 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'. */
  encoding: string;
  /** 'txt', 'md', 'html', 'docx' or 'pdf'. */
  format: string;
  /** SHA-256 of the file's bytes, hex; identifies unchanged files between scans. */
  hash: string;
  /** For paged formats (PDF): offset in `text` where each page starts, in page order. */
  pageStarts?: number[];
  /** 1-based lines where the layout shows a new paragraph (PDF indents): never joined to the line before. */
  paragraphLines?: number[];
}

/** A problem with one input file. The scan goes on without it. */
export interface Diagnostic {
  path: string;
  level: 'error' | 'warning';
  message: string;
}

/** What ingest returns for one file: a document, or the reason there is none. */
export type IngestResult =
  { ok: true; document: Document; warnings?: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

/** A paragraph of a document, after reflowing hard-wrapped lines. */
export interface Paragraph {
  /** Index within its document, from 0. */
  index: number;
  /** 1-based line in the document's text where the paragraph starts. */
  line: number;
  /** 1-based page (paged formats only). */
  page?: number;
  /** Display text: the original lines joined (fragments of one paragraph joined without a break). */
  text: string;
}

/**
 * The comparison form of a piece of text: one token per CJK character, Latin word or digit run,
 * with NFKC applied, case folded, and whitespace and punctuation dropped.
 */
export interface Normalized {
  /** Token ids: a CJK character's code point, or a 32-bit hash of a word (high bit set). */
  tokens: Uint32Array;
  /** Same as `tokens`, but every digit run is one shared token, so 2021 and 2025 compare equal. */
  masked: Uint32Array;
  /** Offset in the source text where each token starts. */
  starts: Uint32Array;
  /** Offset in the source text just past each token. */
  ends: Uint32Array;
}

export type Scope = 'within' | 'across';
/**
 * What changed between the members: nothing (`exact`), only digits (`numbers`), only names and
 * numbers filled into a template (`names`), a few words (`near`), one holds most of the other
 * (`partial`), or one member has text spliced in that the batch does not use (`spliced`).
 */
export type Kind = MatchKind | 'names' | 'spliced';

/** What an alignment of two passages tells: the kinds a finding starts from. */
export type MatchKind = 'exact' | 'numbers' | 'near' | 'partial';

// The scan result, JSON schema 1, is in ./result.ts.
export type * from './result.js';

// ---------------------------------------------------------------------------------------------
// Between the per-document stages and the batch-wide ones.
// ---------------------------------------------------------------------------------------------

/** What the batch-wide stages need to know of a document, without its full text. */
export interface DocumentMeta {
  path: string;
  encoding: string;
  format: string;
  hash: string;
  /** Characters (code points), whitespace excluded. */
  chars: number;
}

/**
 * Everything the batch-wide stages need from one document: its paragraphs and the LSH band keys
 * of its comparison units. Plain data with typed arrays, so it can cross a worker boundary and be
 * stored in a workspace, and a document that has not changed need not be read again.
 */
export interface Analysis {
  document: DocumentMeta;
  paragraphs: Paragraph[];
  /** For comparison unit u: the paragraph it belongs to. */
  unitPara: Uint32Array;
  /** `bands` keys per unit, unit after unit: unit u's keys are bandKeys[u*bands .. u*bands+bands). */
  bandKeys: Uint32Array;
  /**
   * The comparison tokens of every paragraph, as the worker that read the document made them, so
   * the batch-wide stages need not normalize the text again. Absent on analyses loaded from a
   * workspace, whose paragraphs are normalized again when compared.
   */
  streams?: TokenStreams;
}

/**
 * Comparison tokens of a document's (or the batch's) paragraphs, paragraph after paragraph: in
 * shared memory, or, for batches larger than memory (`--engine duckdb`), in a file read a
 * paragraph at a time (read/token-file.ts). `tokensAt` reads either.
 */
export type TokenStreams = StreamsInMemory | StreamsOnDisk;

interface StreamsIndex {
  /** Paragraph p has tokenStart[p + 1] - tokenStart[p] tokens, and is at tokenStart[p] of the whole. */
  tokenStart: Uint32Array;
  /** Paragraph p has digitStart[p + 1] - digitStart[p] digit runs. */
  digitStart: Uint32Array;
}

export interface StreamsInMemory extends StreamsIndex {
  /** Normalized.masked of each paragraph, concatenated: paragraph p's are masked[tokenStart[p] .. tokenStart[p + 1]). */
  masked: Uint32Array;
  /** Normalized.tokens at each masked digit run, in order (what masking hid): digits[digitStart[p] .. digitStart[p + 1]). */
  digits: Uint32Array;
}

export interface StreamsOnDisk extends StreamsIndex {
  /** An open file, read by position (safe from every thread of the process). */
  fd: number;
  /** Byte offset of paragraph p in it: its masked tokens, then its digit runs, as 32-bit words. */
  at: Float64Array;
}
