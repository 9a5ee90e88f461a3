import { diffTexts } from '../../diff/index.js';
import type { Report, ReportFinding } from '../types.js';
import { findingHeadline, findingTone } from '../finding.js';
import { insteadSources } from '../splices.js';
import { showControls } from '../../util/controls.js';
import { when } from '../format.js';

/** Members of one finding diffed against the representative; the rest are listed only. */
export const DIFFS_PER_FINDING = 12;

/** Diff op codes in the embedded data. */
const OP_CODE = { same: 0, del: 1, add: 2 } as const;

/**
 * What the page's script renders lazily, kept compact: a 1,000-report batch embeds each report's
 * text once (about the size of the reports themselves), and a diff is op/length pairs into member
 * texts the page already has, never the text again.
 */
export interface PageData {
  /** Indexed by report id. */
  docs: PageDoc[];
  /** Indexed by finding id. */
  findings: PageFinding[];
  /** The batch's report ids, most templated first: the order reports are listed in. */
  ranking: number[];
  /** Past report ids (scan --against), most shared with the batch first: listed apart. */
  pastRanking: number[];
  /** Reference document ids (scan --reference), most reciting reports first: listed apart. */
  references: number[];
  /** Report ids in heatmap order. */
  order: number[];
  /** [a, b, sharedRatio] for every pair that shares text. */
  pairs: [number, number, number][];
}

export interface PageDoc {
  path: string;
  /** Its short name (see shortNames), for table rows. */
  label: string;
  /** The past workspace a past report comes from (scan --against); absent for the batch's. */
  past?: string;
  /** For the batch's reports scanned against a past workspace: the share found in past reports. */
  pastRatio?: number;
  /** Only for a reference document (scan --reference): the reports that recite it. */
  reference?: number[];
  /** For the batch's reports of a scan with references: the share reciting a reference. */
  recited?: number;
  chars: number;
  templated: number;
  within: number;
  boilerplate: number;
  /** [doc, sharedRatio], most first. */
  shares: [number, number][];
  findings: number[];
  /** [line, page (0: none), text, marks]; a mark is [start, end, tone (0 copy, 1 boilerplate, 2 spliced in), ...finding ids]. */
  paras: [number, number, string, number[][]][];
}

export interface PageFinding {
  /** As findingHeadline words it: "copying across 3 reports". */
  head: string;
  scope: string;
  kind: string;
  /** What the scan said: 1 boilerplate, 0 not. */
  boilerplate: number;
  /** How it is shown once the decision is applied: 0 copy, 1 boilerplate, 2 not highlighted (false match). */
  tone: number;
  docCount: number;
  similarity: number;
  chars: number;
  /**
   * [doc, paragraph, start, end]: always both offsets, whole paragraph included; a run of
   * paragraphs is [doc, first paragraph, 0, 0, last paragraph].
   */
  members: Array<[number, number, number, number] | [number, number, number, number, number]>;
  /** Of its reports, those from a past workspace. */
  pastReports: number;
  /** [label, note, when (as the report prints times), reviewer ('' when not known)] or null when not reviewed. */
  decision: [string, string, string, string] | null;
  /** [member index, op, length, op, length, …]: member 0 against that member. */
  diffs: number[][];
  /** [pieces, slots]; a slot is [kind, distance, start, end (member 0), start, end (member 1), …]. */
  template?: [string[], (string | number)[][]];
  /** [member, paragraph, start, end, canonical, who says it instead, text before, text after]. */
  splices?: [number, number, number, number, string, string, string, string][];
}

export function pageData(report: Report): PageData {
  const recitedBy = new Map(report.references.map((r) => [r.doc, r.recitedBy]));
  return {
    docs: report.documents.map((d) => ({
      path: shown(d.path),
      label: shown(d.label),
      ...(d.past === undefined ? {} : { past: d.past }),
      ...(d.pastRatio === undefined ? {} : { pastRatio: d.pastRatio }),
      ...(d.reference ? { reference: recitedBy.get(d.id) ?? [] } : {}),
      ...(d.recitedRatio === undefined ? {} : { recited: d.recitedRatio }),
      chars: d.chars,
      templated: d.templatedRatio,
      within: d.withinRatio,
      boilerplate: d.boilerplateRatio,
      shares: d.sharesMost.map((s) => [s.doc, s.sharedRatio]),
      findings: d.findings,
      paras: d.paragraphs.map((p) => [
        p.line,
        p.page ?? 0,
        shown(p.text),
        p.marks.map((m) => [m.start, m.end, m.splice ? 2 : m.tone === 'copy' ? 0 : 1, ...m.findings]),
      ]),
    })),
    findings: report.findings.map((f) => pageFinding(report, f)),
    ranking: report.ranking.map((r) => r.doc),
    pastRanking: report.pastRanking.map((r) => r.doc),
    references: report.references.map((r) => r.doc),
    order: report.order,
    pairs: report.pairs.filter((p) => p.sharedRatio > 0).map((p) => [p.a, p.b, p.sharedRatio]),
  };
}

function pageFinding(report: Report, f: ReportFinding): PageFinding {
  const tone = findingTone(f);
  const first = f.members[0];
  const page: PageFinding = {
    head: findingHeadline(f),
    scope: f.scope,
    kind: f.kind,
    boilerplate: f.boilerplate ? 1 : 0,
    tone: tone === 'copy' ? 0 : tone === 'boilerplate' ? 1 : 2,
    docCount: f.docCount,
    similarity: f.similarity,
    chars: f.chars,
    members: f.members.map((m) =>
      m.lastParagraph !== undefined
        ? [m.doc, m.paragraph, 0, 0, m.lastParagraph]
        : [m.doc, m.paragraph, m.start ?? 0, m.end ?? (m.start ?? 0) + m.text.length],
    ),
    pastReports: f.pastReports,
    decision: f.decision
      ? [f.decision.label, shown(f.decision.note), when(f.decision.at), f.decision.reviewer ?? '']
      : null,
    diffs: f.members.slice(1, DIFFS_PER_FINDING + 1).map((m, i) => [i + 1, ...diffOps(first.text, m.text)]),
  };
  if (f.template) {
    const slots = f.template.slots.map((s) => [s.kind, s.distance, ...s.values.flat()]);
    page.template = [f.template.pieces.map(shown), slots];
  }
  if (f.splices) {
    const pathOf = (d: number) => report.documents[d].path;
    page.splices = f.splices.map((s) => [
      s.member,
      s.paragraph,
      s.start,
      s.end,
      shown(s.canonical),
      shown(insteadSources(s, pathOf)),
      shown(s.before),
      shown(s.after),
    ]);
  }
  return page;
}

/** A diff as op/length pairs (lengths in UTF-16 code units, as the page slices strings). */
export function diffOps(a: string, b: string): number[] {
  const out: number[] = [];
  for (const part of diffTexts(a, b)) {
    if (part.text.length === 0) continue;
    out.push(OP_CODE[part.op], part.text.length);
  }
  return out;
}

/**
 * Text as the page shows it: control characters as visible symbols, as in every report for
 * people (one UTF-16 unit for one, so marks and diffs computed on the text still fit).
 */
function shown(text: string): string {
  return showControls(text, '\t\n');
}
