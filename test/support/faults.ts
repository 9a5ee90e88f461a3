import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Faults a user meets and a test must make for real: a user without write permission, and a full
 * disk. Each answers how to make it here, or why it cannot be made (the test is skipped, saying so).
 */

// The commands run from the build (dist/), as a user runs them; `npm test` builds first.
export const MAIN = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

const isRoot = process.getuid?.() === 0;

/**
 * How to run a command as a user whom permissions bind: this user when it is not root (root may
 * write anything), else `nobody` through setpriv. `reason` says why neither is possible.
 */
export const unprivileged: { prefix: string[]; reason: string | null } = (() => {
  if (process.getuid === undefined) return { prefix: [], reason: 'file permissions of this platform are not POSIX' };
  if (!isRoot) return { prefix: [], reason: null };
  const prefix = ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'];
  const probe = spawnSync(prefix[0], [...prefix.slice(1), process.execPath, MAIN, '--version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    return {
      prefix,
      reason: `running as root, and 'setpriv --reuid=nobody' cannot run refrain here (${probe.error?.message ?? probe.stderr.trim()})`,
    };
  }
  return { prefix, reason: null };
})();

/** Runs refrain as the unprivileged user, in `cwd`, with extra environment. */
export function refrainAs(
  unprivilegedUser: boolean,
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Run {
  const [command, ...pre] =
    unprivilegedUser && unprivileged.prefix.length > 0
      ? [...unprivileged.prefix, process.execPath]
      : [process.execPath];
  const r: SpawnSyncReturns<string> = spawnSync(command, [...pre, MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A temporary folder the unprivileged user can enter and read (mkdtemp makes it private). */
export function sharedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** Why a small file system cannot be mounted here to fill up, or null when it can (root, Linux). */
export const fullDiskReason: string | null = (() => {
  if (process.platform !== 'linux') return 'a full disk is made with a small tmpfs, which needs Linux';
  if (!isRoot) return 'a full disk is made by mounting a small tmpfs, which needs root';
  const dir = mkdtempSync(join(tmpdir(), 'refrain-mount-probe-'));
  try {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
    if (mounted.status !== 0) return `mounting a tmpfs failed (${mounted.stderr.trim() || mounted.error?.message})`;
    spawnSync('umount', [dir]);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

/** Mounts a tmpfs of `kib` KiB in a new folder under `parent`; returns it. Unmount with unmountSmallDisk. */
export function mountSmallDisk(parent: string, kib: number): string {
  const dir = mkdtempSync(join(parent, 'small-disk-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0777`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mount failed: ${r.stderr}`);
  return dir;
}

export function unmountSmallDisk(dir: string): void {
  spawnSync('umount', [dir]);
}

/** Fills the file system holding `dir` until a write fails, leaving about `leaveKib` KiB free. */
export function fillDisk(dir: string, leaveKib = 0): void {
  // dd stops with an error when the disk is full: that is the point.
  spawnSync('dd', ['if=/dev/zero', 'of=fill', 'bs=1k'], { cwd: dir });
  if (leaveKib > 0) spawnSync('truncate', ['-s', `-${leaveKib}k`, 'fill'], { cwd: dir });
}

/** Says on the test run's output why a group of tests is skipped (vitest lists only a count). */
export function announceSkip(what: string, reason: string | null): void {
  if (reason !== null) console.warn(`skipped: ${what}: ${reason}`);
}
