import type { Analysis, Kind, ResultCluster, ResultMember, Template } from '../../types.js';
import { foreignSplices, spliceCandidates, spliceOf, type Candidate } from './splices.js';
import { nameSlots, valueText, type MemberText } from './template.js';
import { templatesOf } from '../workers/compare-pool.js';
import type { WorkerPool } from '../../util/worker-pool.js';
import { numberingLength } from '../../read/normalize/normalize.js';

/**
 * Findings with more members than this get no template: a line every report carries is stock
 * text, and its thousands of members would cost an alignment each for no reader.
 */
const MAX_MEMBERS = 1000;

/**
 * The skeleton must be this share of every member's text for the finding to read as a template
 * filled in: below it the members are rewritings of each other, and their "slots" are most of
 * the text.
 */
const MIN_SKELETON_SHARE = 2 / 3;

/** Shortest value (characters) that can be a name: one character recurs everywhere. */
const MIN_NAME_CHARS = 2;

/**
 * Findings whose members' texts are gathered and templated at a time: the texts of all of them at
 * once took over a gigabyte at 300,000 reports.
 */
const FINDINGS_AT_ONCE = 4096;

/**
 * Gives each finding of two or more members, copied passage by passage (not a run of paragraphs),
 * its template: the text all members share, and the slots where each says something of its own.
 */
export async function addTemplates(findings: ResultCluster[], analyses: Analysis[], pool?: WorkerPool): Promise<void> {
  const texts = new ReportTexts(analyses);
  const candidates: Candidate[] = [];
  const skeletons = new Map<number, Template>();
  for (let first = 0; first < findings.length; first += FINDINGS_AT_ONCE) {
    const groups: Array<{ finding: number; places: ResultMember[]; members: MemberText[] }> = [];
    for (let finding = first; finding < Math.min(findings.length, first + FINDINGS_AT_ONCE); finding++) {
      const f = findings[finding];
      if (f.members.length < 2 || f.members.length > MAX_MEMBERS) continue;
      // A run of paragraphs copied in sequence has no one template, but each of its copies may carry a splice.
      for (const places of f.parts ?? [f.members]) {
        const members = places.map((m) => memberText(m, analyses));
        // Word for word the same everywhere: nothing filled in, nothing spliced.
        if (!members.every((m) => m.text === members[0].text)) groups.push({ finding, places, members });
      }
    }
    const templates = await templatesOf(
      groups.map((g) => g.members),
      pool,
    );
    groups.forEach(({ finding, places, members }, g) => {
      const template = templates[g];
      if (!template || template.slots.length === 0) return;
      const skeleton = template.pieces.reduce((sum, p) => sum + p.length, 0);
      if (members.some((m, i) => skeleton < MIN_SKELETON_SHARE * interiorLength(template, m, i))) return;
      nameSlots(template, members, (i, start, end) => texts.recurs(places[i], start, end));
      const f = findings[finding];
      // Only a copy with words changed has slots to show: an exact one differs only where its members'
      // passages start and end, a partial one covers a different extent of the text.
      if (!f.parts && (f.kind === 'near' || f.kind === 'numbers')) f.template = template;
      const textOf = (i: number, v: [number, number]) => valueText(members[i], v);
      const found = spliceCandidates(finding, template, places, textOf);
      // Kept for a splice only, which may show it.
      if (!f.parts && found.length > 0) skeletons.set(finding, template);
      candidates.push(...found);
    });
  }
  for (const c of foreignSplices(candidates, analyses)) {
    const f = findings[c.finding];
    (f.splices ??= []).push(spliceOf(c));
    // A splice reads best against the text every other member keeps: its template shows it.
    f.template ??= skeletons.get(c.finding);
  }
  for (const f of findings) {
    f.kind = kindOf(f);
    // A splice is never kept apart: it is the one finding an auditor must not miss.
    if (f.splices) {
      f.boilerplate = false;
      delete f.stock;
    }
  }
}

/**
 * A member's text without what stands before the first shared piece or after the last one: a
 * passage found against a reference may start or end a clause away from the other member.
 */
function interiorLength(template: Template, member: MemberText, i: number): number {
  const { pieces, slots } = template;
  let length = member.text.length;
  const width = (s: number) => slots[s].values[i][1] - slots[s].values[i][0];
  if (slots.length > 0 && pieces[0] === '') length -= width(0);
  if (slots.length > 0 && pieces[pieces.length - 1] === '' && (slots.length > 1 || pieces[0] !== ''))
    length -= width(slots.length - 1);
  return length;
}

/** `spliced` above all; `names` for a near copy whose slots are only names and numbers. */
function kindOf(f: ResultCluster): Kind {
  if (f.splices) return 'spliced';
  const slots = f.template?.slots;
  if (f.kind === 'near' && slots?.every((s) => s.kind !== 'text') && slots.some((s) => s.kind === 'name'))
    return 'names';
  return f.kind;
}

function memberText(m: ResultMember, analyses: Analysis[]): MemberText {
  const text = analyses[m.doc].paragraphs[m.paragraph].text;
  const base = m.start ?? numberingLength(text);
  return { text: text.slice(base, m.end ?? text.length), base };
}

/** Reports whose texts ReportTexts keeps at once. */
const REPORTS_KEPT = 256;

/**
 * Each report's paragraphs, searched for a value found again outside a given member. A report's
 * texts are read once for all the slots and findings that search it soon after: with the text
 * on disk, reading them again for every slot of every member left gigabytes of strings for the
 * collector at 300,000 reports.
 */
class ReportTexts {
  private kept = new Map<number, string[]>();

  constructor(private readonly analyses: Analysis[]) {}

  /** Whether the text of member `m` at [start, end) of its paragraph occurs elsewhere in its report. */
  recurs(m: ResultMember, start: number, end: number): boolean {
    const texts = this.textsOf(m.doc);
    const value = texts[m.paragraph].slice(start, end).trim();
    if ([...value].length < MIN_NAME_CHARS) return false;
    for (let p = 0; p < texts.length; p++) {
      const text = texts[p];
      for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
        const inMember = p === m.paragraph && at < (m.end ?? text.length) && at + value.length > (m.start ?? 0);
        if (!inMember) return true;
      }
    }
    return false;
  }

  private textsOf(doc: number): string[] {
    let texts = this.kept.get(doc);
    if (!texts) {
      if (this.kept.size >= REPORTS_KEPT) this.kept.clear();
      texts = this.analyses[doc].paragraphs.map((p) => p.text);
      this.kept.set(doc, texts);
    }
    return texts;
  }
}
