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
