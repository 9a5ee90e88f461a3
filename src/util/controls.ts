/**
 * Control characters made visible, for every output a person reads (terminal, Markdown, CSV).
 * Report text and file names are untrusted: `\x1b]0;…\x07` would retitle the terminal, `\x1b[2J`
 * clear it, `\x9b` start a sequence on terminals that read C1 controls. Each control character
 * becomes one visible symbol of one column: a C0 control (U+0000–U+001F) its Control Pictures
 * symbol (ESC ␛, BEL ␇, NUL ␀, TAB ␉, LF ␊), DEL ␡, a C1 control (U+0080–U+009F) ␦.
 *
 * One UTF-16 unit becomes one, so offsets into the text (highlighted passages) stay valid, and
 * the symbols are one column wide (also next to CJK text), so widths measured after the
 * replacement are the widths shown.
 */

const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;
const ALL_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** The visible symbol for one control character. */
function symbol(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\u2426';
}

/**
 * Every control character as a visible symbol, except those in `keep`: '\n' for messages of
 * several lines, '\t\n\r' for CSV, where they are data inside a quoted field.
 */
export function showControls(text: string, keep = ''): string {
  if (!CONTROLS.test(text)) return text;
  return text.replace(ALL_CONTROLS, (c) => (keep.includes(c) ? c : symbol(c)));
}

/** True when the text holds a control character (line breaks and tabs included). */
export function hasControls(text: string): boolean {
  return CONTROLS.test(text);
}
