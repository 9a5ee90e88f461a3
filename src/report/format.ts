/** Small formatting helpers shared by the text reporters. */

/** A ratio as a percentage with one decimal: 0.2345 → "23.5%". */
export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** A ratio with four decimals, for machine-read outputs (CSV): stable across runs. */
export function decimal(ratio: number): string {
  return ratio.toFixed(4);
}

/** Where a member stands: `path:line` (`path:line–line` for a run of paragraphs), with the page for paged formats. */
export function location(m: { path: string; line: number; page?: number; lastLine?: number }): string {
  const lines = m.lastLine === undefined ? `${m.line}` : `${m.line}–${m.lastLine}`;
  return m.page === undefined ? `${m.path}:${lines}` : `${m.path}:${lines} (p. ${m.page})`;
}

/**
 * The first `max` characters (code points, so a character outside the BMP is never cut in half)
 * of a passage, line breaks flattened, with "…" when cut.
 */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max).join('')}…`;
}

/** A count with thousands separators, as the reports print numbers: 10064186 → "10,064,186". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "3 reports", "1 report", "10,000 reports". */
export function counted(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * An ISO 8601 time as the reports print it, in UTC to the minute ("2026-05-01 10:00 UTC"), so
 * a report reads the same wherever it is opened; anything that is not such a time is left as is.
 */
export function when(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
