import { relate, relateSelf, swapRelation, type RelateOptions, type Relation, type Tokens } from './relate.js';

/** A passage found in pair number `at` of the list verified, in the pair's own order (a < b). */
export interface PairFinding {
  at: number;
  rel: Relation;
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
    if (ga === gb) for (const rel of relateSelf(na!, options)) found.push({ at: i, rel });
    else for (const r of relate(tokensOf(gb), na!, options)) found.push({ at: i, rel: swapRelation(r) });
  }
  return found;
}

/**
 * The relation when b is a copy of the whole of a (exact, numbers or near, not partial) — what
 * makes b a follower of leader a in phase 1 — or undefined.
 */
export function wholeMatch(a: Tokens, b: Tokens, options: RelateOptions): Relation | undefined {
  const rel = relate(a, b, options);
  if (rel.length !== 1) return undefined;
  const r = rel[0];
  if (r.kind === 'partial' || r.aEnd - r.aStart !== a.masked.length || r.bEnd - r.bStart !== b.masked.length)
    return undefined;
  return r;
}

export const KIND_CODE = { exact: 0, numbers: 1, near: 2, partial: 3 } as const;
const KINDS = ['exact', 'numbers', 'near', 'partial'] as const;

/** wholeMatch over pairs (leaders[i], followers[i]): kind code per pair (-1: no match) and similarity. */
export function wholeMatches(
  leaders: Uint32Array,
  followers: Uint32Array,
  tokensOf: (gp: number) => Tokens,
  options: RelateOptions,
): { kinds: Int8Array; similarity: Float64Array } {
  const kinds = new Int8Array(leaders.length).fill(-1);
  const similarity = new Float64Array(leaders.length);
  for (let i = 0; i < leaders.length; i++) {
    const r = wholeMatch(tokensOf(leaders[i]), tokensOf(followers[i]), options);
    if (!r) continue;
    kinds[i] = KIND_CODE[r.kind];
    similarity[i] = r.similarity;
  }
  return { kinds, similarity };
}

/** The relation wholeMatches found for a pair, rebuilt from its codes. */
export function wholeRelation(kind: number, similarity: number, aLength: number, bLength: number): Relation {
  return { aStart: 0, aEnd: aLength, bStart: 0, bEnd: bLength, kind: KINDS[kind], similarity };
}
