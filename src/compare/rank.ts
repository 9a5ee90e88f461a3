import type { ResultCluster } from '../types.js';

/**
 * The one review order, used by the summary, the review UI and every report: findings with
 * text spliced in first (the one thing an auditor must never miss), then the queue
 * (findings not kept apart as boilerplate), most rare shared text first, fewer reports first
 * among equals (copying between a few reports is what an auditor looks for); then the findings
 * kept apart, in the same order. Ties fall to the place of the representative, so the order
 * is the same however the files are named. Numbers the findings in that order.
 */
export function rankFindings(findings: ResultCluster[]): ResultCluster[] {
  const sorted = [...findings].sort(
    (x, y) =>
      Number(!x.splices) - Number(!y.splices) ||
      Number(x.boilerplate) - Number(y.boilerplate) ||
      y.content - x.content ||
      x.docCount - y.docCount ||
      y.chars - x.chars ||
      x.members[0].doc - y.members[0].doc ||
      x.members[0].paragraph - y.members[0].paragraph ||
      (x.members[0].start ?? 0) - (y.members[0].start ?? 0),
  );
  sorted.forEach((c, i) => (c.id = i));
  return sorted;
}
