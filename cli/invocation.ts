import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative } from 'node:path';

/** Where refrain runs: the folder the user is in, this program's script, the PATH. */
export interface Whereabouts {
  cwd: string;
  script: string;
  path: string | undefined;
}

const here = (): Whereabouts => ({ cwd: process.cwd(), script: process.argv[1], path: process.env.PATH });

/**
 * The command that runs this refrain from where the user is, for hints such as "Next: …":
 * `refrain` when that name on the PATH is this program (installed globally, or `npm link`ed);
 * `npx refrain` inside its clone, or a project that has it installed; else `node` and the path
 * of this script. (`npx refrain` elsewhere would fetch whatever the registry holds by that name.)
 */
export function invocation(where: Whereabouts = here()): string {
  const self = real(where.script);
  if (self === null) return 'refrain';
  if (firstOnPath(where.path) === self) return 'refrain';
  if (npxFinds(where.cwd) === self) return 'npx refrain';
  const rel = relative(where.cwd, where.script);
  const shown =
    isAbsolute(where.script) && rel.length < where.script.length && !rel.startsWith('../..') ? rel : where.script;
  return `node ${shellWord(shown)}`;
}

/** A word as a POSIX shell reads it: quoted when it holds anything but safe characters. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function real(path: string | undefined): string | null {
  if (!path) return null;
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** What `refrain` runs from the PATH: the first file of that name, resolved. */
function firstOnPath(path: string | undefined): string | null {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'refrain');
    if (existsSync(candidate) && statSync(candidate).isFile()) return real(candidate);
  }
  return null;
}

/**
 * What `npx refrain` runs in `cwd` without fetching anything, resolved: npm looks in the nearest
 * folder above that holds a package.json or node_modules, at the project's own bin when the
 * project is refrain (the clone), else at node_modules/.bin.
 */
function npxFinds(cwd: string): string | null {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) || existsSync(join(dir, 'node_modules'))) {
      const own = ownBin(manifest, dir);
      return own ?? real(join(dir, 'node_modules', '.bin', 'refrain'));
    }
    if (dirname(dir) === dir) return null;
  }
}

function ownBin(manifest: string, dir: string): string | null {
  try {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; bin?: string | Record<string, string> };
    if (pkg.name !== 'refrain') return null;
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.refrain;
    return bin === undefined ? null : real(join(dir, bin));
  } catch {
    return null;
  }
}
