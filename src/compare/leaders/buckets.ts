import { sortPairsInPlace } from './radix.js';

/**
 * Calls `visit` for every bucket of two or more units in each band: units whose keys agree on
 * all rows of that band. `units[from..to)` are the bucket's unit numbers, in increasing order
 * (the sort is stable), which both pairing strategies rely on.
 */
export function forEachBucket(
  count: number,
  bands: number,
  keys: Uint32Array,
  visit: (units: Uint32Array, from: number, to: number) => void,
): void {
  const bandKeys = new Uint32Array(count);
  const units = new Uint32Array(count);
  const scratch = { keys: new Uint32Array(count), values: new Uint32Array(count) };
  for (let band = 0; band < bands; band++) {
    for (let u = 0; u < count; u++) {
      bandKeys[u] = keys[u * bands + band];
      units[u] = u;
    }
    // In place, over arrays refilled for each band: twenty bands of half a million units made
    // garbage enough to be a tenth of phase 1.
    sortPairsInPlace(bandKeys, units, scratch);
    let i = 0;
    while (i < count) {
      let j = i + 1;
      while (j < count && bandKeys[j] === bandKeys[i]) j++;
      if (j - i > 1) visit(units, i, j);
      i = j;
    }
  }
}
