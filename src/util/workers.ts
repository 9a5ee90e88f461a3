import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Below this many items, starting workers (each loads the pipeline) costs more than it saves. */
export const MIN_ITEMS_FOR_WORKERS = 32;

/**
 * The compiled script of the worker `name` that lives beside `moduleUrl`. Run from TypeScript
 * sources (as the tests run), there is no `.js` beside the module, so the build's copy under
 * `dist/` is used instead: the tests start the same threads a user's scan does (`npm test`
 * builds first). Undefined when neither exists; callers then stay on this thread.
 */
export function workerScript(name: string, moduleUrl: string): URL | undefined {
  const beside = fileURLToPath(new URL(`./${name}.js`, moduleUrl));
  if (existsSync(beside)) return pathToFileURL(beside);
  for (let dir = dirname(beside); dirname(dir) !== dir; dir = dirname(dir)) {
    const top = basename(dir);
    if (top !== 'src' && top !== 'cli') continue;
    const built = join(dirname(dir), 'dist', top, relative(dir, beside));
    if (existsSync(built)) return pathToFileURL(built);
  }
  return undefined;
}

/**
 * How many threads to start for `items` independent items: none below `minItems`, otherwise
 * `wanted` (default one per core) but never more than one per `minItems` items.
 */
export function threadCount(items: number, wanted = availableParallelism(), minItems = MIN_ITEMS_FOR_WORKERS): number {
  if (items < minItems) return 0;
  return Math.max(0, Math.min(wanted, Math.ceil(items / minItems)));
}
