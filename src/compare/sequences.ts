import type { Kind, ResultCluster, ResultMember } from '../types.js';
import { hashString } from '../util/hash.js';

/**
 * Farthest the next copy of a run may stand, in paragraphs, on every side: a paragraph inserted,
 * dropped or rewritten between two copied ones does not break the run (a recycled report often
 * has its year's own paragraph here and there).
 */
const GAP = 3;
const KIND_RANK: Record<Kind, number> = { exact: 0, numbers: 1, names: 2, near: 2, partial: 3, spliced: 4 };

const byPlace = (x: ResultMember, y: ResultMember) =>
  x.doc - y.doc || x.paragraph - y.paragraph || (x.start ?? 0) - (y.start ?? 0);

/**
 * Joins findings that are copies of paragraphs in sequence (the same reports, each copy a
 * paragraph or two further on in every one of them) into one finding whose members are runs of
 * paragraphs: a recycled report or a copied article is one finding, not one per paragraph. The
 * copies it is made of stay in its `parts`. Other findings pass unchanged. `lengthOf` gives a
 * paragraph's length (in the units of member offsets).
 */
export function joinSequences(
  findings: ResultCluster[],
  lengthOf: (doc: number, paragraph: number) => number,
): ResultCluster[] {
  const groups = new Map<string, Array<{ finding: ResultCluster; places: ResultMember[] }>>();
  const out: ResultCluster[] = [];
  // Copies of a clause or two stay findings of their own: a run is made of paragraphs copied
  // (most of each), not of passages that happen to follow each other.
  const paragraphWide = (m: ResultMember) =>
    m.start === undefined || (m.end! - m.start) * 2 >= lengthOf(m.doc, m.paragraph);
  for (const finding of findings) {
    if (!finding.members.every(paragraphWide)) {
      out.push(finding);
      continue;
    }
    const places = [...finding.members].sort(byPlace);
    const key = places.map((m) => m.doc).join(',');
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push({ finding, places });
  }
  for (const list of groups.values()) {
    list.sort((x, y) => {
      for (let i = 0; i < x.places.length; i++) {
        const d = byPlace(x.places[i], y.places[i]);
        if (d !== 0) return d;
      }
      return 0;
    });
    const chains: Array<Array<{ finding: ResultCluster; places: ResultMember[] }>> = [];
    for (const item of list) {
      const chain = chains.find((c) => follows(c[c.length - 1], item));
      if (chain) chain.push(item);
      else chains.push([item]);
    }
    for (const chain of chains)
      out.push(
        chain.length === 1
          ? chain[0].finding
          : joined(
              chain.map((c) => c.places),
              chain.map((c) => c.finding),
            ),
      );
  }
  return out;
}

/**
 * Whether `next` is the copy after `last` in every report: each place the next paragraph, or a
 * few further on when either copy is in the queue. Two headings with a paragraph of each
 * report's own between them are no run: the run would claim that paragraph.
 */
function follows(
  last: { finding: ResultCluster; places: ResultMember[] },
  next: { finding: ResultCluster; places: ResultMember[] },
): boolean {
  const gap = last.finding.boilerplate && next.finding.boilerplate ? 1 : GAP;
  for (let i = 0; i < last.places.length; i++) {
    const step = next.places[i].paragraph - last.places[i].paragraph;
    if (step < 1 || step > gap) return false;
  }
  return true;
}

function joined(parts: ResultMember[][], findings: ResultCluster[]): ResultCluster {
  const first = parts[0];
  const last = parts[parts.length - 1];
  const members = first.map((m, i) => ({ doc: m.doc, paragraph: m.paragraph, lastParagraph: last[i].paragraph }));
  let kind: Kind = 'exact';
  for (const f of findings) if (KIND_RANK[f.kind] > KIND_RANK[kind]) kind = f.kind;
  const boilerplate = findings.every((f) => f.boilerplate);
  const out: ResultCluster = {
    id: 0,
    scope: findings[0].scope,
    kind,
    boilerplate,
    content: Math.round(findings.reduce((s, f) => s + f.content, 0) * 10) / 10,
    docCount: findings[0].docCount,
    similarity: Math.min(...findings.map((f) => f.similarity)),
    chars: findings.reduce((s, f) => s + f.chars, 0),
    key: keyOf(findings.map((f) => f.key)),
    members,
    parts,
  };
  if (boilerplate && findings[0].stock) out.stock = findings[0].stock;
  return out;
}

/** A run's content key, from the keys of its copies in order. */
function keyOf(keys: string[]): string {
  const text = keys.join('');
  return (hashString(text).toString(16).padStart(8, '0') + hashString(`${text}#`).toString(16).padStart(8, '0')).slice(
    0,
    16,
  );
}
