/** Longest short name, in characters: what fits under a heatmap column. */
export const SHORT_NAME_CHARS = 14;

/**
 * A short name for each report, for places too small for a path (the heatmap's columns): the
 * file name without its extension; parent folders put in front while two reports would share
 * a name (2024/003.txt and 2025/003.txt); a long name cut to its start, unless that would make
 * it another report's. Distinct paths get distinct names.
 */
export function shortNames(paths: readonly string[], max = SHORT_NAME_CHARS): string[] {
  const parts = paths.map((p) => p.split('/').filter((s) => s !== '' && s !== '.'));
  const depth = paths.map(() => 1);
  const nameOf = (i: number) => {
    const segments = parts[i].slice(-depth[i]);
    const last = segments.length - 1;
    if (last >= 0) segments[last] = segments[last].replace(/(.)\.[^.]+$/, '$1');
    return segments.join('/');
  };
  let names = paths.map((_, i) => nameOf(i));
  for (;;) {
    const clashing = clashes(names).filter((i) => depth[i] < parts[i].length);
    if (clashing.length === 0) break;
    for (const i of clashing) depth[i]++;
    names = paths.map((_, i) => nameOf(i));
  }
  // Still equal (a.txt and a.md): the whole path.
  for (const i of clashes(names)) names[i] = paths[i];
  // Cut to the start; where that makes two alike, to the start and the end (…甲镇); else whole.
  const out = names.map((n) => cutTo(n, max, false));
  for (const i of clashes(out)) out[i] = cutTo(names[i], max, true);
  for (const i of clashes(out)) out[i] = names[i];
  return out;
}

function clashes(names: string[]): number[] {
  const seen = new Map<string, number>();
  for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
  return names.flatMap((n, i) => (seen.get(n)! > 1 ? [i] : []));
}

/** At most `max` characters (code points): the start and "…", or with `ends` the start, "…" and the end. */
function cutTo(name: string, max: number, ends: boolean): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  if (!ends) return `${chars.slice(0, max - 1).join('')}…`;
  const head = Math.ceil((max - 1) / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}
