/**
 * An order-2 character model of the seeds: each next character is drawn given the two before
 * it, from what followed those two in the seeds' paragraphs. Text written this way reuses the
 * seeds' short phrases everywhere (习近平法治思想, 严格规范公正文明执法 …) between clauses that
 * nobody wrote, which is what independently written reports of one genre look like to a scan.
 *
 * Alone, the model would now and then reproduce a long stretch of one seed (70% of its contexts
 * have a single follower); the generator refuses any character that would make the text share
 * MAX_SHARED_RUN characters in a row with a seed, so made-up text never passes for a copy.
 */

/** Longest run of characters made-up text may share with a seed, plus one. */
export const MAX_SHARED_RUN = 24;

// Slots are one character each inside the model, so a slot counts as one step of context.
const SLOTS: Array<[string, string]> = [
  ['{P}', '\ue001'],
  ['{Y}', '\ue002'],
  ['{N}', '\ue003'],
];
const START = '\u0002';
const END = '\u0003';
const SENTENCE_END = /[。；！？;!?]$/u;

export interface CharModel {
  /** Followers of each two-character context (key: the two code units), one per occurrence. */
  next: Map<number, string[]>;
  /** Followers of each single character: where the model backs off to when a context is spent. */
  nextOne: Map<number, string[]>;
  /** Every MAX_SHARED_RUN-character window of the seeds. */
  seedRuns: Set<string>;
}

const key = (a: string, b: string) => a.charCodeAt(0) * 0x10000 + b.charCodeAt(0);

function toModel(template: string): string {
  let t = template;
  for (const [slot, c] of SLOTS) t = t.split(slot).join(c);
  return t;
}

function fromModel(text: string): string {
  let t = text;
  for (const [slot, c] of SLOTS) t = t.split(c).join(slot);
  return t;
}

function push<K>(map: Map<K, string[]>, k: K, c: string): void {
  const list = map.get(k);
  if (list) list.push(c);
  else map.set(k, [c]);
}

/** Trains on seed paragraphs written as templates ({P}, {Y}, {N} slots). */
export function trainCharModel(templates: string[]): CharModel {
  const next = new Map<number, string[]>();
  const nextOne = new Map<number, string[]>();
  const seedRuns = new Set<string>();
  for (const template of templates) {
    const t = toModel(template);
    const s = START + START + t + END;
    for (let i = 2; i < s.length; i++) {
      push(next, key(s[i - 2], s[i - 1]), s[i]);
      push(nextOne, s.charCodeAt(i - 1), s[i]);
    }
    for (let i = 0; i + MAX_SHARED_RUN <= t.length; i++) seedRuns.add(t.slice(i, i + MAX_SHARED_RUN));
  }
  return { next, nextOne, seedRuns };
}

/**
 * A paragraph of 80–400 characters from the model, ending at a sentence end, with the model's
 * slots written back as {P}, {Y} and {N} for the copy to fill.
 */
export function charModelParagraph(rng: () => number, model: CharModel): string {
  const target = 80 + Math.floor(rng() * 320);
  let out = '';
  let a = START;
  let b = START;
  // Tries the followers in a random order and takes the first that does not lengthen a run
  // shared with a seed past the limit.
  const choose = (list: string[] | undefined): string | null => {
    if (!list) return null;
    const tail = out.slice(-(MAX_SHARED_RUN - 1));
    const first = Math.floor(rng() * list.length);
    for (let k = 0; k < list.length; k++) {
      const c = list[(first + k) % list.length];
      if (tail.length < MAX_SHARED_RUN - 1 || !model.seedRuns.has(tail + c)) return c;
    }
    return null;
  };
  let restartedAt = -1;
  for (;;) {
    const c = choose(model.next.get(key(a, b))) ?? choose(model.nextOne.get(b.charCodeAt(0))) ?? END;
    if (c === END) {
      // A restart that could not add a character would loop for ever: end the paragraph there.
      if (out.length >= target || restartedAt === out.length) break;
      // The seeds' paragraph ended, or every way on was a seed's long run: start a new sentence.
      if (out.length > 0 && !SENTENCE_END.test(out)) out += '。';
      restartedAt = out.length;
      a = START;
      b = START;
      continue;
    }
    out += c;
    a = b;
    b = c;
    if (out.length >= target && SENTENCE_END.test(c)) break;
  }
  return fromModel(out);
}
