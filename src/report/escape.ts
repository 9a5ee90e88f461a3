/** Escaping for each output format: report text is untrusted and must never become markup. */

import { showControls } from '../util/controls.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Safe in element content and in quoted attribute values; control characters shown as symbols,
 * as in every report for people (and so none reaches a terminal that shows the file).
 */
export function escapeHtml(text: string): string {
  return showControls(text, '\t\n').replace(/[&<>"']/g, (c) => HTML[c]);
}

/**
 * JSON that can sit inside a <script> element: `<` is written \u003c so no `</script>` or
 * `<!--` in report text can end or change the element; `>` and `&` likewise, U+2028/2029
 * for old parsers that treat them as line ends, and C1 controls, which JSON.stringify leaves raw
 * (a terminal showing the file could act on them). JSON.parse reads the escapes back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u0080-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (`=HYPERLINK(…)`,
 * `+cmd|…`, `@SUM(…)`), quoted or not; tab and carriage return are read as a start too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula gets a leading apostrophe (what
 * spreadsheets themselves write to mark a cell as text); control characters other than tab and
 * line breaks are made visible; then RFC 4180: a field with a comma, quote or line break is
 * quoted, quotes doubled. Numbers stay numbers.
 */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = showControls(FORMULA_START.test(value) ? `'${value}` : value, '\t\n\r');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Markdown inline text: characters that would start markup (emphasis, links, code, HTML, table
 * cells) are backslash-escaped and line breaks flattened, so a passage stays one line of text;
 * other control characters are made visible.
 */
export function escapeMarkdown(text: string): string {
  return (
    showControls(text.replace(/\s*\r?\n\s*/g, ' '))
      .replace(/[\\`*[\]<>|#~]/g, (c) => `\\${c}`)
      // An underscore inside a word (file_name) cannot start emphasis: left as is, so paths read plainly.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
  );
}
