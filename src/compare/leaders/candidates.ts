import { forEachBucket } from './buckets.js';

/** Units to compare, flattened over the batch: unit u's band keys are keys[u*bands .. +bands). */
export interface UnitIndex {
  count: number;
  bands: number;
  keys: Uint32Array;
  /** Which group (paragraph) each unit belongs to; units of one group are never paired. */
  group: Uint32Array;
}

export interface BucketLimits {
  /** Above this many units in one bucket, each unit is paired with the first few (hubs) only. */
  fullBucket: number;
  hubs: number;
}

const DEFAULT_LIMITS: BucketLimits = { fullBucket: 4, hubs: 3 };

/**
 * LSH banding: two units are candidates when all rows of one band agree. Calls `emit` with each
 * candidate pair of groups (smaller first); a pair may be emitted more than once. Buckets that
 * hold one text repeated across much of the batch would give quadratic pairs: there every unit is
 * paired with a few hubs only, which is enough to put it in the same finding as they are.
 */
export function candidatePairs(
  index: UnitIndex,
  emit: (a: number, b: number) => void,
  limits: BucketLimits = DEFAULT_LIMITS,
): void {
  const { count, bands, keys, group } = index;
  forEachBucket(count, bands, keys, (units, from, to) => bucket(units, from, to, group, emit, limits));
}

function bucket(
  units: Uint32Array,
  from: number,
  to: number,
  group: Uint32Array,
  emit: (a: number, b: number) => void,
  limits: BucketLimits,
) {
  const size = to - from;
  const hubs = size > limits.fullBucket ? limits.hubs : size;
  for (let x = from; x < from + hubs; x++) {
    const gx = group[units[x]];
    for (let y = x + 1; y < to; y++) {
      const gy = group[units[y]];
      if (gx === gy) continue;
      if (gx < gy) emit(gx, gy);
      else emit(gy, gx);
    }
  }
}
