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
export type IngestResult = { ok: true; document: Document; warnings?: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

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

// ---------------------------------------------------------------------------------------------
// The scan result: JSON schema 1. Field names here are the JSON's field names.
// ---------------------------------------------------------------------------------------------

export interface ResultDocument {
  id: number;
  path: string;
  encoding: string;
  format: string;
  /** SHA-256 of the file's bytes. */
  hash: string;
  /** Characters of text (code points, whitespace excluded). */
  chars: number;
  /** Share of this document's characters covered by copies found in other documents (boilerplate aside). */
  templatedRatio: number;
  /** Share of this document's characters repeated elsewhere inside it (boilerplate aside). */
  withinRatio: number;
  /** Share covered by boilerplate findings: stock text, headings, table rows, page chrome. */
  boilerplateRatio: number;
  paragraphs: Paragraph[];
  /**
   * Only for a document read from a past workspace (`scan --against PAST.db`): that workspace's
   * path. Absent for documents of the batch being scanned.
   */
  past?: string;
  /**
   * Only with `scan --against PAST.db`, on the batch's documents: the share of this document's
   * characters found in the past workspace's reports. `templatedRatio` and the other ratios are
   * then those of the batch alone, the same as a scan without `--against` gives.
   */
  pastRatio?: number;
  /**
   * Only with `scan --reference PATH`: true on a reference document (an upstream text reports
   * quote: a law, a plan, the national format). It is no report: its ratios are 0 and it has no
   * findings of its own.
   */
  reference?: true;
  /**
   * Only with `scan --reference PATH`, on reports: the share of this report's characters that
   * recite a reference document. Not part of `templatedRatio`.
   */
  recitedRatio?: number;
}

export interface ResultMember {
  doc: number;
  paragraph: number;
  /** Present for a span of the paragraph's text; absent for the whole paragraph. */
  start?: number;
  end?: number;
  /**
   * Present when the member is a run of paragraphs copied in sequence: paragraphs `paragraph` to
   * `lastParagraph` (inclusive), whole; `start` and `end` are then absent, and the finding's
   * `parts` say which paragraph was copied from which.
   */
  lastParagraph?: number;
}

/** Why a finding is kept out of the queue (see src/compare/judge/judge.ts). */
export type StockReason = 'line' | 'table' | 'common' | 'short' | 'widespread' | 'recited';

/** A finding. Schema 1 calls findings clusters; the name stays for the readers of that schema. */
export interface ResultCluster {
  /**
   * Deterministic: findings are ranked (the queue first, most rare shared text first; then those
   * kept apart) and numbered from 0. This order is the one review order of every view.
   */
  id: number;
  scope: Scope;
  kind: Kind;
  /**
   * True when the finding is kept out of the queue: stock text (headings, table rows, page chrome,
   * formulas and slogans) or too little rare shared text to read as a copy. `stock` says why.
   */
  boilerplate: boolean;
  /** Why the finding is boilerplate; absent for findings in the queue. */
  stock?: StockReason;
  /**
   * Rare shared text, in CJK-character units (a word of an alphabetic script counts 2.5): what
   * the best-matching place shares with the representative, leaving out 6-token runs that other
   * reports of the batch also use. The queue is ranked by it.
   */
  content: number;
  docCount: number;
  /** Lowest similarity of any member to the cluster's representative, 0..1. */
  similarity: number;
  /** Characters (code points) of the representative passage. */
  chars: number;
  /** Content key: stable across rescans and batches, used to carry reviewer decisions. */
  key: string;
  /** The first member is the representative; every other member was verified against it. */
  members: ResultMember[];
  /**
   * For a finding whose members are runs of paragraphs (a recycled report, a copied article):
   * the copies it is made of, in order. parts[k][i] is member i's piece of copy k (a paragraph or
   * a span of one), so parts[k][0] against parts[k][i] is a per-paragraph diff.
   */
  parts?: ResultMember[][];
  /**
   * For a finding of two or more members copied passage by passage: the text they all share and
   * the slots where each says something of its own (a place name, a year, a phrase added).
   */
  template?: Template;
  /**
   * Text one member alone has, foreign to the batch, where every other member agrees: spam spliced
   * into a copied page. The finding's kind is then `spliced`, and it is listed first.
   */
  splices?: Splice[];
}

export interface Splice {
  /** The member, by its position in `members`. */
  member: number;
  /** The paragraph it stands in (a member that is a run of paragraphs holds several). */
  paragraph: number;
  /** Where the spliced text stands in that paragraph's text, [start, end). */
  start: number;
  end: number;
  text: string;
  /** What the other members say there (empty when they say nothing: an insertion). */
  canonical: string;
}

/** What members written from one text share, and where they differ (see src/compare/templates). */
export interface Template {
  /** The shared text in pieces: slot i stands between pieces[i] and pieces[i + 1]. */
  pieces: string[];
  slots: TemplateSlot[];
}

export interface TemplateSlot {
  /** Per member, in member order: its value as [start, end) in its paragraph's text (start = end when it has none). */
  values: Array<[number, number]>;
  /** `number`: digits only; `name`: each value recurs elsewhere in its own report (a place, a unit); `text`: anything else. */
  kind: 'number' | 'name' | 'text';
  /** Largest edit distance of a member's value from the representative's, over the longer of the two (0..1). */
  distance: number;
}

export interface ResultDocumentPair {
  a: number;
  b: number;
  /** Characters shared, divided by the smaller document's characters. */
  sharedRatio: number;
}

export interface ScanSettings {
  /** Similarity a pair of passages needs to be reported (0..1). */
  threshold: number;
  /**
   * Smallest passage reported, in CJK characters (a word of an alphabetic script counts 2.5); a
   * paragraph repeated whole needs two thirds of it.
   */
  minTokens: number;
  /**
   * Rare shared text a finding between two reports needs to be in the queue, in the same units;
   * more for findings in more reports, or in a larger share of the batch (see src/compare/judge).
   */
  minContent: number;
  /** MinHash signature length. */
  numHashes: number;
  /** LSH bands (rows per band = numHashes / bands). */
  bands: number;
}

/** A file or folder given to the scan, and the files found in it. */
export interface ScanInput {
  path: string;
  files: number;
}

/** When and over what a scan was made: what a report needs to say to be handed on. */
export interface ScanInfo {
  /** When the scan was made, ISO 8601 in UTC (SOURCE_DATE_EPOCH, when set, fixes it). */
  at: string;
  /** The files and folders given, as given, each with the number of files found in it. */
  inputs: ScanInput[];
  /** The workspace the scan was saved in; absent when nothing was saved. */
  workspace?: string;
  /** Reports kept in the workspace from earlier scans, not among this scan's inputs. */
  kept?: number;
  /** The past workspace the batch was compared with (`scan --against`). */
  against?: {
    path: string;
    /** Its reports that took part. */
    reports: number;
    /** When its own last scan was made, when it says. */
    at?: string;
  };
  /** The reference documents given (`scan --reference`), as given, each with its number of files. */
  references?: ScanInput[];
}

export interface ScanResult {
  schema: 1;
  tool: 'refrain';
  version: string;
  settings: ScanSettings;
  /** Absent from results made before refrain recorded it. */
  scan?: ScanInfo;
  documents: ResultDocument[];
  clusters: ResultCluster[];
  documentPairs: ResultDocumentPair[];
  diagnostics: Diagnostic[];
}

/** A reviewer's judgment on a finding, keyed by the finding's content key. */
export type DecisionLabel = 'copied' | 'boilerplate' | 'false-match';

export interface Decision {
  key: string;
  label: DecisionLabel;
  note: string;
  /** ISO 8601. */
  at: string;
  /** Who made it (`--reviewer`, or the login name); absent when not known. */
  reviewer?: string;
}

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

/** Comparison tokens of a document's paragraphs, paragraph after paragraph. */
export interface TokenStreams {
  /** Normalized.masked of each paragraph, concatenated. */
  masked: Uint32Array;
  /** Paragraph p's tokens are masked[tokenStart[p] .. tokenStart[p + 1]). */
  tokenStart: Uint32Array;
  /** Normalized.tokens at each masked digit run, in order: what masking hid. */
  digits: Uint32Array;
  /** Paragraph p's digit runs are digits[digitStart[p] .. digitStart[p + 1]). */
  digitStart: Uint32Array;
}
