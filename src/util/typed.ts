type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

/** A copy of `a` with room for `size` values, the new ones `fill` (0 by default). */
export function resized<T extends Typed>(a: T, size: number, fill = 0): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
