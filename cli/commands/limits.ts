import {
  DEFAULT_LIMITS,
  LIMIT_NAMES,
  withLimit,
  type IngestLimits,
  type LimitName,
} from '../../src/read/ingest/index.js';
import { UsageError } from '../errors.js';

const NAMES = Object.keys(LIMIT_NAMES) as LimitName[];

/** The limits per file, one line each with its default, for the scan's --help. */
export function limitsHelp(): string {
  const width = Math.max(...NAMES.map((n) => n.length)) + 2;
  return NAMES.map((name) => {
    const { key, scale, what } = LIMIT_NAMES[name];
    return `                         ${name.padEnd(width)}${what} (default ${(DEFAULT_LIMITS[key] / scale).toLocaleString('en-US')})`;
  }).join('\n');
}

/** `--limit NAME=VALUE`, given any number of times, over the defaults. */
export function parseLimits(specs: readonly string[] | undefined): IngestLimits {
  let limits = DEFAULT_LIMITS;
  for (const spec of specs ?? []) {
    const match = /^([a-z-]+)=(.*)$/.exec(spec.trim());
    if (!match || !(match[1] in LIMIT_NAMES)) {
      throw new UsageError(`--limit takes NAME=VALUE with NAME one of ${NAMES.join(', ')}; got '${spec}'`);
    }
    const name = match[1] as LimitName;
    const value = Number(match[2]);
    if (match[2].trim() === '' || !Number.isFinite(value) || value <= 0) {
      throw new UsageError(`--limit ${name} takes a number above 0, got '${match[2]}'`);
    }
    limits = withLimit(limits, name, value);
  }
  return limits;
}
