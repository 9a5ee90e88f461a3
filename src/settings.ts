import type { ScanSettings } from './types.js';

/**
 * Defaults measured on the seeds and the synthetic benchmark (see README, Performance):
 * 20 bands of 3 rows put the LSH threshold near Jaccard 0.37 on token 3-grams, so a paragraph
 * copy with many small edits is still a candidate (P ≈ 0.93 at Jaccard 0.5); the alignment that
 * follows decides what is reported.
 */
export const defaultSettings: ScanSettings = {
  threshold: 0.5,
  minTokens: 12,
  minContent: 25,
  numHashes: 60,
  bands: 20,
};

/** A whole paragraph repeated word for word counts from this many tokens (page chrome is short). */
export const MIN_WHOLE_TOKENS = 8;
/** Tokens per shingle. */
export const SHINGLE_K = 3;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Checks every field at once and reports all problems together; never changes its input. */
export function resolveSettings(partial: Partial<ScanSettings> = {}): ScanSettings {
  const s = { ...defaultSettings, ...partial };
  const problems: string[] = [];
  if (!(s.threshold > 0 && s.threshold <= 1)) problems.push(`threshold must be in (0, 1], got ${s.threshold}`);
  if (!(Number.isInteger(s.minTokens) && s.minTokens >= 4))
    problems.push(`minTokens must be a whole number >= 4, got ${s.minTokens}`);
  if (!(s.minContent >= 1 && s.minContent <= 100000))
    problems.push(`minContent must be a number from 1 to 100000, got ${s.minContent}`);
  if (!(Number.isInteger(s.numHashes) && s.numHashes >= 8 && s.numHashes <= 1024))
    problems.push(`numHashes must be a whole number in [8, 1024], got ${s.numHashes}`);
  if (!(Number.isInteger(s.bands) && s.bands >= 1 && s.bands <= s.numHashes && s.numHashes % s.bands === 0))
    problems.push(`bands must divide numHashes (${s.numHashes}), got ${s.bands}`);
  if (problems.length > 0) throw new SettingsError(problems.join('; '));
  return s;
}
