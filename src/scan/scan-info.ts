import type { ScanInfo, ScanInput, ScanResult } from '../types.js';
import { listInputFiles } from '../read/ingest/index.js';

/**
 * The time a scan records: now, or SOURCE_DATE_EPOCH (seconds since 1970) when it is set, the
 * convention for reproducible output, so that two runs can still give byte-identical JSON.
 */
export function scanTime(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000).toISOString();
  return new Date().toISOString();
}

/**
 * Each path given with the number of files found in it. `files` is what the scan listed for all
 * of them; with several paths each is listed again on its own (only folder names are read).
 */
export async function describeInputs(paths: string[], files: string[]): Promise<ScanInput[]> {
  if (paths.length === 1) return [{ path: paths[0], files: files.length }];
  const out: ScanInput[] = [];
  for (const path of paths) out.push({ path, files: (await listInputFiles([path])).length });
  return out;
}

/** The result with its scan record, placed after the settings as the JSON shows it. */
export function withScanInfo(result: ScanResult, scan: ScanInfo): ScanResult {
  const { schema, tool, version, settings, scan: _old, ...lists } = result;
  return { schema, tool, version, settings, scan, ...lists };
}
