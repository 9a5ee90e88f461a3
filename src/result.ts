/**
 * The scan result: JSON schema 1. Field names here are the JSON's field names (docs/json.md
 * describes each).
 */
import type { Diagnostic, Kind, Paragraph, Scope } from './types.js';

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
