import stringWidth from 'string-width';

/** A two-column table of labelled figures, padded by display width. */
export function formatTable(title: string, rows: Array<[string, string]>): string {
  const left = Math.max(...rows.map(([l]) => stringWidth(l)));
  const right = Math.max(...rows.map(([, r]) => stringWidth(r)));
  const line = '-'.repeat(left + right + 3);
  const out = [title, line];
  for (const [l, r] of rows) out.push(`${l}${' '.repeat(left - stringWidth(l))}   ${r}`);
  out.push(line);
  return out.join('\n') + '\n';
}
