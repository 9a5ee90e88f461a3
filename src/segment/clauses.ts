import type { Normalized } from '../types.js';

// Character classes by UTF-16 code unit, looked up in a table: this runs on every character.
const BREAK = 1;
const OPEN = 2;
const CLOSE = 3;
const QUOTE = 4;
const CLASS = new Uint8Array(65536);
for (const ch of '。！？；!?;，,：:\n') CLASS[ch.charCodeAt(0)] = BREAK;
for (const ch of '“‘「『《〈（([【〔') CLASS[ch.charCodeAt(0)] = OPEN;
for (const ch of '”’」』》〉）)]】〕') CLASS[ch.charCodeAt(0)] = CLOSE;
CLASS['"'.charCodeAt(0)] = QUOTE;

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
    const cls = CLASS[text.charCodeAt(i)];
    if (cls === 0) continue;
    // A straight double quote opens when outside quotes and closes when inside.
    if (cls === OPEN || (cls === QUOTE && depth === 0)) depth++;
    else if (cls === CLOSE || cls === QUOTE) depth = Math.max(0, depth - 1);
    else if (depth === 0 && cls === BREAK) {
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
