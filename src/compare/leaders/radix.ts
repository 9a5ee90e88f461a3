/**
 * Sorts (key, value) pairs by key with two 16-bit radix passes: linear time, no comparator calls,
 * which matters at millions of pairs per band. Stable, so equal keys keep value order.
 */
export function sortPairs(keys: Uint32Array, values: Uint32Array): { keys: Uint32Array; values: Uint32Array } {
  const n = keys.length;
  let k1 = keys;
  let v1 = values;
  let k2: Uint32Array = new Uint32Array(n);
  let v2: Uint32Array = new Uint32Array(n);
  const count = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((k1[i] >>> shift) & 0xffff) + 1]++;
    for (let i = 0; i < 65536; i++) count[i + 1] += count[i];
    for (let i = 0; i < n; i++) {
      const d = (k1[i] >>> shift) & 0xffff;
      const at = count[d]++;
      k2[at] = k1[i];
      v2[at] = v1[i];
    }
    if (shift === 0) {
      // The first pass must not overwrite the caller's arrays.
      k1 = k2;
      v1 = v2;
      k2 = new Uint32Array(n);
      v2 = new Uint32Array(n);
    } else {
      [k1, k2] = [k2, k1];
      [v1, v2] = [v2, v1];
    }
  }
  return { keys: k1, values: v1 };
}

/**
 * sortPairs on arrays the caller gives up: sorted in place, with one scratch pair instead of two
 * (given, to be used again, or made), for the largest sorts of a scan.
 */
export function sortPairsInPlace(
  keys: Uint32Array,
  values: Uint32Array,
  scratch?: { keys: Uint32Array; values: Uint32Array },
): void {
  const n = keys.length;
  const k2 = scratch?.keys ?? new Uint32Array(n);
  const v2 = scratch?.values ?? new Uint32Array(n);
  const count = new Uint32Array(65537);
  let fromK: Uint32Array = keys;
  let fromV: Uint32Array = values;
  let toK: Uint32Array = k2;
  let toV: Uint32Array = v2;
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((fromK[i] >>> shift) & 0xffff) + 1]++;
    for (let i = 0; i < 65536; i++) count[i + 1] += count[i];
    for (let i = 0; i < n; i++) {
      const at = count[(fromK[i] >>> shift) & 0xffff]++;
      toK[at] = fromK[i];
      toV[at] = fromV[i];
    }
    [fromK, toK] = [toK, fromK];
    [fromV, toV] = [toV, fromV];
  }
}
