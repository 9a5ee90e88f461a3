import type { Kind } from '../../types.js';
import { stockLength, windowHashes } from '../align/windows.js';
import type { RunTable } from './run-table.js';
import type { Role } from './role.js';
import { tokenWeight } from './weights.js';

/**
 * Why a finding is kept out of the queue: its every place is a heading, title or page chrome
 * line, or a table row; or what its places share is made of phrases that other reports use too,
 * or is too little for the number of reports it stands in.
 */
export type StockReason = 'line' | 'table' | 'common' | 'short';

/**
 * Thresholds in CJK-character units (see weights.ts), read off the seed reports and real reports
 * of the genre: every copy an auditor wanted shared a stretch of 14 rare units or more and
 * 25 in all, while stock formulas (对法治建设重要工作亲自部署、重大问题亲自过问…) share 20 and
 * sentences stitched from stock phrases share no stretch of more than 6.
 */
/**
 * Units into one exact shared run past which its text counts as rare whatever phrases it is
 * made of: the longest stock formula of the seeds (对法治建设重要工作亲自部署…亲自协调) is 31.
 */
const LONG_RUN = 32;
/** Tokens left out or put in on either side that do not break a run (see measure). */
const SMALL_EDIT = 3;
/** A near or partial copy needs this long a stretch of rare shared text, unbroken. */
export const MIN_STRETCH = 10;
/**
 * Similarity from which a near repeat stands without a long rare stretch: a few words changed in
 * one sentence (小事不出村，大事不出乡/镇: 0.9), where sentences stitched from stock phrases share
 * three quarters of their text at most.
 */
const CLOSE = 0.8;
/** Rare shared text a finding between two reports needs to be read as a copy (the default of settings.minContent). */
export const MIN_CONTENT = 25;
/** How much more inside one report, where the writer repeating their own phrases is expected. */
const WITHIN = 1.6;
/** What a finding needs grows by this share of MIN_CONTENT each time its reports double. */
const SPREAD = 0.5;
/**
 * And by this much per share of the batch past a quarter (three reports or more): a statutory
 * sentence in five of six reports (42–73 units) needs 90, a template paragraph in four of five
 * (125 units) still passes.
 */
const SHARE = 2;
const QUARTER = 0.25;
/**
 * Least rare shared content a passage of prose needs to be reported at all: below it the places
 * share phrases other reports use too, and nothing of their own. A paragraph repeated whole is
 * always reported.
 */
const MIN_REPORTED = 8;

/** One place of a finding as judged against the representative: what the two share. */
export interface PlaceEvidence {
  kind: Kind;
  similarity: number;
  /** The representative's side: [start, end) shared whole, or exact runs as (rep, other, length) triples. */
  start: number;
  end: number;
  tiles?: number[];
}

export interface Judgement {
  /** Per place (in the order given): is it a copy of the representative worth keeping at all? */
  valid: boolean[];
  /** Rare shared content (CJK-character units) of the best place. */
  content: number;
  /** Set when the finding is kept out of the queue. */
  stock?: StockReason;
}

/**
 * Calls `visit` with each stock run (its first token and hash) of the representative's tokens
 * that overlaps what some place shares with it: the only runs the judging weighs. A run may be
 * visited more than once.
 */
export function sharedWindows(
  masked: Uint32Array,
  places: readonly PlaceEvidence[],
  visit: (at: number, hash: number) => void,
  k = stockLength(masked),
): void {
  const windows = masked.length - k + 1;
  if (windows <= 0) return;
  const each = (from: number, to: number) => {
    const first = Math.max(0, from - k + 1);
    const last = Math.min(windows, to);
    if (last <= first) return;
    if (scratch.length < last - first) scratch = new Int32Array(2 * (last - first));
    const n = windowHashes(masked, first, last + k - 1, k, scratch);
    for (let j = 0; j < n; j++) visit(first + j, scratch[j]);
  };
  for (const [from, to] of sharedRanges(places)) each(from, to);
}

/**
 * What the places share with the representative, as ranges of its tokens, overlapping ones
 * merged: a template copied into hundreds of reports has hundreds of places sharing the same.
 */
function sharedRanges(places: readonly PlaceEvidence[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const p of places) {
    if (!p.tiles) ranges.push([p.start, p.end]);
    else for (let t = 0; t < p.tiles.length; t += 3) ranges.push([p.tiles[t], p.tiles[t] + p.tiles[t + 2]]);
  }
  ranges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
let scratch = new Int32Array(1024);

/**
 * What the representative's tokens are: shared with nobody else in the batch but these reports
 * (rare), or inside a stock run other reports use too. Only tokens the places share are decided.
 */
export function rareMask(
  masked: Uint32Array,
  places: readonly PlaceEvidence[],
  runs: RunTable,
  docs: number,
): Uint8Array {
  const rare = new Uint8Array(masked.length).fill(1);
  const k = stockLength(masked);
  sharedWindows(
    masked,
    places,
    (at, hash) => {
      if (runs.docs(hash) > docs) rare.fill(0, at, at + k);
    },
    k,
  );
  return rare;
}

/**
 * Rare shared content and the longest unbroken stretch of it. A token counts when no stock run
 * covers it, or when it stands more than LONG_RUN units into one shared run (exact but for an edit
 * of a token or two here and there): however common its phrases, a sequence that long stands whole
 * in no other report by chance (a paragraph copied into text written from the genre's own
 * phrases), while stock formulas are shorter.
 */
function measure(masked: Uint32Array, rare: Uint8Array, p: PlaceEvidence): { content: number; stretch: number } {
  let content = 0;
  let stretch = 0;
  let into = 0;
  const run = (from: number, to: number) => {
    let here = 0;
    for (let i = from; i < to; i++) {
      const w = tokenWeight(masked[i]);
      into += w;
      if (!rare[i] && into <= LONG_RUN) {
        here = 0;
        continue;
      }
      content += w;
      here += w;
      if (here > stretch) stretch = here;
    }
  };
  if (!p.tiles) {
    run(p.start, p.end);
    return { content, stretch };
  }
  const t = p.tiles;
  for (let k = 0; k < t.length; k += 3) {
    // A run goes on across an edit of a token or two on either side (a typo, a word changed).
    const follows =
      k > 0 && t[k] - (t[k - 3] + t[k - 1]) <= SMALL_EDIT && t[k + 1] - (t[k - 2] + t[k - 1]) <= SMALL_EDIT;
    if (!follows) into = 0;
    run(t[k], t[k] + t[k + 2]);
  }
  return { content, stretch };
}

/**
 * Judges a finding: which of its places are copies at all (an exact repeat, or a near one with an
 * unbroken stretch of rare shared text: stock phrases with different words between them are not
 * a copy), whether it is worth reporting (rare shared text, or the role of a line: a phrase every
 * report uses, shared whole, is no finding), and whether it belongs in the queue (enough rare
 * shared text for how many reports, and what share of the batch, it stands in; not every place
 * a heading, a title, a chrome line or a table row).
 */
export function judge(
  masked: Uint32Array,
  places: PlaceEvidence[],
  /** What every place of the finding is: a table row, a line, or 'prose' when any place is prose. */
  role: Role,
  reach: { docs: number; batch: number; whole: boolean; minContent?: number },
  runs: RunTable,
): Judgement {
  const { docs, batch, whole, minContent = MIN_CONTENT } = reach;
  const rare = rareMask(masked, places, runs, docs);
  const valid: boolean[] = [];
  let content = 0;
  let stretch = 0;
  let shared = 0;
  for (const p of places) {
    const m = measure(masked, rare, p);
    const close = p.kind === 'exact' || p.kind === 'numbers' || p.similarity >= CLOSE;
    const ok = close || m.stretch >= MIN_STRETCH;
    valid.push(ok);
    if (!ok) continue;
    if (m.content > content) content = m.content;
    stretch = Math.max(stretch, m.stretch);
    shared++;
  }
  const judgement: Judgement = { valid, content };
  if (shared === 0) return judgement;
  if (role === 'table') judgement.stock = 'table';
  else if (role === 'line') judgement.stock = 'line';
  else if (content < MIN_REPORTED && !whole) judgement.valid = valid.map(() => false);
  else if (content < needed(docs, batch, minContent)) judgement.stock = stretch < MIN_STRETCH ? 'common' : 'short';
  return judgement;
}

/**
 * Rare shared content a finding standing in `docs` of the `batch` reports needs to be in the
 * queue. It grows with the reports a text stands in (a phrase many reports share is more likely
 * the genre's than copied), and with the share of the batch they are (a sentence most reports
 * of a batch carry is its framework, however small the batch).
 */
export function needed(docs: number, batch: number, minContent = MIN_CONTENT): number {
  if (docs <= 1) return minContent * WITHIN;
  const spread = 1 + SPREAD * Math.log2(docs / 2);
  const share = docs >= 3 && batch > 0 ? 1 + SHARE * Math.max(0, docs / batch - QUARTER) : 1;
  return minContent * spread * share;
}
