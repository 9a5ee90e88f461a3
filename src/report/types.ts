import type {
  Decision,
  DecisionLabel,
  Diagnostic,
  ResultCluster,
  ResultDocumentPair,
  TemplateSlot,
  ScanInfo,
  ScanResult,
  ScanSettings,
} from '../types.js';

/** What every reporter is given: a scan and the reviewer's decisions on its findings. */
export interface ReportInput {
  result: ScanResult;
  decisions: Decision[];
  /** How many findings the Markdown report lists in full (default TOP_FINDINGS); the others ignore it. */
  top?: number;
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
  /** Text spliced in (see ReportSplice): shown louder than any copying, whatever the decision. */
  splice?: true;
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
  /** A short name, distinct from every other report's, for where a path does not fit (see shortNames). */
  label: string;
  /** For a report of a past workspace (scan --against): that workspace's path. */
  past?: string;
  /** For a report of the batch scanned against a past workspace: the share found in the past reports. */
  pastRatio?: number;
  /** A reference document (scan --reference): quoted by reports, no report itself; its ratios are 0. */
  reference?: true;
  /** For a report of a scan with references: the share of its text that recites a reference. */
  recitedRatio?: number;
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
  /** The member stands in a reference document: what the reports around it recite. */
  reference?: true;
  /** The member's passage: the span of the paragraph text, the whole paragraph, or the run of paragraphs (one per line). */
  text: string;
}

export interface ReportDecision {
  label: DecisionLabel;
  note: string;
  at: string;
  /** Who made it, when known. */
  reviewer?: string;
}

/** A decision on a finding of the scan, as the list of every decision shows it. */
export interface DecisionEntry extends ReportDecision {
  finding: number;
  key: string;
}

/** A finding as the scan gave it (see ResultCluster), with its members placed and its decision. */
export interface ReportFinding extends Omit<ResultCluster, 'members' | 'template' | 'splices'> {
  members: ReportMember[];
  /** How many of its reports come from a past workspace (scan --against). */
  pastReports: number;
  /** How many of the documents it stands in are reference documents (scan --reference). */
  references: number;
  decision?: ReportDecision;
  template?: ReportTemplate;
  splices?: ReportSplice[];
}

/** A finding's template: the skeleton its members share and, per slot, what each member put there. */
export interface ReportTemplate {
  /** The shared text in pieces: slot i stands between pieces[i] and pieces[i + 1]. */
  pieces: string[];
  slots: ReportSlot[];
}

export interface ReportSlot extends TemplateSlot {
  /** Per member, in member order: the text of its value ('' when it says nothing there). */
  texts: string[];
}

/**
 * Text one member alone has where the others agree (spam spliced into a copied page), placed
 * and with the text around it, so that every report can list it first.
 */
export interface ReportSplice {
  finding: number;
  /** The member, by its position in the finding's members. */
  member: number;
  doc: number;
  path: string;
  paragraph: number;
  line: number;
  page?: number;
  start: number;
  end: number;
  text: string;
  /** What the others say in its place ('' for an insertion). */
  canonical: string;
  /** Up to SPLICE_CONTEXT characters of the paragraph on either side of the spliced text. */
  before: string;
  after: string;
  /** The other documents of the finding, which say `canonical` there: reports and references, by id. */
  otherReports: number[];
  otherReferences: number[];
  /** The reviewer's decision on the finding, when there is one. */
  decision?: ReportDecision;
}

/** A reference document (scan --reference) and what recites it. */
export interface ReportReference {
  doc: number;
  path: string;
  chars: number;
  /** The reports that recite it, by id, ascending. */
  recitedBy: number[];
  /** The findings it stands in, ascending. */
  findings: number[];
}

/** A report's place in the ranking by templated ratio. */
export interface RankedDocument {
  doc: number;
  path: string;
  templatedRatio: number;
  withinRatio: number;
  boilerplateRatio: number;
  /** Only when the batch was scanned against a past workspace. */
  pastRatio?: number;
  /** Only when the scan had reference documents. */
  recitedRatio?: number;
}

/** A past report (scan --against) in their own ranking, most shared with this batch first. */
export interface PastRankedDocument {
  doc: number;
  path: string;
  /** The past workspace it comes from. */
  past: string;
  /** The report of this batch it shares most with, if any. */
  sharesMost?: SharedWith;
}

/**
 * Figures of the batch: past reports (scan --against) and reference documents (scan --reference)
 * are counted apart and weigh in no share.
 */
export interface ReportSummary {
  documents: number;
  /** Reports of a past workspace the batch was compared with. */
  pastDocuments: number;
  /** Reference documents the batch was read against. */
  referenceDocuments: number;
  /** Texts spliced into the batch's reports (see Report.splices). */
  splices: number;
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
  /** Character-weighted share of text found in the past reports; only with a past workspace. */
  pastShare?: number;
  /** Character-weighted share of text reciting a reference document; only with references. */
  recitedShare?: number;
  /** Who made the decisions on the findings, most decisions first. */
  reviewers: string[];
  /** The earliest and latest decision on the findings, ISO 8601; absent when none was made. */
  decidedFrom?: string;
  decidedTo?: string;
}

/** Everything a reporter shows, computed once: plain data, no formatting. */
export interface Report {
  tool: string;
  version: string;
  settings: ScanSettings;
  /** When and over what the scan was made, when the result says. */
  scan?: ScanInfo;
  summary: ReportSummary;
  /** The batch's reports, most templated first (ties: lower id first); past reports and references are not among them. */
  ranking: RankedDocument[];
  /** The past reports (scan --against), most shared with the batch first. */
  pastRanking: PastRankedDocument[];
  /** The reference documents (scan --reference), most reciting reports first. */
  references: ReportReference[];
  /** Every splice of every finding, in the review order: what every report lists first. */
  splices: ReportSplice[];
  /** The findings with a template (the batch's template families), most reports first. */
  templates: number[];
  /** Report ids in heatmap order: reports that share much sit next to each other (no references). */
  order: number[];
  /** Pairs of reports with a>b swapped so that a<b, sorted by a then b. */
  pairs: ResultDocumentPair[];
  /** Indexed by report id. */
  documents: ReportDocument[];
  /** Indexed by finding id, so in the review order (see `reviewOrder`). */
  findings: ReportFinding[];
  /** Findings worth reading first, at most TOP_FINDINGS: see `worthReadingFirst`. */
  topFindings: number[];
  /** Every decision on a finding of the scan, by finding id. */
  decisions: DecisionEntry[];
  /** Decisions on findings not in this scan (found in an earlier scan, or carried from a past year). */
  otherDecisions: number;
  diagnostics: Diagnostic[];
}
