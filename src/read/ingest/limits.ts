import { ExtractError } from './formats/errors.js';
import type { ExtractContext } from './formats/types.js';

/**
 * How much refrain takes on for one file. Past a limit the file is skipped with a diagnostic
 * naming the limit, and the scan goes on: one hostile or broken file (a PDF of 50,000 pages, a
 * .docx that unpacks to gigabytes) must not stall or sink a batch. The defaults are far above
 * any real report: the largest government reports run to a few hundred pages and a few hundred
 * thousand characters.
 */
export interface IngestLimits {
  /** Largest file read, in bytes. */
  fileBytes: number;
  /** Most pages of a PDF. */
  pages: number;
  /** Largest unpacked size of the parts of a .docx that hold its text (its XML), in bytes. */
  unpackedBytes: number;
  /** Longest time spent extracting one file's text, in seconds (checked between PDF pages and while walking HTML). */
  seconds: number;
  /** Longest text taken from one file, in characters (UTF-16 code units). */
  chars: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: IngestLimits = {
  fileBytes: 512 * MB,
  pages: 10_000,
  unpackedBytes: 64 * MB,
  seconds: 300,
  chars: 10_000_000,
};

/** How each limit is named on the command line (`--limit NAME=VALUE`) and in messages. */
export const LIMIT_NAMES = {
  'file-mb': { key: 'fileBytes', scale: MB, what: 'largest file read, in MB' },
  pages: { key: 'pages', scale: 1, what: 'most pages of a PDF' },
  'unpacked-mb': { key: 'unpackedBytes', scale: MB, what: 'largest unpacked text (XML) of a .docx, in MB' },
  seconds: { key: 'seconds', scale: 1, what: 'longest time reading one file, in seconds' },
  chars: { key: 'chars', scale: 1, what: 'longest text taken from one file, in characters' },
} as const satisfies Record<string, { key: keyof IngestLimits; scale: number; what: string }>;

export type LimitName = keyof typeof LIMIT_NAMES;

/** A file over one of the limits: skipped, with a message naming the limit and how to raise it. */
export class LimitError extends ExtractError {
  override name = 'LimitError';
  constructor(what: string, limit: LimitName, limits: IngestLimits) {
    const { key, scale } = LIMIT_NAMES[limit];
    const value = limits[key] / scale;
    super(
      `${what}, over the limit of ${value.toLocaleString('en-US', { maximumFractionDigits: 6 })} ${unit(limit)} (--limit ${limit}=N raises it), skipped`,
    );
  }
}

function unit(limit: LimitName): string {
  return limit === 'file-mb' || limit === 'unpacked-mb' ? 'MB' : limit === 'chars' ? 'characters' : limit;
}

/** A size for messages: "1,024 MB", "0.3 MB", "5,000 bytes". */
export function megabytes(bytes: number): string {
  if (bytes < MB / 10) return `${bytes.toLocaleString('en-US')} bytes`;
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb).toLocaleString('en-US') : mb.toFixed(1)} MB`;
}

/** Limits with some set by name, e.g. `{ pages: 20000 }` from `--limit pages=20000`. */
export function withLimit(limits: IngestLimits, name: LimitName, value: number): IngestLimits {
  const { key, scale } = LIMIT_NAMES[name];
  return { ...limits, [key]: value * scale };
}

/** A clock for one file's extraction: `check()` throws a LimitError once its time is up. */
export function fileClock(limits: IngestLimits, now: () => number = () => performance.now()): { check(): void } {
  const deadline = now() + limits.seconds * 1000;
  return {
    check() {
      if (now() > deadline) throw new LimitError('took too long to read', 'seconds', limits);
    },
  };
}

/** The context an extractor works in: the one given, or the default limits with a clock started now. */
export function contextOf(context: ExtractContext | undefined): ExtractContext {
  return context ?? { limits: DEFAULT_LIMITS, clock: fileClock(DEFAULT_LIMITS) };
}

/**
 * Text decoded whole (plain text, HTML) is refused before decoding when its bytes cannot be
 * within the characters limit: every encoding read takes at most 4 bytes per character. Beyond
 * about 512 million characters a string cannot be made at all.
 */
export function checkTextBytes(size: number, limits: IngestLimits): void {
  if (size > 4 * limits.chars) throw new LimitError(`text file of ${megabytes(size)}, too long`, 'chars', limits);
}
