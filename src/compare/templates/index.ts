import type { Analysis, ResultCluster, ResultMember } from '../../types.js';
import { templateOf, type MemberText } from './template.js';
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
 * Gives each finding of two or more members, copied passage by passage (not a run of paragraphs),
 * its template: the text all members share, and the slots where each says something of its own.
 */
export function addTemplates(findings: ResultCluster[], analyses: Analysis[]): void {
  const texts = new ReportTexts(analyses);
  for (const f of findings) {
    // A partial finding's members cover different extents of one text: no common skeleton to fill.
    if (f.parts || f.kind === 'partial' || f.members.length < 2 || f.members.length > MAX_MEMBERS) continue;
    const members = f.members.map((m) => memberText(m, analyses));
    const template = templateOf(members, (i, start, end) => texts.recurs(f.members[i], start, end));
    if (!template || template.slots.length === 0) continue;
    const skeleton = template.pieces.reduce((n, p) => n + p.length, 0);
    if (members.every((m) => skeleton >= MIN_SKELETON_SHARE * m.text.length)) f.template = template;
  }
}

/** A member's text, past the numbering a paragraph starts with (一、, （二）, 3.): not the template's. */
function memberText(m: ResultMember, analyses: Analysis[]): MemberText {
  const text = analyses[m.doc].paragraphs[m.paragraph].text;
  const base = m.start ?? numberingLength(text);
  return { text: text.slice(base, m.end ?? text.length), base };
}

/** Each report's paragraphs, searched for a value found again outside a given member. */
class ReportTexts {
  constructor(private readonly analyses: Analysis[]) {}

  /** Whether the text of member `m` at [start, end) of its paragraph occurs elsewhere in its report. */
  recurs(m: ResultMember, start: number, end: number): boolean {
    const paragraphs = this.analyses[m.doc].paragraphs;
    const value = paragraphs[m.paragraph].text.slice(start, end).trim();
    if ([...value].length < MIN_NAME_CHARS) return false;
    for (let p = 0; p < paragraphs.length; p++) {
      const text = paragraphs[p].text;
      for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
        const inMember = p === m.paragraph && at < (m.end ?? text.length) && at + value.length > (m.start ?? 0);
        if (!inMember) return true;
      }
    }
    return false;
  }
}
