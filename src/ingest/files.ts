import { readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** A path the user named that does not exist or cannot be listed. */
export class InputPathError extends Error {
  override name = 'InputPathError';
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/**
 * Expands files and folders (recursively) into a sorted, de-duplicated list of files. Hidden
 * files and folders are passed over inside folders; a file named directly is always taken.
 */
export async function listInputFiles(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputPathError(`no such file or folder: ${path}`);
    }
    if (info.isDirectory()) await walk(path, found);
    else found.add(toSlash(path));
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function walk(dir: string, found: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputPathError(`cannot list folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (entry.isFile()) found.add(toSlash(path));
  }
}

function toSlash(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
