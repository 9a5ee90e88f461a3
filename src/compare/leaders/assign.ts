import type { TokenStreams } from '../../types.js';
import type { RelateOptions, Relation } from '../align/relate.js';
import type { Offers } from './offers.js';
import { wholeMatchesPooled } from '../workers/compare-pool.js';
import type { WorkerPool } from '../../util/worker-pool.js';
import { tokensAt } from '../../read/token-streams.js';
import { KIND_CODE, wholeMatch, wholeRelation } from '../align/verify-pairs.js';
import { hashRange } from '../../util/hash.js';
import { sortPairs } from './radix.js';
import { resized } from '../../util/typed.js';
import { Copies } from './copies.js';

/** Leaders a paragraph is verified against before it becomes a leader itself. */
const LEADERS_TRIED = 2;
/** Offers checked ahead of time on the worker pool, per paragraph. */
const SPECULATED = 1;
/**
 * Rounds of checks the ordered pass asked for but were not made ahead, made on the pool before
 * the last pass makes what is still missing on this thread. On the stock-dense batch of 10,000
 * reports one round moves 112,000 checks (2 s on this thread alone) to the pool and leaves 11,000;
 * more rounds cost more in passes (0.35 s each) than they save.
 */
const ROUNDS = 1;

export interface Leaders {
  /** The leader of each paragraph (itself for a leader); -1 for paragraphs too short to compare. */
  leaderOf: Int32Array;
  /** Followers equal to their leader once digits are masked, by leader. */
  copiesOf: Copies;
  /** Each follower joined to its leader, in paragraph order. */
  joins: Joins;
  /** Checks made ahead on the pool, and how many of those the leader choice used. */
  speculated: number;
  used: number;
  /** Checks the ordered pass made itself, and rounds of missing checks made on the pool. */
  unforeseen: number;
  rounds: number;
  /** Milliseconds spent checking ahead and in the ordered pass. */
  ms: { ahead: number; ordered: number };
}

/**
 * Phase 1: near-identical paragraphs join the first paragraph of their kind (their leader),
 * verified against it alone. A template copied into ten thousand reports costs ten thousand
 * verifications, not fifty million.
 *
 * A paragraph's leader depends on the leaders chosen before it, so the choice is made in order on
 * this thread; but the check it needs is mostly known ahead — the earliest paragraph LSH offers
 * is usually the leader — so those checks are made first on the pool, and the ordered pass looks
 * them up, checking on this thread only what was not foreseen. The result is the same either way.
 * (Overlapping the ordered pass with the checks gained nothing: the pool already fills both cores.)
 */
export async function assignLeaders(
  wholePara: Uint32Array,
  offers: Offers,
  streams: TokenStreams,
  options: RelateOptions,
  pool?: WorkerPool,
): Promise<Leaders> {
  const tokens = (gp: number) => tokensAt(streams, gp);
  const same = firstSame(wholePara, streams);
  const started = performance.now();
  const ahead = pool ? await checkAhead(wholePara, offers, same, streams, options, pool) : undefined;
  const checked = performance.now();
  // Checks the ordered pass asked for that were not made ahead, made on the pool in rounds: a
  // round's pass takes each missing check as failed and notes it, so the next pass may ask for
  // others (a paragraph joined to its leader changes the leaders offered after it). The last
  // pass has every answer it needs, or makes what is left on this thread: the joins are those of
  // one ordered pass that checked everything itself.
  const later = new Map<number, number>();
  const laterKinds: number[] = [];
  const laterSimilarity: number[] = [];
  const keyOf = (gp: number, leader: number) => gp * streams.tokenStart.length + leader;
  let rounds = 0;
  let unforeseen = 0;
  for (;;) {
    const speculate = pool !== undefined && rounds < ROUNDS;
    const missing: number[] = [];
    const pass = orderedPass(wholePara, offers, same, streams, (w, gp, leader) => {
      const i = ahead ? ahead.find(w, leader) : -1;
      if (i >= 0) return { kind: ahead!.kinds[i], similarity: ahead!.similarity[i] };
      const j = later.get(keyOf(gp, leader));
      if (j !== undefined) return { kind: laterKinds[j], similarity: laterSimilarity[j] };
      if (speculate) {
        missing.push(leader, gp);
        return undefined;
      }
      unforeseen++;
      const rel = wholeMatch(tokens(leader), tokens(gp), options);
      return rel
        ? { kind: KIND_CODE[rel.kind as 'exact' | 'numbers' | 'near'], similarity: rel.similarity }
        : { kind: -1, similarity: 0 };
    });
    if (!speculate || missing.length === 0) {
      const ms = { ahead: Math.round(checked - started), ordered: Math.round(performance.now() - checked) };
      return {
        ...pass,
        copiesOf: new Copies(pass.joins, streams.tokenStart.length - 1),
        speculated: (ahead?.kinds.length ?? 0) + laterKinds.length,
        used: pass.used - unforeseen,
        unforeseen,
        rounds,
        ms,
      };
    }
    rounds++;
    const pairs = Uint32Array.from(missing);
    const leaders = pairs.filter((_, i) => i % 2 === 0);
    const followers = pairs.filter((_, i) => i % 2 === 1);
    const { kinds, similarity } = await wholeMatchesPooled(leaders, followers, streams, options, pool);
    for (let i = 0; i < leaders.length; i++) {
      later.set(keyOf(followers[i], leaders[i]), laterKinds.length);
      laterKinds.push(kinds[i]);
      laterSimilarity.push(similarity[i]);
    }
  }
}

/**
 * Followers joined to their leaders, in typed arrays (a batch of 100,000 reports makes four
 * million joins), read back one `{ leader, follower, rel }` at a time.
 */
export class Joins {
  private leaders = new Int32Array(1024);
  private followers = new Int32Array(1024);
  private kinds = new Uint8Array(1024);
  private similarities = new Float64Array(1024);
  private count = 0;

  constructor(private readonly tokenStart: Uint32Array) {}

  get length(): number {
    return this.count;
  }

  /** Joins follower to leader; `kind` is a KIND_CODE. */
  add(leader: number, follower: number, kind: number, similarity: number): void {
    if (this.count === this.kinds.length) this.grow();
    this.leaders[this.count] = leader;
    this.followers[this.count] = follower;
    this.kinds[this.count] = kind;
    this.similarities[this.count++] = similarity;
  }

  at(i: number): { leader: number; follower: number; rel: Relation } {
    const leader = this.leaders[i];
    const follower = this.followers[i];
    const length = (gp: number) => this.tokenStart[gp + 1] - this.tokenStart[gp];
    const rel = wholeRelation(this.kinds[i], this.similarities[i], length(leader), length(follower));
    return { leader, follower, rel };
  }

  leader(i: number): number {
    return this.leaders[i];
  }

  follower(i: number): number {
    return this.followers[i];
  }

  /** Join i's KIND_CODE. */
  kind(i: number): number {
    return this.kinds[i];
  }

  *[Symbol.iterator](): IterableIterator<{ leader: number; follower: number; rel: Relation }> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    this.leaders = resized(this.leaders, size);
    this.followers = resized(this.followers, size);
    this.kinds = resized(this.kinds, size);
    this.similarities = resized(this.similarities, size);
  }
}

/** A whole-paragraph check as the pool gives it: kind code (-1: no match) and similarity. */
interface Check {
  kind: number;
  similarity: number;
}

/**
 * Leaders chosen in paragraph order. `check(w, gp, leader)` answers whether paragraph gp (the
 * w-th) copies `leader` whole; undefined counts as no, unseen (only in a speculative pass).
 */
function orderedPass(
  wholePara: Uint32Array,
  offers: Offers,
  same: Int32Array,
  streams: TokenStreams,
  check: (w: number, gp: number, leader: number) => Check | undefined,
): Pick<Leaders, 'leaderOf' | 'joins' | 'used'> {
  const leaderOf = new Int32Array(streams.tokenStart.length - 1).fill(-1);
  const joins = new Joins(streams.tokenStart);
  let used = 0;
  for (let w = 0; w < wholePara.length; w++) {
    const gp = wholePara[w];
    // Offers vote for their leaders; the two leaders with the most agreeing bands are tried.
    const ranked: Array<[number, number]> = [];
    for (let k = offers.start[w]; k < offers.start[w + 1]; k++) {
      const leader = leaderOf[offers.para[k]];
      if (leader < 0) continue;
      const v = offers.votes[k];
      const at = ranked.findIndex((r) => r[0] === leader);
      if (at >= 0) ranked[at][1] += v;
      else ranked.push([leader, v]);
    }
    ranked.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    // The leader of an earlier paragraph with the very same tokens goes first, whatever LSH
    // offered: short paragraphs (titles, chrome) share most of their 3-grams with others of their
    // kind, and those can fill a paragraph's offers before its own copy is offered.
    if (same[w] >= 0) {
      const leader = leaderOf[same[w]];
      const at = ranked.findIndex((r) => r[0] === leader);
      if (at >= 0) ranked.splice(at, 1);
      ranked.unshift([leader, 0]);
    }
    ranked.length = Math.min(ranked.length, LEADERS_TRIED);
    leaderOf[gp] = gp;
    for (const [leader] of ranked) {
      const c = check(w, gp, leader);
      if (c === undefined) continue;
      used++;
      if (c.kind < 0) continue;
      leaderOf[gp] = leader;
      joins.add(leader, gp, c.kind, c.similarity);
      break;
    }
  }
  return { leaderOf, joins, used };
}

/**
 * For each paragraph, the first earlier one with the very same comparison tokens, or -1. The
 * paragraphs are sorted by the hash of their tokens (a Map of lists was a gigabyte at 100,000
 * reports), and those of one hash compared in paragraph order.
 */
function firstSame(wholePara: Uint32Array, streams: TokenStreams): Int32Array {
  const out = new Int32Array(wholePara.length).fill(-1);
  const hashes = new Uint32Array(wholePara.length);
  const order = new Uint32Array(wholePara.length);
  for (let w = 0; w < wholePara.length; w++) {
    const { masked } = tokensAt(streams, wholePara[w]);
    hashes[w] = hashRange(masked, 0, masked.length) >>> 0;
    order[w] = w;
  }
  const { tokenStart } = streams;
  const equal = (x: number, y: number) => {
    const n = tokenStart[x + 1] - tokenStart[x];
    if (tokenStart[y + 1] - tokenStart[y] !== n) return false;
    const a = tokensAt(streams, x).masked;
    const b = tokensAt(streams, y).masked;
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  const sorted = sortPairs(hashes, order);
  const firsts: number[] = [];
  for (let i = 0; i < sorted.keys.length;) {
    let end = i + 1;
    while (end < sorted.keys.length && sorted.keys[end] === sorted.keys[i]) end++;
    firsts.length = 0;
    for (let k = i; end - i > 1 && k < end; k++) {
      const w = sorted.values[k];
      const gp = wholePara[w];
      const earlier = firsts.find((x) => equal(x, gp));
      if (earlier === undefined) firsts.push(gp);
      else out[w] = earlier;
    }
    i = end;
  }
  return out;
}

/** Each paragraph checked ahead, on the pool, against the paragraph most likely to be its leader. */
async function checkAhead(
  wholePara: Uint32Array,
  offers: Offers,
  same: Int32Array,
  streams: TokenStreams,
  options: RelateOptions,
  pool: WorkerPool,
) {
  const count = wholePara.length;
  const start = new Uint32Array(count + 1);
  const leaders = new Uint32Array(count * SPECULATED);
  const followers = new Uint32Array(count * SPECULATED);
  let n = 0;
  const order: number[] = [];
  for (let w = 0; w < count; w++) {
    start[w] = n;
    const base = offers.start[w];
    order.length = 0;
    for (let k = 0; k < offers.start[w + 1] - base; k++) order.push(k);
    // The earliest offer is most often the leader itself (a bucket's first paragraphs are offered,
    // and the first of a family leads it); then the offers with the most votes.
    order.sort((x, y) => offers.para[base + x] - offers.para[base + y]);
    const earliest = order.shift();
    order.sort(
      (x, y) => offers.votes[base + y] - offers.votes[base + x] || offers.para[base + x] - offers.para[base + y],
    );
    if (earliest !== undefined) order.unshift(earliest);
    const likely = same[w] >= 0 ? [same[w]] : [];
    for (let j = 0; j < order.length && likely.length < SPECULATED; j++) likely.push(offers.para[base + order[j]]);
    for (const leader of likely) {
      leaders[n] = leader;
      followers[n++] = wholePara[w];
    }
  }
  start[count] = n;
  const { kinds, similarity } = await wholeMatchesPooled(
    leaders.subarray(0, n),
    followers.subarray(0, n),
    streams,
    options,
    pool,
  );
  return {
    kinds,
    similarity,
    /** Where the check of paragraph w against `leader` is, or -1. */
    find(w: number, leader: number): number {
      for (let i = start[w]; i < start[w + 1]; i++) if (leaders[i] === leader) return i;
      return -1;
    },
  };
}
