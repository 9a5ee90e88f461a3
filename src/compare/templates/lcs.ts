/**
 * For each token of `a`, the token of `b` it is aligned with in a longest common subsequence, or
 * -1: Myers' O(ND) algorithm on what is left between the common prefix and suffix, so a copy with
 * a few slots filled in costs a few steps, not a table of n × m. Undefined when the two differ by
 * more than `maxEdits` insertions and deletions: too far apart to be one text filled in.
 */
export function alignTokens(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits: number): Int32Array | undefined {
  const n = a.length;
  const m = b.length;
  const map = new Int32Array(n).fill(-1);
  let pre = 0;
  while (pre < n && pre < m && a[pre] === b[pre]) map[pre] = pre++;
  let suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] === b[m - 1 - suf]) {
    map[n - 1 - suf] = m - 1 - suf;
    suf++;
  }
  const N = n - pre - suf;
  const M = m - pre - suf;
  if (N === 0 || M === 0) return map;
  const max = Math.min(N + M, maxEdits);
  if (Math.abs(N - M) > max) return undefined;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // Row d of the trace keeps diagonals -d-1 .. d+1 of v as step d found it (all backtracking
  // reads), at d * d + 2 * d in one scratch array reused from call to call.
  const trace = scratch((max + 1) * (max + 1) + 2 * (max + 1));
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.set(v.subarray(offset - d - 1, offset + d + 2), d * d + 2 * d);
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < N && y < M && a[pre + x] === b[pre + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= N && y >= M) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;
  let x = N;
  let y = M;
  for (let d = found; d > 0; d--) {
    const row = d * d + 2 * d + d + 1;
    const k = x - y;
    const prevK = k === -d || (k !== d && trace[row + k - 1] < trace[row + k + 1]) ? k + 1 : k - 1;
    const prevX = trace[row + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) map[pre + --x] = pre + --y;
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) map[pre + --x] = pre + --y;
  return map;
}

let buffer = new Int32Array(1 << 14);

function scratch(size: number): Int32Array {
  if (buffer.length < size) buffer = new Int32Array(Math.max(size, buffer.length * 2));
  return buffer;
}
