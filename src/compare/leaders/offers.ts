import { fmix32 } from '../../util/hash.js';

/** How many of a bucket's first paragraphs are offered as leaders to the rest of the bucket. */
const OFFERED = 3;
/** Distinct earlier paragraphs kept per paragraph (the most agreeing bands win). */
export const OFFERS_KEPT = 8;

/**
 * For paragraph unit u: up to OFFERS_KEPT earlier paragraphs and in how many bands each agreed,
 * at [start[u], start[u + 1]) of `para` and `votes`. Packed: most units have few offers, and a
 * fixed eight slots a unit took 744 MB at 300,000 reports.
 */
export interface Offers {
  start: Uint32Array;
  para: Uint32Array;
  votes: Uint16Array;
}

/** Offers kept in eight slots a unit, as they are gathered band by band. */
interface Slots {
  para: Uint32Array;
  votes: Uint16Array;
  count: Uint8Array;
}

/** Offers gathered in slots, packed. */
function packed(slots: Slots): Offers {
  const units = slots.count.length;
  const start = new Uint32Array(units + 1);
  for (let u = 0; u < units; u++) start[u + 1] = start[u] + slots.count[u];
  const para = new Uint32Array(start[units]);
  const votes = new Uint16Array(start[units]);
  for (let u = 0; u < units; u++) {
    const from = u * OFFERS_KEPT;
    para.set(slots.para.subarray(from, from + slots.count[u]), start[u]);
    votes.set(slots.votes.subarray(from, from + slots.count[u]), start[u]);
  }
  return { start, para, votes };
}

/**
 * For each paragraph, earlier paragraphs it collides with in some LSH band: the first few of each
 * of its buckets (in paragraph order), with how many bands agreed. Linear in the number of
 * paragraphs, however many copies a template has: paragraph p is offered at most
 * bands × OFFERED earlier paragraphs, never every copy before it. Typed arrays throughout: this
 * runs over every paragraph of the batch.
 *
 * One pass a band over the units in order, with a table from band key to the bucket's first
 * OFFERED units: what sorting each band by key gave, without the sort (twenty sorts of half a
 * million keys were a quarter of phase 1 on the benchmark's batches of 10,000 reports).
 */
export function earlierCandidates(count: number, bands: number, keys: Uint32Array, paragraph: Uint32Array): Offers {
  const offers: Slots = {
    para: new Uint32Array(count * OFFERS_KEPT),
    votes: new Uint16Array(count * OFFERS_KEPT),
    count: new Uint8Array(count),
  };
  let size = 16;
  while (size < 2 * count) size *= 2;
  const mask = size - 1;
  // Slot i at SLOT * i: the band it was filled in (plus one; 0 empty), its key, how many units
  // it holds, then those units.
  const SLOT = 3 + OFFERED;
  const table = new Int32Array(size * SLOT);
  for (let band = 0; band < bands; band++) {
    const stamp = band + 1;
    for (let u = 0; u < count; u++) {
      const key = keys[u * bands + band] | 0;
      let at = fmix32(key) & mask;
      let s = at * SLOT;
      while (table[s] === stamp && table[s + 1] !== key) {
        at = (at + 1) & mask;
        s = at * SLOT;
      }
      if (table[s] !== stamp) {
        table[s] = stamp;
        table[s + 1] = key;
        table[s + 2] = 1;
        table[s + 3] = u;
        continue;
      }
      const held = table[s + 2];
      const pu = paragraph[u];
      for (let k = 0; k < held; k++) {
        const py = paragraph[table[s + 3 + k]];
        if (py !== pu) offer(offers, u, py);
      }
      if (held < OFFERED) {
        table[s + 3 + held] = u;
        table[s + 2] = held + 1;
      }
    }
  }
  return packed(offers);
}

function offer(offers: Slots, unit: number, para: number): void {
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
