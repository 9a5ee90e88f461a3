import type { Role } from './generate.js';
import { instantiate, type Rng } from './paragraphs.js';
import { SECTION_HEADINGS, TABLE_SECTION, type StockCatalogue, type StockInsertion } from './stock.js';
import type { Vocabulary } from './vocab.js';

/**
 * A report's lines from its plan, as the genre lays them out: the site's chrome (for counties
 * whose site prints it), the title, the five numbered sections with subheadings in the first,
 * the statistics table in the third, the copied and written paragraphs in the others.
 */

/** A paragraph to copy: its template (slots, stock phrases marked) and where it comes from. */
export interface Part {
  template: string;
  source: number;
  role: 'template' | 'family' | 'filler';
}

/** A county: the made-up paragraphs its reports share, and its site's footer if it prints chrome. */
export interface Family {
  templates: Part[];
  /** Catalogue number of the footer line, or null when the county's site prints no chrome. */
  footer: number | null;
}

export interface Plan {
  place: string;
  year: number;
  family: Family;
  parts: Part[];
  /** Catalogue numbers of the subheadings of section 一, in order. */
  subheadings: number[];
}

export interface ReportLine {
  text: string;
  source: number;
  role: Role;
  edits: number;
  stock: StockInsertion[];
}

const MAX_EDIT_RATE = 0.03;
/** Where the prose parts end, as shares of a report's parts, for sections 一, 二, 四 and 五. */
const SECTION_ENDS = [0.5, 0.7, 0.85, 1];
const PARTS_PER_SUBHEADING = 3;
/** Share of the statistics table's cells that are 0, as in small towns' reports. */
const ZERO_CELLS = 0.6;

export function reportLines(rng: Rng, vocab: Vocabulary, catalogue: StockCatalogue, plan: Plan): ReportLine[] {
  const { place, year, parts, family } = plan;
  const lines: ReportLine[] = [];
  const stock = (text: string, role: Role, spans: StockInsertion[]) =>
    lines.push({ text, source: -1, role, edits: 0, stock: spans });
  const whole = (phrase: number, role: Role) => {
    const text = catalogue.texts[phrase];
    stock(text, role, [[0, text.length, phrase]]);
  };
  if (family.footer !== null) for (const id of catalogue.chromeTop) whole(id, 'chrome');
  stock(`${place}${catalogue.texts[catalogue.titleOffice]}`, 'title', [
    [place.length, place.length + 4, catalogue.titleOffice],
  ]);
  const report = catalogue.texts[catalogue.titleReport];
  const y = String(year);
  stock(`${y}${report}`, 'title', [[y.length, y.length + report.length, catalogue.titleReport]]);
  let next = 0;
  SECTION_HEADINGS.forEach((_, section) => {
    whole(catalogue.sections[section], 'heading');
    if (section === TABLE_SECTION) {
      whole(catalogue.tableHeader, 'table');
      for (const id of catalogue.tableLabels) {
        const label = catalogue.texts[id];
        const cells = [0, 1, 2].map(() => (rng() < ZERO_CELLS ? 0 : 1 + Math.floor(rng() * 60)));
        stock(`${label} | ${cells.join(' | ')}`, 'table', [[0, label.length, id]]);
      }
      return;
    }
    const prose = section < TABLE_SECTION ? section : section - 1;
    const end = Math.round(SECTION_ENDS[prose] * parts.length);
    for (let k = 0; next < end; next++, k++) {
      const sub = k / PARTS_PER_SUBHEADING;
      if (prose === 0 && Number.isInteger(sub) && sub < plan.subheadings.length)
        whole(plan.subheadings[sub], 'heading');
      const part = parts[next];
      const copy = instantiate(rng, vocab, part.template, place, year, MAX_EDIT_RATE);
      lines.push({ text: copy.text, source: part.source, role: part.role, edits: copy.edits, stock: copy.stock });
    }
  });
  if (family.footer !== null) {
    for (const id of catalogue.chromeBottom) whole(id, 'chrome');
    whole(family.footer, 'chrome');
  }
  return lines;
}
