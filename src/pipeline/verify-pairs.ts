import { relate, type RelateOptions, type Relation, type Tokens } from '../verify/relate.js';

/** A passage found in pair number `at` of the list verified, in the pair's own order (a < b). */
export interface PairFinding {
  at: number;
  rel: Relation;
}

function swap(r: Relation): Relation {
  return { aStart: r.bStart, aEnd: r.bEnd, bStart: r.aStart, bEnd: r.aEnd, kind: r.kind, similarity: r.similarity };
}

/**
 * Aligns pairs[from, to) (keys a * paragraphCount + b, sorted) and returns what they share. The
 * same code runs on this thread and in the verification workers, so both give the same findings.
 */
export function verifyRange(
  pairs: Float64Array,
  from: number,
  to: number,
  paragraphCount: number,
  tokensOf: (gp: number) => Tokens,
  options: RelateOptions,
): PairFinding[] {
  const found: PairFinding[] = [];
  let lastA = -1;
  let na: Tokens | undefined;
  for (let i = from; i < to; i++) {
    const ga = Math.floor(pairs[i] / paragraphCount);
    const gb = pairs[i] - ga * paragraphCount;
    // The same tokens object while `a` stays the same: alignment keeps its index of its second
    // argument from one call to the next when that argument is the very same array.
    if (ga !== lastA) {
      na = tokensOf(ga);
      lastA = ga;
    }
    for (const r of relate(tokensOf(gb), na!, options)) found.push({ at: i, rel: swap(r) });
  }
  return found;
}
