import { createRequire } from 'node:module';
import { prepareParagraph } from '../src/read/analyze.js';
import { SHINGLE_K } from '../src/settings.js';
import { shingle, jaccard } from '../src/read/sketch/shingle.js';
import { minHasher, signature, sketchTokens, estimateJaccard } from '../src/read/sketch/minhash.js';

/**
 * refrain's sketch against the npm `minhash` package on the same shingle sets. Both get the same
 * number of hash functions. refrain signs the 32-bit hashed shingles the scan uses; the package
 * is given the same shingles as strings (the k tokens spelt out), its intended input. The package's
 * objects are built outside the timed loop, so only its hashing is timed (the fairest reading).
 */

interface NpmMinhash {
  update(s: string): void;
  jaccard(other: NpmMinhash): number;
  hashvalues: number[];
}
type NpmMinhashClass = new (config: { numPerm: number; seed?: number }) => NpmMinhash;
const { Minhash } = createRequire(import.meta.url)('minhash') as { Minhash: NpmMinhashClass };

export interface SketchSample {
  /** Normalized token streams (digits masked), one per paragraph. */
  tokens: Uint32Array[];
  /** Pairs of indexes into `tokens` whose similarity is estimated. */
  pairs: Array<[number, number]>;
}

export interface BaselineResult {
  sets: number;
  pairs: number;
  numHashes: number;
  /** Microseconds per signature, best of the rounds. */
  refrainUs: number;
  /** Microseconds per signature straight from the tokens, shingling included (what the scan pays). */
  refrainWithShingleUs: number;
  npmUs: number;
  /** Mean absolute error of the Jaccard estimate against exact Jaccard on the shingle sets. */
  refrainError: number;
  npmError: number;
  /** The same, on the pairs whose exact Jaccard is at least 0.3 (the ones a scan decides on). */
  refrainErrorHigh: number;
  npmErrorHigh: number;
  highPairs: number;
}

/** Token k-grams as strings, unique: the shingle set in the form the npm package takes. */
export function stringShingles(tokens: Uint32Array, k: number): string[] {
  const out = new Set<string>();
  const spell = (t: number) => (t < 0x110000 ? String.fromCodePoint(t) : `#${t.toString(36)};`);
  if (tokens.length === 0) return [];
  const count = tokens.length < k ? 1 : tokens.length - k + 1;
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let j = i; j < Math.min(i + k, tokens.length); j++) s += spell(tokens[j]);
    out.add(s);
  }
  return [...out];
}

function exactJaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 1 : inter / union;
}

export function sampleFromTexts(texts: string[], pairs: Array<[number, number]>): SketchSample {
  return { tokens: texts.map((t) => prepareParagraph(t).masked), pairs };
}

export function compareWithNpm(sample: SketchSample, numHashes: number, rounds = 5): BaselineResult {
  const k = SHINGLE_K;
  const hashed = sample.tokens.map((t) => shingle(t, k));
  const strings = sample.tokens.map((t) => stringShingles(t, k));
  const hasher = minHasher(numHashes);
  let sink = 0;

  // Rounds alternate between the two, and each keeps its best: on a shared machine, load that
  // comes and goes then hits both alike instead of one more than the other.
  let refrainBest = Infinity;
  let withShingleBest = Infinity;
  let npmBest = Infinity;
  let refrainSigs: Uint32Array[] = [];
  let npmSigs: NpmMinhash[] = [];
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    refrainSigs = hashed.map((s) => signature(s, numHashes, hasher));
    refrainBest = Math.min(refrainBest, performance.now() - t0);

    t0 = performance.now();
    for (const t of sample.tokens) sink ^= sketchTokens(t, k, numHashes, hasher)[0];
    withShingleBest = Math.min(withShingleBest, performance.now() - t0);

    const fresh = strings.map(() => new Minhash({ numPerm: numHashes }));
    t0 = performance.now();
    strings.forEach((set, i) => {
      const m = fresh[i];
      for (const s of set) m.update(s);
    });
    npmBest = Math.min(npmBest, performance.now() - t0);
    npmSigs = fresh;
  }
  if (sink === 0.5) console.log(sink);

  let refrainError = 0;
  let npmError = 0;
  let refrainErrorHigh = 0;
  let npmErrorHigh = 0;
  let high = 0;
  const stringSets = strings.map((s) => new Set(s));
  for (const [a, b] of sample.pairs) {
    const exact = exactJaccard(stringSets[a], stringSets[b]);
    const re = Math.abs(estimateJaccard(refrainSigs[a], refrainSigs[b]) - exact);
    const ne = Math.abs(npmSigs[a].jaccard(npmSigs[b]) - exact);
    refrainError += re;
    npmError += ne;
    if (exact >= 0.3) {
      refrainErrorHigh += re;
      npmErrorHigh += ne;
      high++;
    }
    // The hashed sets must agree with the string sets, or the comparison is not like for like.
    if (Math.abs(jaccard(hashed[a], hashed[b]) - exact) > 0.05)
      throw new Error(`shingle hashing disagrees on pair ${a}, ${b}`);
  }
  const n = Math.max(1, sample.pairs.length);
  const sets = sample.tokens.length;
  return {
    sets,
    pairs: sample.pairs.length,
    numHashes,
    refrainUs: (refrainBest * 1000) / sets,
    refrainWithShingleUs: (withShingleBest * 1000) / sets,
    npmUs: (npmBest * 1000) / sets,
    refrainError: refrainError / n,
    npmError: npmError / n,
    refrainErrorHigh: high ? refrainErrorHigh / high : 0,
    npmErrorHigh: high ? npmErrorHigh / high : 0,
    highPairs: high,
  };
}
