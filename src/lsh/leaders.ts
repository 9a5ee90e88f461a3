import { sortPairs } from './radix.js';

/** How many of a bucket's first paragraphs are offered as leaders to the rest of the bucket. */
const OFFERED = 3;

/**
 * For each paragraph, earlier paragraphs it collides with in some LSH band: the first few of each
 * of its buckets (in paragraph order), with how many bands agreed. Linear in the number of
 * paragraphs, however many copies a template has: paragraph p is offered at most
 * bands × OFFERED earlier paragraphs, never every copy before it.
 */
export function earlierCandidates(
  count: number,
  bands: number,
  keys: Uint32Array,
  paragraph: Uint32Array,
): Array<Map<number, number>> {
  const offers: Array<Map<number, number>> = Array.from({ length: count }, () => new Map());
  const bandKeys = new Uint32Array(count);
  const units = new Uint32Array(count);
  for (let band = 0; band < bands; band++) {
    for (let u = 0; u < count; u++) {
      bandKeys[u] = keys[u * bands + band];
      units[u] = u;
    }
    const sorted = sortPairs(bandKeys, units);
    let i = 0;
    while (i < count) {
      let j = i + 1;
      while (j < count && sorted.keys[j] === sorted.keys[i]) j++;
      // Units are in paragraph order within a bucket (the sort is stable).
      for (let x = i + 1; x < j; x++) {
        const px = paragraph[sorted.values[x]];
        const offer = offers[sorted.values[x]];
        for (let y = i; y < Math.min(x, i + OFFERED); y++) {
          const py = paragraph[sorted.values[y]];
          if (py !== px) offer.set(py, (offer.get(py) ?? 0) + 1);
        }
      }
      i = j;
    }
  }
  return offers;
}
