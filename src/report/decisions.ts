import type { Decision } from '../types.js';
import type { DecisionEntry, ReportDecision, ReportFinding } from './types.js';

/** A key decided more than once keeps its latest decision. */
export function latestDecisions(decisions: readonly Decision[]): Map<string, ReportDecision> {
  const byKey = new Map<string, Decision>();
  for (const d of decisions) {
    const seen = byKey.get(d.key);
    if (!seen || d.at >= seen.at) byKey.set(d.key, d);
  }
  return new Map(
    [...byKey].map(([k, d]) => {
      const decision: ReportDecision = { label: d.label, note: d.note, at: d.at };
      if (d.reviewer) decision.reviewer = d.reviewer;
      return [k, decision];
    }),
  );
}

/** Every decided finding's decision, by finding id. */
export function decisionEntries(findings: readonly ReportFinding[]): DecisionEntry[] {
  return findings.flatMap((f) => (f.decision ? [{ finding: f.id, key: f.key, ...f.decision }] : []));
}

/** Who decided, most decisions first (ties by name), and the span of the decisions' times. */
export function decisionSpan(entries: readonly DecisionEntry[]): { reviewers: string[]; from?: string; to?: string } {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.reviewer) counts.set(e.reviewer, (counts.get(e.reviewer) ?? 0) + 1);
  const reviewers = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name]) => name);
  if (entries.length === 0) return { reviewers };
  const times = entries.map((e) => e.at).sort();
  return { reviewers, from: times[0], to: times[times.length - 1] };
}
