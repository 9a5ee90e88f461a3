import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from './errors.js';

/**
 * The settings a team shares, in `refrain.json` (found in the working folder, or named with
 * `--config FILE`). Paths in it are relative to the file. The command line overrides it.
 */
export interface TeamConfig {
  threshold?: number;
  minTokens?: number;
  minContent?: number;
  /** Reference documents: files or folders of the upstream texts reports quote. */
  reference?: string[];
  /** Files and folders never read as reports. */
  ignore?: string[];
}

export const CONFIG_FILE = 'refrain.json';

const NUMBERS = ['threshold', 'minTokens', 'minContent'] as const;
const PATHS = ['reference', 'ignore'] as const;

/** The configuration `--config` names, or ./refrain.json when there is one; {} otherwise. */
export function loadConfig(given: string | undefined, cwd = process.cwd()): TeamConfig {
  const path = given ?? resolve(cwd, CONFIG_FILE);
  if (given === undefined && !existsSync(path)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why =
      error instanceof SyntaxError
        ? `not valid JSON (${error.message})`
        : (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no such file'
          : String(error);
    throw new InputError(`cannot read the configuration ${path}: ${why}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new InputError(`the configuration ${path} must be a JSON object`);
  const config: TeamConfig = {};
  const known = [...NUMBERS, ...PATHS] as string[];
  for (const [key, value] of Object.entries(raw)) {
    if (!known.includes(key))
      throw new InputError(`the configuration ${path} has an unknown setting '${key}'; it takes ${known.join(', ')}`);
    if ((NUMBERS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new InputError(`the configuration ${path}: '${key}' must be a number`);
      config[key as (typeof NUMBERS)[number]] = value;
    } else {
      const list: unknown = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || list.some((p) => typeof p !== 'string'))
        throw new InputError(`the configuration ${path}: '${key}' must be a path or a list of paths`);
      config[key as (typeof PATHS)[number]] = (list as string[]).map((p) => resolve(dirname(path), p));
    }
  }
  return config;
}
