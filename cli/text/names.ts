import { textWidth, truncate } from './width.js';

/**
 * A short name for each report path: the file name without its extension, with as many of its
 * folders in front as it takes to tell it from the batch's other reports of the same name
 * (`2024/003` and `2025/003`). Paths use '/' or '\' between folders.
 */
export function shortNames(paths: readonly string[]): string[] {
  const parts = paths.map((p) => {
    const segments = p.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
    const file = segments.pop() ?? p;
    const dot = file.lastIndexOf('.');
    segments.push(dot > 0 ? file.slice(0, dot) : file);
    return segments;
  });
  const depth = parts.map(() => 1);
  const nameOf = (i: number) => parts[i].slice(-depth[i]).join('/');
  // Lengthen every name of a clash by one folder at a time until no two are equal (or no folder is left).
  for (let round = 0; round < 64; round++) {
    const byName = new Map<string, number[]>();
    parts.forEach((_, i) => {
      const name = nameOf(i);
      const list = byName.get(name);
      if (list) list.push(i);
      else byName.set(name, [i]);
    });
    let grew = false;
    for (const list of byName.values()) {
      if (list.length < 2) continue;
      for (const i of list) {
        if (depth[i] < parts[i].length) {
          depth[i]++;
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  return parts.map((_, i) => nameOf(i));
}

/**
 * Report names in at most `width` columns: as many as fit, each shortened alike, then `+N` for
 * the rest of `total`. Fewer names are shown rather than names cut below `minimum` columns.
 */
export function nameList(names: readonly string[], total: number, width: number, minimum = 8): string {
  const rest = (k: number) => (total > k ? ` +${total - k}` : '');
  const whole = names.join(', ') + rest(names.length);
  if (textWidth(whole) <= width) return whole;
  let k = names.length;
  let each = 0;
  for (; k > 1; k--) {
    each = Math.floor((width - textWidth(rest(k)) - 2 * (k - 1)) / k);
    const longest = Math.max(...names.slice(0, k).map((n) => textWidth(n)));
    if (each >= Math.min(minimum, longest)) break;
  }
  if (k <= 1) each = width - textWidth(rest(1));
  const shown = names.slice(0, k).map((n) => truncate(n, Math.max(1, each)));
  return truncate(shown.join(', ') + rest(k), width);
}
