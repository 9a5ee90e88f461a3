/** Typed arrays to and from SQLite BLOBs (platform byte order; every supported platform is little-endian). */

export function toBlob(array: Uint32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * Rebuilds a Uint32Array from a BLOB. The bytes are copied: a Buffer from SQLite may sit at an
 * offset that is not a multiple of 4 inside a shared pool, and a view over it would throw.
 */
export function fromBlob(blob: Uint8Array | null | undefined, what: string): Uint32Array {
  if (blob === null || blob === undefined) return new Uint32Array(0);
  if (blob.byteLength % 4 !== 0) throw new Error(`stored ${what} has ${blob.byteLength} bytes, not a multiple of 4`);
  const out = new Uint32Array(blob.byteLength / 4);
  new Uint8Array(out.buffer).set(blob);
  return out;
}
