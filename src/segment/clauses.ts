import type { Normalized } from '../types.js';

const BREAK = new Set([...'。！？；!?;，,：:\n']);
const OPEN = new Set([...'“‘「『《〈（([【〔"']);
const CLOSE = new Set([...'”’」』》〉）)]】〕']);

/**
 * Clause boundaries of a paragraph, as token ranges: split at sentence and clause punctuation,
 * except inside quotes and brackets ("小事不出村，大事不出镇，矛盾不上交" stays whole). Clauses
 * shorter than `minTokens` are joined to their neighbour, so every unit is long enough to mean
 * something. Templated text often lives in one clause of an otherwise different paragraph.
 */
export function clauses(text: string, norm: Normalized, minTokens: number): Array<[number, number]> {
  const n = norm.tokens.length;
  if (n === 0) return [];
  // Token index at which each clause starts.
  const cuts: number[] = [0];
  let depth = 0;
  let t = 0;
  for (let i = 0; i < text.length && t < n; i++) {
    while (t < n && norm.starts[t] < i) t++;
    const ch = text[i];
    if (OPEN.has(ch) && !(ch === '"' && depth > 0)) depth++;
    else if (CLOSE.has(ch) || (ch === '"' && depth > 0)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && BREAK.has(ch)) {
      // The next clause starts at the first token after this mark.
      while (t < n && norm.starts[t] <= i) t++;
      if (t < n && t > cuts[cuts.length - 1]) cuts.push(t);
    }
  }
  const ranges: Array<[number, number]> = [];
  for (let c = 0; c < cuts.length; c++) ranges.push([cuts[c], c + 1 < cuts.length ? cuts[c + 1] : n]);
  // Join short clauses forward; a short last clause joins backward.
  const merged: Array<[number, number]> = [];
  let pending: [number, number] | null = null;
  for (const r of ranges) {
    const cur: [number, number] = pending ? [pending[0], r[1]] : r;
    if (cur[1] - cur[0] < minTokens) pending = cur;
    else {
      merged.push(cur);
      pending = null;
    }
  }
  if (pending) {
    if (merged.length > 0) merged[merged.length - 1][1] = pending[1];
    else merged.push(pending);
  }
  return merged;
}
