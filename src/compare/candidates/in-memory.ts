import { MIN_SHARED_RUNS, PARTNERS, type Candidates } from './source.js';
import { earlierCandidates } from '../leaders/offers.js';
import { countSharedRuns } from '../workers/compare-pool.js';
import { topPartners } from '../batch.js';

/** Candidates in typed arrays on this thread and the pool: the default, fastest while memory holds. */
export const inMemory: Candidates = {
  offers: (units) =>
    Promise.resolve(earlierCandidates(units.wholeCount, units.bands, units.wholeKeys, units.wholePara)),
  async partners(leaders, streams, pool) {
    // Two shared runs at least: no copied passage in the corpus or the benchmark batches had
    // fewer, while most pairs that share one run share a stock phrase only.
    const shared = await countSharedRuns(leaders, streams, pool, undefined, MIN_SHARED_RUNS);
    return topPartners(shared, streams.tokenStart.length - 1, PARTNERS);
  },
  close: () => Promise.resolve(),
};
