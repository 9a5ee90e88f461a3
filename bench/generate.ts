import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashString } from '../src/util/hash.js';
import { charModelParagraph, trainCharModel } from './char-model.js';
import { reportLines, type Family, type Part, type Plan } from './layout.js';
import { madeUpParagraph, pick, random, sample, type Rng } from './paragraphs.js';
import { insertStock, markNative, stockCatalogue, type StockCatalogue, type StockInsertion } from './stock.js';
import { loadVocabulary, type Vocabulary } from './vocab.js';

/**
 * Synthetic batches for the benchmark, with the truth kept. A report is built from three kinds of
 * paragraph: seed templates (real paragraphs of the seed reports, shared across the batch), family
 * templates (made-up paragraphs shared by the ~25 reports of one county) and filler (made-up
 * paragraphs of one report only). Made-up text is drawn from the seeds' own words, so it shares
 * topic words with everything else but not text; in the stock-dense mode filler comes from an
 * order-2 character model of the seeds instead, and shares their short phrases everywhere. Every
 * copy of a template gets its report's place name, year and counts, and 0–3% of its characters
 * edited. Some reports say one paragraph twice, and about 1% are recycled: another report's
 * paragraphs again, with a new name and fresh edits.
 *
 * Around that, the stock every report of the genre carries (see stock.ts): formulas put into
 * paragraphs of all three kinds at clause boundaries, the title, the numbered section headings,
 * the statistics table, and for 40% of counties their site's page chrome.
 */

export interface GenerateOptions {
  docs: number;
  /** PRNG seed: the same seed and size give the same batch, byte for byte. */
  seed?: number;
  /** Folder of seed reports (*.txt). */
  seedDir: string;
  /** Where the batch goes; a batch already there with the same parameters is reused. */
  outDir: string;
  /** Filler written by an order-2 character model of the seeds instead of from their words. */
  stockDense?: boolean;
}

/**
 * What a paragraph is: a copy of a seed paragraph (template), of its county's made-up paragraph
 * (family), made-up text of its report alone (filler; recycled reports copy it too), or stock
 * lines (heading, title, a row of the statistics table, the site's page chrome).
 */
export type Role = 'template' | 'family' | 'filler' | 'heading' | 'title' | 'table' | 'chrome';
/** Roles whose paragraphs are stock text through and through. */
export const STOCK_ROLES: ReadonlySet<Role> = new Set<Role>(['heading', 'title', 'table', 'chrome']);

/** One paragraph as written: how to find it again in a scan, and where it came from. */
export interface TruthParagraph {
  /** hashString of the paragraph's text (the line as written, which the segmenter keeps whole). */
  hash: number;
  /** Source id: paragraphs with the same source are copies of one text. -1 for stock roles. */
  source: number;
  role: Role;
  /** Characters edited relative to the source, besides the slots (place, year, counts). */
  edits: number;
  /** Characters of the paragraph. */
  chars: number;
  /**
   * The stock phrases in it: formulas put in or already in the text (seed paragraphs recite
   * them, the character model comes upon them); a heading or chrome line is one from end to end,
   * a table row's label and a title's fixed words are one.
   */
  stock: StockInsertion[];
}

export interface Truth {
  version: number;
  docs: number;
  seed: number;
  stockDense: boolean;
  /** The batch's stock texts; StockInsertion phrase numbers index this list. */
  stock: string[];
  /** Path of each report relative to the batch folder, in the sorted order a scan lists them. */
  paths: string[];
  paragraphs: TruthParagraph[][];
  bytes: number;
  chars: number;
}

export interface Batch {
  dir: string;
  truth: Truth;
}

/** Bump when the generator changes, so old batches on disk are rebuilt. */
const VERSION = 5;
const FAMILY_SIZE = 25;
const FAMILY_TEMPLATES = 14;
const PER_DOC_SEED = 3;
const PER_DOC_FAMILY = 8;
const PER_DOC_FILLER = 9;
const REPEAT_SHARE = 0.2;
const RECYCLE_SHARE = 0.01;
/** Share of counties whose site prints page chrome (breadcrumbs, print links, its footer) around a report. */
const CHROME_SHARE = 0.4;
/** Formulas per paragraph: 0–3, 1.3 on average (about 26 a report). */
const FORMULA_COUNTS = [0.25, 0.6, 0.85, 1];

const PLACE_CHARS =
  '青石河山龙泉安平新华东西南北阳明清水桥溪白马金沙黄花桃李柳林松竹梅兰永宁太和长乐兴隆福寿高峰云岭凤凰双江三合万顺大田小湾坪坝沟口'.split(
    '',
  );
const PLACE_SUFFIX = ['镇', '镇', '镇', '乡', '街道'];

/** Subheadings of section 一 a report uses: 3 or 4 of the catalogue's, in order. */
const SUBHEADINGS_PER_REPORT = [3, 4];

function placeName(rng: Rng): string {
  return pick(rng, PLACE_CHARS) + pick(rng, PLACE_CHARS) + pick(rng, PLACE_SUFFIX);
}

function shuffled<T>(rng: Rng, list: T[]): T[] {
  return sample(rng, list.length, list.length).map((i) => list[i]);
}

/** What writes a paragraph nobody copied: the seeds' words, or their character model. */
type Writer = () => string;

/** The documents' plans: which sources each report is made of, in order. */
function plan(rng: Rng, vocab: Vocabulary, catalogue: StockCatalogue, docs: number, writeFiller: Writer): Plan[] {
  const withFormulas = (text: string) => {
    const x = rng();
    return insertStock(
      rng,
      markNative(text, catalogue),
      catalogue,
      FORMULA_COUNTS.findIndex((c) => x < c),
    );
  };
  const seedParts: Part[] = vocab.templates.map((t, i) => ({ template: withFormulas(t), source: i, role: 'template' }));
  let nextSource = vocab.templates.length;
  const families: Family[] = [];
  for (let f = 0, count = Math.max(1, Math.round(docs / FAMILY_SIZE)); f < count; f++) {
    const templates: Part[] = [];
    for (let t = 0; t < FAMILY_TEMPLATES; t++)
      templates.push({
        template: withFormulas(madeUpParagraph(rng, vocab, true)),
        source: nextSource++,
        role: 'family',
      });
    const county = pick(rng, PLACE_CHARS) + pick(rng, PLACE_CHARS) + '县';
    const code = String(5000000000 + Math.floor(rng() * 999999999));
    const footer =
      rng() < CHROME_SHARE ? catalogue.texts.push(`主办：${county}人民政府办公室 网站标识码：${code}`) - 1 : null;
    families.push({ templates, footer });
  }
  const plans: Plan[] = [];
  for (let d = 0; d < docs; d++) {
    const place = placeName(rng);
    const year = 2019 + Math.floor(rng() * 7);
    if (d > 0 && rng() < RECYCLE_SHARE) {
      const from = plans[Math.floor(rng() * d)];
      plans.push({ ...from, place, year });
      continue;
    }
    const family = families[Math.floor(rng() * families.length)];
    const parts: Part[] = [];
    for (const i of sample(rng, seedParts.length, PER_DOC_SEED)) parts.push(seedParts[i]);
    for (const i of sample(rng, family.templates.length, PER_DOC_FAMILY)) parts.push(family.templates[i]);
    for (let i = 0; i < PER_DOC_FILLER; i++)
      parts.push({ template: withFormulas(writeFiller()), source: nextSource++, role: 'filler' });
    // Shuffle, then maybe say one paragraph twice, later on.
    for (let i = parts.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [parts[i], parts[j]] = [parts[j], parts[i]];
    }
    if (rng() < REPEAT_SHARE) {
      const i = Math.floor(rng() * (parts.length - 1));
      const at = i + 1 + Math.floor(rng() * (parts.length - i - 1));
      parts.splice(at + 1, 0, parts[i]);
    }
    const subs = sample(rng, catalogue.subheadings.length, pick(rng, SUBHEADINGS_PER_REPORT)).sort((a, b) => a - b);
    plans.push({ place, year, family, parts, subheadings: subs.map((i) => catalogue.subheadings[i]) });
  }
  return plans;
}

function pathOf(d: number): string {
  return `${String(Math.floor(d / 1000)).padStart(3, '0')}/${String(d).padStart(6, '0')}.txt`;
}

/** Builds (or reuses) a batch of `docs` reports under `outDir` and returns it with its truth. */
export function generateBatch(options: GenerateOptions): Batch {
  const seed = options.seed ?? 1;
  const stockDense = options.stockDense ?? false;
  const dir = options.outDir;
  const truthPath = join(dir, '.truth.json');
  if (existsSync(truthPath)) {
    const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
    if (
      truth.version === VERSION &&
      truth.docs === options.docs &&
      truth.seed === seed &&
      truth.stockDense === stockDense
    )
      return { dir, truth };
  }
  rmSync(dir, { recursive: true, force: true });
  const vocab = loadVocabulary(options.seedDir);
  const rng = random(seed);
  const catalogue = stockCatalogue(vocab.recurring, (list) => shuffled(rng, list));
  const model = stockDense ? trainCharModel(vocab.templates) : null;
  const writeFiller: Writer = model ? () => charModelParagraph(rng, model) : () => madeUpParagraph(rng, vocab, false);
  const plans = plan(rng, vocab, catalogue, options.docs, writeFiller);
  const truth: Truth = {
    version: VERSION,
    docs: options.docs,
    seed,
    stockDense,
    stock: catalogue.texts,
    paths: [],
    paragraphs: [],
    bytes: 0,
    chars: 0,
  };
  plans.forEach((p, d) => {
    const lines = reportLines(rng, vocab, catalogue, p);
    const path = pathOf(d);
    const body = lines.map((l) => l.text).join('\n') + '\n';
    mkdirSync(join(dir, path.slice(0, 3)), { recursive: true });
    writeFileSync(join(dir, path), body);
    truth.paths.push(path);
    truth.paragraphs.push(
      lines.map(({ text, source, role, edits, stock }) => ({
        hash: hashString(text),
        source,
        role,
        edits,
        chars: text.length,
        stock,
      })),
    );
    truth.bytes += Buffer.byteLength(body);
    truth.chars += body.length;
  });
  writeFileSync(truthPath, JSON.stringify(truth));
  return { dir, truth };
}
