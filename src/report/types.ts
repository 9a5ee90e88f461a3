import type {
  Decision,
  DecisionLabel,
  Diagnostic,
  ResultCluster,
  ResultDocumentPair,
  ScanResult,
  ScanSettings,
} from '../types.js';

/** What every reporter is given: a scan and the reviewer's decisions on its findings. */
export interface ReportInput {
  result: ScanResult;
  decisions: Decision[];
}

/** A reporter turns a scan (and decisions) into one file's text. Pure: no I/O, no clock. */
export type Reporter = (input: ReportInput) => string;

/**
 * How a highlighted passage is shown: `boilerplate` muted, `copy` strong. A finding the reviewer
 * called boilerplate is shown as boilerplate; one called a false match is not highlighted.
 */
export type Tone = 'boilerplate' | 'copy';

/** A stretch of a paragraph covered by one or more findings; marks of a paragraph never overlap. */
export interface Mark {
  start: number;
  end: number;
  tone: Tone;
  /** Ids of the findings covering this stretch, ascending. */
  findings: number[];
}

export interface ReportParagraph {
  index: number;
  line: number;
  page?: number;
  text: string;
  /** Sorted by start, non-overlapping. */
  marks: Mark[];
}

/** Another report this one shares text with. */
export interface SharedWith {
  doc: number;
  path: string;
  sharedRatio: number;
}

export interface ReportDocument {
  id: number;
  path: string;
  encoding: string;
  format: string;
  chars: number;
  templatedRatio: number;
  withinRatio: number;
  boilerplateRatio: number;
  paragraphs: ReportParagraph[];
  /** The reports it shares most with, most first (at most `TOP_SHARED`). */
  sharesMost: SharedWith[];
  /** Ids of the findings it takes part in, ascending. */
  findings: number[];
}

export interface ReportMember {
  doc: number;
  path: string;
  paragraph: number;
  line: number;
  page?: number;
  start?: number;
  end?: number;
  /** For a run of paragraphs: its last paragraph, and that paragraph's line. */
  lastParagraph?: number;
  lastLine?: number;
  /** The member's passage: the span of the paragraph text, the whole paragraph, or the run of paragraphs (one per line). */
  text: string;
}

export interface ReportDecision {
  label: DecisionLabel;
  note: string;
  at: string;
}

/** A finding as the scan gave it (see ResultCluster), with its members placed and its decision. */
export interface ReportFinding extends Omit<ResultCluster, 'members'> {
  members: ReportMember[];
  decision?: ReportDecision;
}

/** A report's place in the ranking by templated ratio. */
export interface RankedDocument {
  doc: number;
  path: string;
  templatedRatio: number;
  withinRatio: number;
  boilerplateRatio: number;
}

export interface ReportSummary {
  documents: number;
  findings: number;
  acrossFindings: number;
  withinFindings: number;
  boilerplateFindings: number;
  /** Findings with a reviewer decision. */
  decided: number;
  /** Characters of all reports (code points, whitespace excluded). */
  chars: number;
  /** Character-weighted share over the batch of text found in other reports. */
  templatedShare: number;
  /** Character-weighted share of text repeated inside its own report. */
  withinShare: number;
  /** Character-weighted share of boilerplate. */
  boilerplateShare: number;
}

/** Everything a reporter shows, computed once: plain data, no formatting. */
export interface Report {
  tool: string;
  version: string;
  settings: ScanSettings;
  summary: ReportSummary;
  /** All reports, most templated first (ties: lower id first). */
  ranking: RankedDocument[];
  /** Report ids in heatmap order: reports that share much sit next to each other. */
  order: number[];
  /** Pairs of reports with a>b swapped so that a<b, sorted by a then b. */
  pairs: ResultDocumentPair[];
  /** Indexed by report id. */
  documents: ReportDocument[];
  /** Indexed by finding id. */
  findings: ReportFinding[];
  /** Findings worth reading first: see `rankFindings`. */
  topFindings: number[];
  diagnostics: Diagnostic[];
}
