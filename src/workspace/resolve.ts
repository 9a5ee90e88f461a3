import type { Decision, ResultCluster } from '../types.js';
import { WorkspaceError } from './errors.js';

/**
 * Pure: the content key a reviewer means by `ref`: a finding id (digits) of the stored scan, or a
 * key, whole or a unique prefix of at least 4 characters, of a finding or of an existing decision
 * (so a decision on a finding no longer in the scan can still be changed or cleared).
 */
export function resolveFinding(ref: string, clusters: ResultCluster[], decisions: Decision[]): string {
  if (/^\d+$/.test(ref)) {
    const cluster = clusters.find((c) => c.id === Number(ref));
    if (cluster) return cluster.key;
    if (ref.length < 8) {
      const range = clusters.length === 0 ? 'it has none' : `findings are 0..${clusters.length - 1}`;
      throw new WorkspaceError(`no finding ${ref} in the stored scan (${range})`);
    }
  }
  const keys = new Set([...clusters.map((c) => c.key), ...decisions.map((d) => d.key)]);
  if (keys.has(ref)) return ref;
  if (ref.length >= 4) {
    const matches = [...keys].filter((k) => k.startsWith(ref)).sort();
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) throw new WorkspaceError(`key prefix '${ref}' is ambiguous: ${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', …' : ''}`);
  }
  throw new WorkspaceError(`no finding with id or key '${ref}' in the stored scan or its decisions`);
}
