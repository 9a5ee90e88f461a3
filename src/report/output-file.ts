import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fdatasyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Every output file refrain writes (reports, `scan --json`, decision exports) goes through here:
 * the bytes are written to a new file beside the target and renamed over it once complete and on
 * disk. A full disk, a kill or an error midway leaves the target as it was (an earlier report at
 * that path is kept, never truncated) and the unfinished file is removed (a kill leaves it, named
 * `NAME.PID.XXXXXX.tmp`, beside the target). A target that is not a regular file (a terminal, a
 * pipe, /dev/null, /dev/stdout) cannot be replaced: it is written in place, appended to.
 */

/** Where the bytes go: the file to replace, and the temporary file written first (null: in place). */
interface Plan {
  target: string;
  temp: string | null;
  /** The replaced file's permissions, kept by the new file. */
  mode: number | undefined;
}

function plan(path: string): Plan {
  let info: Stats | undefined;
  try {
    info = statSync(path);
  } catch {
    info = undefined;
  }
  if (info?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  // /dev/stdout and its kin name whatever the shell connected, perhaps a file opened to append to;
  // a terminal, a pipe or a device cannot be replaced. These are written in place, appending:
  // opened to write, /dev/stdout would cut short the file the shell connected.
  if (/^\/(dev|proc)\//.test(resolve(path)) || (info !== undefined && !info.isFile()))
    return { target: path, temp: null, mode: undefined };
  // A symbolic link is followed: renaming onto the link would replace the link, not its file.
  const target = info === undefined ? path : realpathSync(path);
  const temp = join(dirname(target), `${basename(target)}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`);
  return { target, temp, mode: info === undefined ? undefined : info.mode & 0o7777 };
}

/** Writes a file through `write`, which gets the open file; see the module comment. */
export async function writeOutputFile(path: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  const p = plan(path);
  const file = await open(p.temp ?? p.target, p.temp === null ? 'a' : 'wx');
  try {
    await write(file);
    if (p.temp !== null) {
      if (p.mode !== undefined) await file.chmod(p.mode);
      // On disk before the rename: a crash then cannot leave an empty file where the report was.
      await file.datasync();
    }
    await file.close();
  } catch (error) {
    await file.close().catch(() => undefined);
    if (p.temp !== null) rmSync(p.temp, { force: true });
    throw error;
  }
  if (p.temp !== null) renameOrRemove(p.temp, p.target);
}

/** The synchronous twin of writeOutputFile: `write` gets a file descriptor. */
export function writeOutputFileSync(path: string, write: (fd: number) => void): void {
  const p = plan(path);
  const fd = openSync(p.temp ?? p.target, p.temp === null ? 'a' : 'wx');
  try {
    write(fd);
    if (p.temp !== null) {
      if (p.mode !== undefined) fchmodSync(fd, p.mode);
      fdatasyncSync(fd);
    }
  } catch (error) {
    closeSync(fd);
    if (p.temp !== null) rmSync(p.temp, { force: true });
    throw error;
  }
  closeSync(fd);
  if (p.temp !== null) renameOrRemove(p.temp, p.target);
}

/** Writes `text` as UTF-8 (see writeOutputFile). */
export function writeOutputText(path: string, text: string): Promise<void> {
  return writeOutputFile(path, (file) => file.writeFile(text));
}

function renameOrRemove(temp: string, target: string): void {
  try {
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Why `path` cannot be written as an output file, in words; null when it looks writable. Asked
 * before a long scan, so that its result is not lost at the end. (Free space cannot be known
 * ahead; a full disk is met while writing, and leaves any earlier file at the path as it was.)
 */
export function outputProblem(path: string): string | null {
  const folder = dirname(resolve(path));
  try {
    if (statSync(path).isDirectory()) return 'it is a folder';
  } catch {
    // Not there yet.
  }
  try {
    if (!statSync(folder).isDirectory()) return `${folder} is not a folder`;
  } catch {
    return 'its folder does not exist';
  }
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS'
      ? 'its folder is on a read-only file system'
      : 'its folder is read-only for this user';
  }
  return null;
}

/** A write error in words: what went wrong, and that an earlier file at `path` is unchanged. */
export function describeWriteError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    EISDIR: 'it is a folder',
    ENOENT: 'its folder does not exist',
  };
  const reason = reasons[code] ?? (error as Error).message ?? String(error);
  return `cannot write ${path}: ${reason}${code === 'ENOSPC' || code === 'EDQUOT' ? ' (any earlier file there was left as it was)' : ''}`;
}
