import type { Decision, ResultCluster } from '../types.js';
import { WorkspaceError } from './errors.js';
import { staleIdProblem, UNNUMBERED, type FindingIds } from './finding-ids.js';

/** Shortest key prefix accepted: four hex digits leave few findings sharing one. */
const MIN_PREFIX = 4;

/**
 * What a reviewer wrote to name a finding:
 * - `41`: finding id 41 of the stored scan;
 * - `41@7`: finding id 41 as scan 7 numbered it;
 * - `key:0412`: a finding key or a unique prefix of one (the `key:` is needed only when the
 *   prefix is all digits, which would otherwise read as an id);
 * - anything else: a key or a unique prefix of one.
 */
export type FindingRef = { id: number; seen?: number } | { key: string };

export function parseFindingRef(ref: string): FindingRef {
  const id = /^(\d+)(?:@(\d+))?$/.exec(ref);
  if (id !== null) return id[2] === undefined ? { id: Number(id[1]) } : { id: Number(id[1]), seen: Number(id[2]) };
  return { key: ref.startsWith('key:') ? ref.slice('key:'.length) : ref };
}

/** An id that may no longer name the finding the reviewer saw; `key` is the finding it names now. */
export class StaleFindingIdError extends WorkspaceError {
  override name = 'StaleFindingIdError';
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
  }
}

/**
 * Pure: the content key a reviewer means by `ref` (see FindingRef), among the stored scan's
 * findings and, for keys, the existing decisions too (so a decision on a finding no longer in the
 * scan can still be changed or cleared). An id is refused when `ids` shows that it may name
 * another finding than the one the reviewer read it on.
 */
export function resolveFinding(
  ref: string,
  clusters: Array<Pick<ResultCluster, 'id' | 'key'>>,
  decisions: Decision[],
  ids: FindingIds = UNNUMBERED,
): string {
  const parsed = parseFindingRef(ref);
  if ('id' in parsed) return resolveId(ref, parsed, clusters, decisions, ids);
  const keys = new Set([...clusters.map((c) => c.key), ...decisions.map((d) => d.key)]);
  const prefix = parsed.key;
  if (keys.has(prefix)) return prefix;
  if (prefix.length >= MIN_PREFIX) {
    const matches = [...keys].filter((k) => k.startsWith(prefix)).sort();
    if (matches.length === 1) return matches[0];
    if (matches.length > 1)
      throw new WorkspaceError(
        `key prefix '${prefix}' is ambiguous: ${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', …' : ''}`,
      );
  } else if (prefix.length > 0) {
    throw new WorkspaceError(`key prefix '${prefix}' is too short; give at least ${MIN_PREFIX} characters of the key`);
  }
  throw new WorkspaceError(`no finding with key '${prefix}' in the stored scan or its decisions`);
}

function resolveId(
  ref: string,
  parsed: { id: number; seen?: number },
  clusters: Array<Pick<ResultCluster, 'id' | 'key'>>,
  decisions: Decision[],
  ids: FindingIds,
): string {
  const cluster = clusters.find((c) => c.id === parsed.id);
  if (cluster === undefined) {
    const range = clusters.length === 0 ? 'it has none' : `findings are 0..${clusters.length - 1}`;
    const digits = ref.length >= MIN_PREFIX && /^\d+$/.test(ref);
    const keyLike =
      digits && [...clusters.map((c) => c.key), ...decisions.map((d) => d.key)].some((k) => k.startsWith(ref));
    const hint = keyLike ? `; for the key starting ${ref}, write key:${ref}` : '';
    throw new WorkspaceError(`no finding ${parsed.id} in the stored scan (${range})${hint}`);
  }
  const problem = staleIdProblem(ids, parsed.id, parsed.seen);
  if (problem === null) return cluster.key;
  const alternative =
    parsed.seen === undefined && ids.scan > 0
      ? `, or, if you read it in scan ${ids.scan}'s listing, as ${parsed.id}@${ids.scan}`
      : '';
  throw new StaleFindingIdError(
    `finding ${ref} refused: ${problem}. Name the finding by its key instead (finding ${parsed.id} is now key ${cluster.key})${alternative}`,
    cluster.key,
  );
}
