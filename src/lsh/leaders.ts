import { forEachBucket } from './buckets.js';

/** How many of a bucket's first paragraphs are offered as leaders to the rest of the bucket. */
const OFFERED = 3;
/** Distinct earlier paragraphs kept per paragraph (the most agreeing bands win). */
export const OFFERS_KEPT = 8;

/** For paragraph unit u: up to OFFERS_KEPT earlier paragraphs and in how many bands each agreed. */
export interface Offers {
  para: Uint32Array;
  votes: Uint16Array;
  count: Uint8Array;
}

/**
 * For each paragraph, earlier paragraphs it collides with in some LSH band: the first few of each
 * of its buckets (in paragraph order), with how many bands agreed. Linear in the number of
 * paragraphs, however many copies a template has: paragraph p is offered at most
 * bands × OFFERED earlier paragraphs, never every copy before it. Typed arrays throughout: this
 * runs over every paragraph of the batch.
 */
export function earlierCandidates(count: number, bands: number, keys: Uint32Array, paragraph: Uint32Array): Offers {
  const offers: Offers = {
    para: new Uint32Array(count * OFFERS_KEPT),
    votes: new Uint16Array(count * OFFERS_KEPT),
    count: new Uint8Array(count),
  };
  forEachBucket(count, bands, keys, (units, from, to) => {
    for (let x = from + 1; x < to; x++) {
      const ux = units[x];
      const px = paragraph[ux];
      for (let y = from; y < Math.min(x, from + OFFERED); y++) {
        const py = paragraph[units[y]];
        if (py !== px) offer(offers, ux, py);
      }
    }
  });
  return offers;
}

function offer(offers: Offers, unit: number, para: number): void {
  const base = unit * OFFERS_KEPT;
  const n = offers.count[unit];
  for (let k = 0; k < n; k++) {
    if (offers.para[base + k] === para) {
      offers.votes[base + k]++;
      return;
    }
  }
  if (n < OFFERS_KEPT) {
    offers.para[base + n] = para;
    offers.votes[base + n] = 1;
    offers.count[unit] = n + 1;
  }
}
