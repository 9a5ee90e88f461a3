import { basename } from 'node:path';
import type { ResultCluster, ResultMember, ScanResult } from '../../src/types.js';
import { findingsWithBoth, type PairRow } from './seed-pairs.js';

/** A finding in one line: what the lead needs to see when a row goes wrong. */
export function describeFinding(result: ScanResult, c: ResultCluster): string {
  const where = (m: ResultMember) => {
    const run = m.lastParagraph !== undefined ? `-${m.lastParagraph}` : '';
    const span = m.start !== undefined ? ` [${m.start},${m.end})` : '';
    return `${basename(result.documents[m.doc].path)} ¶${m.paragraph}${run}${span}`;
  };
  const queue = c.boilerplate ? `boilerplate (${c.stock ?? '?'})` : 'queue';
  return `#${c.id} ${c.scope} ${c.kind} ${queue} content ${c.content} similarity ${c.similarity}: ${c.members.map(where).join(', ')}`;
}

/**
 * The rule of a seed-queue.tsv row (see the shared fixtures' README), as the findings that break
 * it, described; empty when the row holds. copy: both passages in one finding in the queue;
 * stock: no finding in the queue holds both; false: no finding at all holds both.
 */
export function rowViolations(result: ScanResult, row: PairRow): string[] {
  const found = findingsWithBoth(result, row);
  const label = row.label as string;
  if (label === 'copy') {
    if (found.some((c) => !c.boilerplate)) return [];
    return found.length > 0 ? found.map((c) => describeFinding(result, c)) : ['no finding holds both passages'];
  }
  if (label === 'stock') return found.filter((c) => !c.boilerplate).map((c) => describeFinding(result, c));
  if (label === 'false') return found.map((c) => describeFinding(result, c));
  throw new Error(`unknown label ${label}`);
}
