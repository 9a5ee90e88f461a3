import { prng } from '../src/util/hash.js';
import { markedMask, unmarkStock, type StockInsertion } from './stock.js';
import type { Vocabulary } from './vocab.js';

/** Text of the generator's paragraphs: made-up text from the seeds' words, and copies of templates. */

export type Rng = () => number;

export function random(seed: number): Rng {
  const next = prng(seed);
  return () => next() / 0x100000000;
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

/** `count` distinct indexes below `n`, in random order. */
export function sample(rng: Rng, n: number, count: number): number[] {
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

export interface Copy {
  text: string;
  /** Characters edited, besides the slots. */
  edits: number;
  stock: StockInsertion[];
}

/**
 * A copy of a template: its slots filled with the report's place, year and counts, up to 3% of
 * its Han characters edited (never inside a stock phrase, which a copier keeps whole), and its
 * stock phrases located in the text written.
 */
export function instantiate(
  rng: Rng,
  vocab: Vocabulary,
  template: string,
  place: string,
  year: number,
  maxEditRate: number,
): Copy {
  const chars = [...template];
  const mask = Array.from(markedMask(chars));
  let han = 0;
  chars.forEach((c, i) => {
    if (!mask[i] && HAN.test(c)) han++;
  });
  const editable = (at: number) => !mask[at] && HAN.test(chars[at]);
  const planned = Math.round(rng() * maxEditRate * han);
  let edits = 0;
  for (let e = 0; e < planned; e++) {
    let at = Math.floor(rng() * chars.length);
    for (let tries = 0; tries < 20 && !editable(at); tries++) at = Math.floor(rng() * chars.length);
    // A template of stock alone has nothing to edit.
    if (!editable(at)) continue;
    edits++;
    const op = rng();
    if (op < 0.6) chars[at] = pick(rng, vocab.chars);
    else if (op < 0.8) {
      chars.splice(at, 1);
      mask.splice(at, 1);
    } else {
      chars.splice(at, 0, pick(rng, vocab.chars));
      mask.splice(at, 0, 0);
    }
  }
  const filled = chars
    .join('')
    .replaceAll('{P}', place)
    .replaceAll('{Y}', String(year))
    .replace(/\{N\}/g, () => String(1 + Math.floor(rng() * 60)));
  const { text, stock } = unmarkStock(filled);
  return { text, edits, stock };
}
