import type { ScanResult } from '../src/types.js';
import { prepareParagraph } from '../src/read/analyze.js';
import type { Truth } from './generate.js';
import { coverage, indexTruth, memberText, type Coverage, type Member, type TruthIndex } from './members.js';
import { queueFigures, type QueueFigures } from './queue.js';

/**
 * Scores a scan against the generator's truth.
 *
 * Recall: a true copy pair (two paragraphs made from one source, each with at most 3% of its
 * characters edited) is found when some finding has a member in each of the two paragraphs
 * whose text there is not only stock (a finding of a formula that both copies carry finds
 * nothing).
 *
 * False pairs: a reported pair is a finding's representative and one other member (what the scan
 * says it verified), plus up to a few member–member pairs per finding (what a reader infers). A
 * pair "shares little text" when under a quarter of the shorter passage's 4-token shingles stand
 * in the other: copies score well above one half, unrelated text on the same topic well below.
 *
 * The queue (findings not marked boilerplate), stock kept out of it and fragments: see queue.ts.
 */
export interface Evaluation extends QueueFigures {
  truePairs: number;
  foundPairs: number;
  recall: number;
  /** The same for pairs inside one report. */
  withinPairs: number;
  withinFound: number;
  reportedPairs: number;
  falsePairs: number;
  falseShare: number;
  /** Paragraphs of the scan that could not be matched to the truth (segmentation disagreed). */
  unmatchedParagraphs: number;
  clusters: number;
}

export const LITTLE_TEXT = 0.25;
const SHINGLE = 4;
const MEMBER_PAIRS_PER_CLUSTER = 4;

function shingles(tokens: Uint32Array): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++)
    out.add(`${tokens[i]},${tokens[i + 1]},${tokens[i + 2]},${tokens[i + 3]}`);
  if (tokens.length > 0 && tokens.length < SHINGLE) out.add([...tokens].join(','));
  return out;
}

/** Share of the smaller passage's shingles found in the other. */
export function containment(a: string, b: string): number {
  const sa = shingles(prepareParagraph(a).masked);
  const sb = shingles(prepareParagraph(b).masked);
  const [small, big] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size === 0) return 0;
  let inter = 0;
  for (const x of small) if (big.has(x)) inter++;
  return inter / small.size;
}

/** For each truth paragraph, the findings with a member there that is not only stock. */
function findingsByParagraph(cov: Coverage): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let c = 0; c + 1 < cov.memberStart.length; c++) {
    for (let e = cov.entryStart[cov.memberStart[c]]; e < cov.entryStart[cov.memberStart[c + 1]]; e++) {
      const g = cov.g[e];
      if (g < 0 || cov.stock[e]) continue;
      const list = out.get(g) ?? [];
      if (list[list.length - 1] !== c) list.push(c);
      out.set(g, list);
    }
  }
  return out;
}

function recallOf(index: TruthIndex, clustersOf: Map<number, number[]>) {
  // Group true copies by source; count pairs sharing a finding through their sets of findings.
  const groups = new Map<number, number[]>();
  index.paragraphs.forEach((p, g) => {
    if (p.source < 0) return;
    const list = groups.get(p.source) ?? [];
    list.push(g);
    groups.set(p.source, list);
  });
  const { docOf } = index;
  let truePairs = 0;
  let foundPairs = 0;
  let withinPairs = 0;
  let withinFound = 0;
  for (const members of groups.values()) {
    const n = members.length;
    if (n < 2) continue;
    truePairs += (n * (n - 1)) / 2;
    const byKey = new Map<string, { count: number; set: Set<number> }>();
    for (const g of members) {
      const list = clustersOf.get(g) ?? [];
      const key = list.join(',');
      const entry = byKey.get(key);
      if (entry) entry.count++;
      else byKey.set(key, { count: 1, set: new Set(list) });
    }
    const keys = [...byKey.values()];
    for (let i = 0; i < keys.length; i++) {
      if (keys[i].set.size > 0) foundPairs += (keys[i].count * (keys[i].count - 1)) / 2;
      for (let j = i + 1; j < keys.length; j++) {
        const [small, big] =
          keys[i].set.size <= keys[j].set.size ? [keys[i].set, keys[j].set] : [keys[j].set, keys[i].set];
        for (const c of small) {
          if (big.has(c)) {
            foundPairs += keys[i].count * keys[j].count;
            break;
          }
        }
      }
    }
    // Within-report pairs are few: count them one by one.
    for (let x = 0; x < n; x++) {
      for (let y = x + 1; y < n; y++) {
        if (docOf[members[x]] !== docOf[members[y]]) continue;
        withinPairs++;
        const cx = clustersOf.get(members[x]) ?? [];
        const cy = new Set(clustersOf.get(members[y]) ?? []);
        if (cx.some((c) => cy.has(c))) withinFound++;
      }
    }
  }
  return { truePairs, foundPairs, recall: truePairs ? foundPairs / truePairs : 1, withinPairs, withinFound };
}

function falsePairsOf(result: ScanResult) {
  let reportedPairs = 0;
  let falsePairs = 0;
  for (const c of result.clusters) {
    const [center, ...others] = c.members as Member[];
    const check = (x: Member, y: Member) => {
      reportedPairs++;
      if (containment(memberText(result, x), memberText(result, y)) < LITTLE_TEXT) falsePairs++;
    };
    for (const m of others) check(center, m);
    // A few member–member pairs, spread evenly over the finding.
    const step = Math.max(1, Math.floor(others.length / MEMBER_PAIRS_PER_CLUSTER));
    for (let i = 0, k = 0; i + step < others.length && k < MEMBER_PAIRS_PER_CLUSTER; i += step, k++)
      check(others[i], others[i + step]);
  }
  return { reportedPairs, falsePairs, falseShare: reportedPairs ? falsePairs / reportedPairs : 0 };
}

export function evaluate(result: ScanResult, truth: Truth): Evaluation {
  const index = indexTruth(result, truth);
  const cov = coverage(result, index);
  const clustersOf = findingsByParagraph(cov);
  return {
    ...recallOf(index, clustersOf),
    ...falsePairsOf(result),
    ...queueFigures(result, index, cov, clustersOf),
    unmatchedParagraphs: index.unmatched,
    clusters: result.clusters.length,
  };
}
