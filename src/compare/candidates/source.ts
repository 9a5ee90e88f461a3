import type { TokenStreams } from '../../types.js';
import type { WorkerPool } from '../../util/worker-pool.js';
import type { FlatUnits } from '../batch.js';
import type { Offers } from '../leaders/offers.js';

/**
 * The comparison's shuffle: the two group-bys that turn per-paragraph keys into candidate pairs.
 * Every engine gives the same candidates in the same order, so the findings are byte-identical.
 */
export interface Candidates {
  /** Phase 1: earlier paragraphs each whole paragraph shares an LSH bucket with (leaders/offers.ts). */
  offers(units: FlatUnits): Promise<Offers>;
  /**
   * Phase 2: leader pairs sharing two anchor runs or more, each leader with its best partners,
   * as sorted keys a * paragraphCount + b (see batch.ts topPartners).
   */
  partners(leaders: Uint32Array, streams: TokenStreams, pool: WorkerPool | undefined): Promise<Float64Array>;
  close(): Promise<void>;
}

// sql/offers.sql and sql/partners.sql spell the same limits as the code here and in leaders/ and
// runs/ (a bucket's 3 first units, 2 shared runs, 16 paragraphs to a run before it is stock):
// test/compare/candidates/engines.test.ts runs both engines into those limits and fails when they part.

/** Partners a leader paragraph is aligned with, most shared runs first. */
export const PARTNERS = 8;
/** Pairs sharing fewer anchor runs are not aligned. */
export const MIN_SHARED_RUNS = 2;
