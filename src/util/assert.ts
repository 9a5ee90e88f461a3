/** For invariants only: a failure here is a bug in refrain, never bad input. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`refrain invariant failed: ${message}`);
}
