import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../src/util/hash.js';
import { hashString } from '../src/util/hash.js';
import { loadVocabulary, type Vocabulary } from './vocab.js';

/**
 * Synthetic batches for the benchmark, with the truth kept. A report is built from three kinds of
 * paragraph: seed templates (real paragraphs of the seed reports, shared across the batch), family
 * templates (made-up paragraphs shared by the ~25 reports of one county) and filler (made-up
 * paragraphs of one report only). Made-up text is drawn from the seeds' own words, so it shares
 * topic words with everything else but not text. Every copy of a template gets its report's place
 * name, year and counts, and 0–3% of its characters edited. Some reports say one paragraph twice,
 * and about 1% are recycled: another report's paragraphs again, with a new name and fresh edits.
 */

export interface GenerateOptions {
  docs: number;
  /** PRNG seed: the same seed and size give the same batch, byte for byte. */
  seed?: number;
  /** Folder of seed reports (*.txt). */
  seedDir: string;
  /** Where the batch goes; a batch already there with the same parameters is reused. */
  outDir: string;
}

/** One paragraph as written: how to find it again in a scan, and where it came from. */
export interface TruthParagraph {
  /** hashString of the paragraph's text (the line as written, which the segmenter keeps whole). */
  hash: number;
  /** Source id: paragraphs with the same source are copies of one text. -1 for headings and titles. */
  source: number;
  /** Characters edited relative to the source, besides the slots (place, year, counts). */
  edits: number;
  /** Characters of the paragraph. */
  chars: number;
}

export interface Truth {
  version: number;
  docs: number;
  seed: number;
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
const VERSION = 4;
const FAMILY_SIZE = 25;
const FAMILY_TEMPLATES = 14;
const PER_DOC_SEED = 3;
const PER_DOC_FAMILY = 8;
const PER_DOC_FILLER = 9;
const MAX_EDIT_RATE = 0.03;
const REPEAT_SHARE = 0.2;
const RECYCLE_SHARE = 0.01;

const PLACE_CHARS = '青石河山龙泉安平新华东西南北阳明清水桥溪白马金沙黄花桃李柳林松竹梅兰永宁太和长乐兴隆福寿高峰云岭凤凰双江三合万顺大田小湾坪坝沟口'.split('');
const PLACE_SUFFIX = ['镇', '镇', '镇', '乡', '街道'];
const HEADINGS = [
  '一、推进法治政府建设的主要举措和成效',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '三、存在的不足和原因',
  '四、下一步工作打算',
  '（一）加强组织领导，压实工作责任',
  '（二）深化普法宣传，营造法治氛围',
  '（三）规范行政执法，提升执法水平',
  '（四）化解矛盾纠纷，维护社会稳定',
];

type Rng = () => number;

function random(seed: number): Rng {
  const next = prng(seed);
  return () => next() / 0x100000000;
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

/** `count` distinct indexes below `n`, in random order. */
function sample(rng: Rng, n: number, count: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < Math.min(count, n); i++) {
    const j = i + Math.floor(rng() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, Math.min(count, n));
}

/** A paragraph of made-up text from the seeds' words: topic vocabulary, no shared sentences. */
export function madeUpParagraph(rng: Rng, vocab: Vocabulary, slots: boolean): string {
  const target = 80 + Math.floor(rng() * 320);
  let out = '';
  while (out.length < target) {
    const clauses = 2 + Math.floor(rng() * 4);
    if (slots && rng() < 0.15) out += '{P}';
    for (let c = 0; c < clauses; c++) {
      const words = 2 + Math.floor(rng() * 4);
      let word = pick(rng, vocab.words);
      for (let w = 0; w < words; w++) {
        out += word;
        if (slots && rng() < 0.03) out += `{N}${pick(rng, ['次', '件', '人', '场'])}`;
        // Half the time follow the seeds' word order for one step: common phrases appear, whole
        // sentences do not.
        const followers = vocab.next.get(word);
        word = followers && rng() < 0.5 ? pick(rng, followers) : pick(rng, vocab.words);
      }
      out += c + 1 < clauses ? '，' : '。';
    }
  }
  return out;
}

const HAN = /\p{Script=Han}/u;

/** Fills a template's slots and edits a few of its Han characters; returns the text and edit count. */
function instantiate(rng: Rng, vocab: Vocabulary, template: string, place: string, year: number): { text: string; edits: number } {
  const chars = [...template];
  let han = 0;
  for (const c of chars) if (HAN.test(c)) han++;
  const edits = Math.round(rng() * MAX_EDIT_RATE * han);
  for (let e = 0; e < edits; e++) {
    let at = Math.floor(rng() * chars.length);
    for (let tries = 0; tries < 20 && !HAN.test(chars[at]); tries++) at = Math.floor(rng() * chars.length);
    const op = rng();
    if (op < 0.6) chars[at] = pick(rng, vocab.chars);
    else if (op < 0.8) chars.splice(at, 1);
    else chars.splice(at, 0, pick(rng, vocab.chars));
  }
  let years = 0;
  const text = chars
    .join('')
    .replaceAll('{P}', place)
    .replace(/\{Y\}/g, () => String(year - (years++ === 0 ? 0 : 0)))
    .replace(/\{N\}/g, () => String(1 + Math.floor(rng() * 60)));
  return { text, edits };
}

interface Part {
  /** Template text with slots. */
  template: string;
  source: number;
}

interface Plan {
  place: string;
  year: number;
  parts: Part[];
}

function placeName(rng: Rng): string {
  return pick(rng, PLACE_CHARS) + pick(rng, PLACE_CHARS) + pick(rng, PLACE_SUFFIX);
}

/** The documents' plans: which sources each report is made of, in order. */
function plan(rng: Rng, vocab: Vocabulary, docs: number): Plan[] {
  let nextSource = vocab.templates.length;
  const families = Math.max(1, Math.round(docs / FAMILY_SIZE));
  const familyTemplates: Part[][] = [];
  for (let f = 0; f < families; f++) {
    const list: Part[] = [];
    for (let t = 0; t < FAMILY_TEMPLATES; t++) list.push({ template: madeUpParagraph(rng, vocab, true), source: nextSource++ });
    familyTemplates.push(list);
  }
  const plans: Plan[] = [];
  for (let d = 0; d < docs; d++) {
    const place = placeName(rng);
    const year = 2019 + Math.floor(rng() * 7);
    if (d > 0 && rng() < RECYCLE_SHARE) {
      const from = plans[Math.floor(rng() * d)];
      plans.push({ place, year, parts: from.parts });
      continue;
    }
    const family = familyTemplates[Math.floor(rng() * families)];
    const parts: Part[] = [];
    for (const i of sample(rng, vocab.templates.length, PER_DOC_SEED)) parts.push({ template: vocab.templates[i], source: i });
    for (const i of sample(rng, family.length, PER_DOC_FAMILY)) parts.push(family[i]);
    for (let i = 0; i < PER_DOC_FILLER; i++) parts.push({ template: madeUpParagraph(rng, vocab, false), source: nextSource++ });
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
    plans.push({ place, year, parts });
  }
  return plans;
}

function pathOf(d: number): string {
  return `${String(Math.floor(d / 1000)).padStart(3, '0')}/${String(d).padStart(6, '0')}.txt`;
}

/** Builds (or reuses) a batch of `docs` reports under `outDir` and returns it with its truth. */
export function generateBatch(options: GenerateOptions): Batch {
  const seed = options.seed ?? 1;
  const dir = options.outDir;
  const truthPath = join(dir, '.truth.json');
  if (existsSync(truthPath)) {
    const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
    if (truth.version === VERSION && truth.docs === options.docs && truth.seed === seed) return { dir, truth };
  }
  rmSync(dir, { recursive: true, force: true });
  const vocab = loadVocabulary(options.seedDir);
  const rng = random(seed);
  const plans = plan(rng, vocab, options.docs);
  const truth: Truth = { version: VERSION, docs: options.docs, seed, paths: [], paragraphs: [], bytes: 0, chars: 0 };
  for (let d = 0; d < plans.length; d++) {
    const { place, year, parts } = plans[d];
    const lines: string[] = [];
    const paras: TruthParagraph[] = [];
    const add = (text: string, source: number, edits: number) => {
      lines.push(text);
      paras.push({ hash: hashString(text), source, edits, chars: text.length });
    };
    add(`${place}人民政府`, -1, 0);
    add(`${year}年度法治政府建设情况报告`, -1, 0);
    let heading = 0;
    parts.forEach((part, i) => {
      if (i % 5 === 0 && heading < HEADINGS.length) add(HEADINGS[heading++], -1, 0);
      const { text, edits } = instantiate(rng, vocab, part.template, place, year);
      add(text, part.source, edits);
    });
    const path = pathOf(d);
    const body = lines.join('\n') + '\n';
    mkdirSync(join(dir, path.slice(0, 3)), { recursive: true });
    writeFileSync(join(dir, path), body);
    truth.paths.push(path);
    truth.paragraphs.push(paras);
    truth.bytes += Buffer.byteLength(body);
    truth.chars += body.length;
  }
  writeFileSync(truthPath, JSON.stringify(truth));
  return { dir, truth };
}
