import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanResult } from '../../src/types.js';

/**
 * Issue 13, items 1 and 2: text from a report or a file name never acts. Escape sequences reach
 * no terminal (scan summary, skipped-file list, review UI) and no text report (Markdown, CSV,
 * HTML) raw; JSON keeps them exact. Cells a spreadsheet would run as formulas are neutralised.
 */

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `refrain-hostile-${process.pid}`;

/** Sets the terminal's title, clears the screen. */
const ATTACK = '\x1b]0;pwned\x07\x1b[2J';
const SHOWN = '␛]0;pwned␇␛[2J';
const corpus = (name: string) => readFileSync(join(ROOT, 'corpus', name), 'utf8');
/** A paragraph both reports hold, with the attack inside it, so it is a finding's text. */
const SHARED = `一、总体情况${ATTACK}。${corpus('004_8c642f3c1dbf128b.txt').split('\n')[24]}`;
/** A report name in red that rings the bell. */
const EVIL_NAME = 'b-\x1b[31m红色\x07.txt';
/** Raw control characters other than line ends: what must not be in any output for people. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let dir: string;
let ws: string;
let scan: ReturnType<typeof spawnSync>;

function run(...args: string[]) {
  return spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8' });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refrain-hostile-'));
  ws = join(dir, 'audit.db');
  const reports = join(dir, 'reports');
  execFileSync('mkdir', [reports]);
  writeFileSync(join(reports, 'a.txt'), `${corpus('000_8507adb33dc1f7a6.txt')}\n${SHARED}\n`);
  writeFileSync(join(reports, EVIL_NAME), `${corpus('001_efdfc4879b8da8ba.txt')}\n${SHARED}\n`);
  // A third report that cannot be read, named with the attack: its line on the skipped list.
  writeFileSync(join(reports, `c-${ATTACK}.txt`), '');
  scan = run('scan', 'reports', '--workspace', ws, '--top', '50');
  if (scan.status !== 0) throw new Error(`scan failed: ${String(scan.stderr)}`);
  const result = JSON.parse(run('report', ws, '--format', 'json').stdout) as ScanResult;
  const shared = result.clusters.find(
    (c) =>
      c.docCount === 2 &&
      c.members.every((m) => result.documents[m.doc].paragraphs[m.paragraph].text.includes('pwned')),
  );
  if (!shared) throw new Error('the shared paragraph is not a finding');
  const decided = run('decide', '--workspace', ws, shared.key, 'copied', '--note', `=HYPERLINK("http://x") ${ATTACK}`);
  if (decided.status !== 0) throw new Error(`decide failed: ${decided.stderr}`);
});

afterAll(() => {
  if (HAS_TMUX) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

describe('item 1: control characters reach no terminal and no report for people raw', () => {
  it('the scan summary and the skipped-file list show them as symbols', () => {
    const stdout = String(scan.stdout);
    const stderr = String(scan.stderr);
    expect(stdout).not.toMatch(RAW);
    expect(stderr).not.toMatch(RAW);
    expect(stdout).toContain(SHOWN);
    expect(stdout).toContain('reports/b-␛[31m红色␇.txt');
    expect(stderr).toContain(`error: reports/c-${SHOWN}.txt: empty file, skipped`);
  });

  it('Markdown, CSV and HTML show them as symbols; JSON keeps the text exact', () => {
    for (const format of ['md', 'csv', 'html']) {
      // CSV rows end in CRLF, as RFC 4180 says: those are the only carriage returns allowed.
      const out = run('report', ws, '--format', format).stdout.replace(/\r\n/g, '\n');
      expect(out, format).not.toMatch(RAW);
      expect(out, format).toContain('pwned');
    }
    expect(run('report', ws, '--format', 'md').stdout).toContain('b-␛\\[31m红色␇.txt');
    expect(run('report', ws, '--format', 'csv').stdout).toContain(`一、总体情况${SHOWN}。`);
    const json = JSON.parse(run('report', ws, '--format', 'json').stdout) as ScanResult;
    expect(json.documents.map((d) => d.path)).toContain(`reports/${EVIL_NAME}`);
    expect(json.documents[0].paragraphs.some((p) => p.text.includes(ATTACK))).toBe(true);
  });

  it('an error message naming a file shows it with symbols', () => {
    const missing = run('scan', `no-${ATTACK}`, '--no-workspace');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`refrain: no such file or folder: no-${SHOWN}\n`);
  });
});

describe('item 2: spreadsheet formulas in the CSV', () => {
  it("a reviewer's note starting with = is written with a leading apostrophe", () => {
    const csv = run('report', ws, '--format', 'csv').stdout;
    expect(csv).toContain(`"'=HYPERLINK(""http://x"") ${SHOWN}"`);
    expect(csv).not.toMatch(/,"?=HYPERLINK/);
  });
});

describe.skipIf(!HAS_TMUX)('item 1 in a real terminal (tmux): the title stays, the screen is not cleared', () => {
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
  const title = (session: string) => tmux('display-message', '-p', '-t', session, '#{pane_title}').trim();
  const screen = (session: string) => tmux('capture-pane', '-p', '-t', session);
  async function until(session: string, ready: (s: string) => boolean, what: string): Promise<string> {
    let last = '';
    for (let i = 0; i < 300; i++) {
      last = screen(session);
      if (ready(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`waited for ${what}; the screen was:\n${last}`);
  }

  it('refrain scan prints the attack as symbols', async () => {
    tmux(
      'new-session',
      '-d',
      '-s',
      'scan',
      '-x',
      '160',
      '-y',
      '60',
      `cd ${JSON.stringify(dir)} && node ${JSON.stringify(MAIN)} scan reports --no-workspace --top 50; echo "exit status $?"; sleep 30`,
    );
    const shown = await until('scan', (s) => s.includes('exit status'), 'the scan to end');
    expect(shown).toContain('exit status 0');
    expect(shown).toContain('Scanned 2 reports');
    expect(shown).toContain(SHOWN);
    expect(title('scan')).not.toContain('pwned');
  });

  it('refrain review shows the attack in the list, the finding and the report as symbols', async () => {
    tmux(
      'new-session',
      '-d',
      '-s',
      'review',
      '-x',
      '120',
      '-y',
      '40',
      `cd ${JSON.stringify(dir)} && exec node ${JSON.stringify(MAIN)} review audit.db`,
    );
    await until('review', (s) => s.includes('refrain review ·'), 'the findings list');
    tmux('send-keys', '-t', 'review', '/', 'p', 'w', 'n', 'e', 'd', 'Enter');
    const list = await until('review', (s) => s.includes('filter: "pwned"') && s.includes('␛]0;pwned␇'), 'the search');
    expect(list.split('\n').find((l) => l.startsWith('›'))).toContain('␛]0;pwned␇');
    tmux('send-keys', '-t', 'review', 'Enter');
    const finding = await until('review', (s) => /Finding \d+/.test(s), 'the finding view');
    expect(finding).toContain('b-␛[31m红色␇.txt');
    expect(finding).toContain('(=HYPERLINK("http://x") ␛]0;pwned␇');
    tmux('send-keys', '-t', 'review', 'r');
    const report = await until('review', (s) => s.includes('templated') && s.includes('passage'), 'the report view');
    expect(report).toContain('pwned');
    expect(title('review')).not.toContain('pwned');
    tmux('send-keys', '-t', 'review', 'q');
  });
});
