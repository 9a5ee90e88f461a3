import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../../../src/workspace/index.js';
import type { Decision, ScanResult } from '../../../src/types.js';

const ROOT = join(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
// Our own tmux server, so the test never touches anyone's sessions.
const SOCKET = `refrain-e2e-${process.pid}`;

if (!HAS_TMUX) {
  console.warn('review end-to-end tests skipped: tmux is not installed (apt-get install -y tmux; .ci/run does it)');
}

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

const screen = (session: string) => tmux('capture-pane', '-p', '-t', session);

/** Polls the pane until `ready` holds; fails with the last screen if it never does. */
async function until(session: string, ready: (s: string) => boolean, what: string): Promise<string> {
  let last = '';
  for (let i = 0; i < 300; i++) {
    last = screen(session);
    if (ready(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited for ${what}; the screen was:\n${last}`);
}

/** The line of the list the cursor is on. */
const cursorLine = (s: string) => s.split('\n').find((l) => l.startsWith('›')) ?? '';

/** The 那吾镇 repeat: items 4 and 5 of corpus/004, the same paragraph twice in one report. */
function repeatKey(result: ScanResult): string {
  const doc = result.documents.findIndex((d) => d.path.includes('004_'));
  const c = result.clusters.find(
    (c) =>
      c.scope === 'within' &&
      c.kind === 'exact' &&
      c.members.every(
        (m) => m.doc === doc && result.documents[doc].paragraphs[m.paragraph].text.includes('聚焦基层治理痛点'),
      ),
  );
  if (!c) throw new Error('the scan of corpus/ has no within-report exact finding for the 那吾镇 repeat');
  return c.key;
}

function storedDecisions(path: string): { result: ScanResult; decisions: Decision[] } {
  const ws = openWorkspace(path, { readonly: true });
  try {
    return { result: ws.loadResult()!, decisions: ws.decisions() };
  } finally {
    ws.close();
  }
}

/**
 * Starts `refrain review` in a 120×40 terminal. With nothing to run after it, `exec` makes the
 * pane's process refrain itself; otherwise the shell stays to run `after` once refrain exits.
 */
function startReview(session: string, workspace: string, after = '', options = '', size = { x: 120, y: 40 }): void {
  const run = `node ${JSON.stringify(MAIN)} review ${JSON.stringify(workspace)}${options}`;
  const command = `cd ${JSON.stringify(ROOT)} && ${after ? `${run}${after}` : `exec ${run}`}`;
  tmux('new-session', '-d', '-s', session, '-x', String(size.x), '-y', String(size.y), command);
}

/** Moves the cursor to the 那吾镇 repeat with the scope and kind filters, then opens it. */
async function openRepeat(session: string): Promise<void> {
  await until(session, (s) => s.includes('refrain review ·') && cursorLine(s) !== '', 'the findings list');
  tmux('send-keys', '-t', session, 's', 's', 't');
  await until(session, (s) => s.includes('filter: within, exact'), 'the within/exact filters');
  for (let i = 0; i < 60 && !cursorLine(screen(session)).includes('聚焦基层治理痛点'); i++) {
    const before = cursorLine(screen(session));
    tmux('send-keys', '-t', session, 'j');
    await until(session, (s) => cursorLine(s) !== before, 'the cursor to move');
  }
  expect(cursorLine(screen(session))).toContain('聚焦基层治理痛点');
  tmux('send-keys', '-t', session, 'Enter');
  await until(session, (s) => /Finding \d+ · exact · within/.test(s), 'the finding view');
}

describe('refrain review without a terminal', () => {
  it('says it needs an interactive terminal, points to refrain report, and exits 2', () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run 'npm run build' first`);
    const run = spawnSync(process.execPath, [MAIN, 'review', 'nowhere.db'], {
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("refrain review needs an interactive terminal; use 'refrain report' for a text report\n");
    expect(run.stdout).toBe('');
  });

  it('refuses more than one workspace as a usage error', () => {
    const run = spawnSync(process.execPath, [MAIN, 'review', 'a.db', 'b.db'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('refrain: review takes one workspace, got 2: a.db b.db\n');
  });
});

describe.skipIf(!HAS_TMUX)('refrain review in a real terminal (tmux)', () => {
  let dir: string;
  let workspace: string;
  let key: string;

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run 'npm run build' first`);
    dir = mkdtempSync(join(tmpdir(), 'refrain-review-e2e-'));
    workspace = join(dir, 'refrain.db');
    // Scanned the way a user would: the real binary, paths relative to the project.
    const scan = spawnSync(process.execPath, [MAIN, 'scan', 'corpus', '--workspace', workspace, '-q'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (scan.status !== 0) throw new Error(`refrain scan failed (${scan.status}): ${scan.stderr}`);
    key = repeatKey(storedDecisions(workspace).result);
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('marks the 那吾镇 repeat as copied, quits with q, and the decision is in the workspace, with its reviewer', async () => {
    startReview('mark', workspace, '; echo "exit status $?"; sleep 30', ' --reviewer 审计员甲');
    await openRepeat('mark');
    const view = screen('mark');
    expect(view).toMatch(/L 1\. corpus\/004_8c642f3c1dbf128b\.txt:\d+/);
    expect(view).toMatch(/R 2\. corpus\/004_8c642f3c1dbf128b\.txt:\d+/);
    tmux('send-keys', '-t', 'mark', 'c');
    await until('mark', (s) => s.includes('copied · saved'), 'the decision to be saved');
    expect(screen('mark')).toContain('decided: copied by 审计员甲');
    tmux('send-keys', '-t', 'mark', 'q');
    // The terminal is back: the shell's output shows and the review screen is gone.
    const after = await until('mark', (s) => s.includes('exit status'), 'refrain to exit');
    expect(after).toContain('exit status 0');
    expect(after).not.toContain('refrain review ·');
    const stored = storedDecisions(workspace).decisions.find((d) => d.key === key);
    expect(stored?.label).toBe('copied');
    expect(stored?.reviewer).toBe('审计员甲');
  });

  it('at 80 columns lists the findings under headings, numbered as the scan summary numbers them', async () => {
    const summary = spawnSync(process.execPath, [MAIN, 'scan', 'corpus', '--no-workspace', '--top', '8'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const summarised = [...summary.stdout.matchAll(/^ {2}#(\d+) (within|across) (\w+)/gm)].map((m) => ({
      id: Number(m[1]),
      scope: m[2],
      kind: m[3],
    }));
    expect(summarised.map((f) => f.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const { result } = storedDecisions(workspace);
    startReview('narrow', workspace, '', '', { x: 80, y: 24 });
    const list = await until('narrow', (s) => cursorLine(s).startsWith('› #0 '), 'the findings list');
    const lines = list.split('\n');
    expect(lines[0]).toMatch(/^refrain review · \d+ findings · \d+ decided · /);
    expect(lines[1]).toMatch(/^ {2}# +key +kind +scope +reports +sim decided +passage/);
    for (const f of summarised) {
      const row = lines.find((l) => l.slice(2).startsWith(`#${f.id} `));
      expect(row, `row #${f.id}`).toBeDefined();
      const [, key, kind, scope] = row!.slice(2).split(/ +/);
      expect({ key, kind, scope }).toEqual({
        key: result.clusters[f.id].key.slice(0, 6),
        kind: f.kind,
        scope: f.scope,
      });
      // Where it stands: the corpus names (the number before the hash) of its reports.
      const doc = result.documents[result.clusters[f.id].members[0].doc].path.match(/(\d{3})_/)![1];
      expect(row).toContain(`${doc}_`);
    }
    tmux('send-keys', '-t', 'narrow', 'q');
  });

  it('names a missing workspace and exits 2, leaving the terminal as it was', async () => {
    startReview('missing', join(dir, 'absent.db'), '; echo "exit status $?"; sleep 30');
    const after = await until('missing', (s) => s.includes('exit status'), 'refrain to exit');
    expect(after).toContain(`refrain: no workspace at ${join(dir, 'absent.db')}`);
    expect(after).toContain('exit status 2');
  });

  it('keeps a decision made just before the process is killed with SIGKILL', async () => {
    startReview('kill', workspace);
    await openRepeat('kill');
    tmux('send-keys', '-t', 'kill', 'f');
    await until('kill', (s) => s.includes('false-match · saved'), 'the decision to be saved');
    const pid = Number(tmux('display-message', '-p', '-t', 'kill', '#{pane_pid}').trim());
    // The pane's process is refrain itself (started with exec), not a shell around it.
    expect(spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout).toContain('review');
    process.kill(pid, 'SIGKILL');
    const stored = storedDecisions(workspace).decisions.find((d) => d.key === key);
    expect(stored?.label).toBe('false-match');
    // No --reviewer: the decision is the login name's.
    expect(stored?.reviewer).toBe(userInfo().username);
  });
});

describe.skipIf(!HAS_TMUX)('refrain review of a scan with a reference, in a real terminal (tmux)', () => {
  let dir: string;
  let workspace: string;

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run 'npm run build' first`);
    dir = mkdtempSync(join(tmpdir(), 'refrain-review-reference-'));
    workspace = join(dir, 'refrain.db');
    const args = [MAIN, 'scan', 'corpus', '--reference', 'reference', '--workspace', workspace, '-q'];
    const scan = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (scan.status !== 0) throw new Error(`refrain scan failed (${scan.status}): ${scan.stderr}`);
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("at 80×24 flags 004's spliced title first, shows it beside 关于, and its template names the reference", async () => {
    const { result } = storedDecisions(workspace);
    const spliced = result.clusters[0];
    expect([spliced.kind, spliced.template !== undefined]).toEqual(['spliced', true]);
    startReview('splice', workspace, '', '', { x: 80, y: 24 });
    const list = await until('splice', (s) => cursorLine(s).startsWith('›!#0 '), 'the spliced finding, first');
    expect(list.split('\n')[0]).toMatch(/^refrain review · \d+ findings, 1 spliced · /);
    expect(cursorLine(list)).toMatch(/^›!#0 +\w+ spliced across ref:/);
    tmux('send-keys', '-t', 'splice', 'Enter');
    const view = (await until('splice', (s) => s.includes('SPLICED'), 'the spliced finding opened')).split('\n');
    const at = view.findIndex((l) => l.startsWith('SPLICED'));
    expect(view[at]).toMatch(/^SPLICED 三升体育平台 where the others say 关于 · in 004_8c642f3c1dbf128b line \d+$/);
    // The member's text around it on one line, as wide as the terminal and no wider: the members follow.
    expect(view[at + 1]).toContain('《中共中央三升体育平台全面推进依法治国');
    expect(view[at + 2]).toMatch(
      /^ {2}L 1\. reference: reference\/中共中央关于全面推进依法治国若干重大问题的决定\.txt:\d+$/,
    );
    expect(view.some((l) => l.startsWith('+ ') && l.includes('中共中央{+三升体育平台+}全面推进'))).toBe(true);
    // The splice's template: the title every member keeps, the slot the mirror filled, the reference's row.
    tmux('send-keys', '-t', 'splice', 'v');
    const template = (await until('splice', (s) => s.includes('Template:'), 'the template view')).split('\n');
    expect(template[1]).toMatch(/^Finding 0 · spliced · across · /);
    const heading = template.findIndex((l) => l.startsWith('  report'));
    expect(template[heading]).toMatch(/^ {2}report +\[1\] \w+/);
    const rows = template.slice(heading + 1).filter((l) => /^ {2}(ref:|\d{3}_)/.test(l));
    expect(rows.length).toBe(spliced.members.length);
    expect(rows.some((r) => r.startsWith('  ref:中共中央') && r.includes('关于'))).toBe(true);
    expect(rows.some((r) => r.startsWith('  004_') && r.includes('三升体育平台'))).toBe(true);
    expect(template.filter((l) => l.trim() !== '').at(-1)).toContain('v diff');
    tmux('send-keys', '-t', 'splice', 'q');
  });
});
