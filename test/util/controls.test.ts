import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { showControls } from '../../src/util/controls.js';
import { csvField, escapeHtml, escapeMarkdown, jsonForScript } from '../../src/report/escape.js';
import { forTerminal, pad, truncate } from '../../cli/text/width.js';
import { progressLine } from '../../cli/progress.js';
import { formatDiagnostics } from '../../cli/text/diagnostics.js';

const ATTACK = '\x1b]0;pwned\x07\x1b[2J';
const SHOWN = '␛]0;pwned␇␛[2J';

describe('showControls', () => {
  it('shows every C0 control, DEL and every C1 control as one visible symbol, one UTF-16 unit each', () => {
    const all = Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).join('') + '\x7f\x80\x9b\x9f';
    const shown = showControls(all);
    expect(shown).toBe('␀␁␂␃␄␅␆␇␈␉␊␋␌␍␎␏␐␑␒␓␔␕␖␗␘␙␚␛␜␝␞␟␡␦␦␦');
    expect(shown.length).toBe(all.length);
    expect(stringWidth(shown)).toBe(all.length);
  });

  it('leaves other text alone, CJK and emoji included, and keeps what it is told to', () => {
    expect(showControls('法治政府 report ½ 😀')).toBe('法治政府 report ½ 😀');
    expect(showControls(`一\n二${ATTACK}`, '\n')).toBe(`一\n二${SHOWN}`);
    expect(showControls('a\tb\r\nc', '\t\n\r')).toBe('a\tb\r\nc');
  });

  it('keeps offsets: a passage cut from the shown text is the shown passage', () => {
    const text = `甲乙${ATTACK}丙丁`;
    expect(showControls(text).slice(2, 2 + ATTACK.length)).toBe(SHOWN);
  });
});

describe('terminal helpers make control characters visible before measuring', () => {
  it('truncate and pad measure the symbols: CJK and an escape sequence keep the columns right', () => {
    const name = `报告${ATTACK}.txt`;
    expect(pad(name, 30)).toBe(`报告${SHOWN}.txt${' '.repeat(30 - 4 - 14 - 4)}`);
    expect(stringWidth(pad(name, 30))).toBe(30);
    expect(truncate(name, 10)).toBe('报告␛]0;p…');
    expect(forTerminal(`line one\nline ${ATTACK}`)).toBe(`line one\nline ${SHOWN}`);
    const line = progressLine(
      { phase: 'compare', filesDone: 1, filesTotal: 1, paragraphs: 2, stage: `aligning ${ATTACK}` },
      1000,
      200,
    );
    expect(line).toContain(`aligning ${SHOWN}`);
    expect(line).not.toContain('\x07');
  });

  it('the skipped-file list shows names and messages with symbols', () => {
    const list = formatDiagnostics([{ path: `a${ATTACK}.txt`, level: 'error', message: `cannot read ${ATTACK}` }], {
      errorsOnly: true,
    });
    expect(list).toBe(`refrain: 1 file skipped:\n  error: a${SHOWN}.txt: cannot read ${SHOWN}\n`);
  });
});

describe('report escaping', () => {
  it('Markdown and HTML show control characters as symbols', () => {
    expect(escapeMarkdown(`a${ATTACK}`)).toBe('a␛\\]0;pwned␇␛\\[2J');
    expect(escapeHtml(`<b>${ATTACK}</b>`)).toBe(`&lt;b&gt;${SHOWN}&lt;/b&gt;`);
  });

  it('the HTML page data escapes C1 controls (JSON.stringify leaves them raw) and reads back unchanged', () => {
    const value = { text: 'a\x9b31mb\x85' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[\u0080-\u009f]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('csvField: spreadsheet formulas neutralised (issue 13, item 2)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(1,2)', `"'@SUM(1,2)"`],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
    ['法治=1', '法治=1'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves numbers alone and shows other control characters as symbols', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField(`x${ATTACK}`)).toBe(`x${SHOWN}`);
  });
});
