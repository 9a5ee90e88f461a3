import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scan run as a user would, in its own process under /usr/bin/time, measured from outside. */

export interface ScanRun {
  ok: boolean;
  wallMs: number;
  peakRssKb: number;
  userS: number;
  systemS: number;
  exitCode: number | null;
  message: string;
}

function parseTimeOutput(text: string): { rss: number; user: number; system: number } {
  const num = (label: string) => {
    const m = new RegExp(`${label}: ([\\d.]+)`).exec(text);
    return m ? Number(m[1]) : NaN;
  };
  return {
    rss: num('Maximum resident set size \\(kbytes\\)'),
    user: num('User time \\(seconds\\)'),
    system: num('System time \\(seconds\\)'),
  };
}

/** Runs the scan as a user would, in its own process, and measures it from outside. */
export function runScan(
  mainJs: string,
  dir: string,
  json: string | null,
  timeoutS: number,
  profileDir: string | null,
  /** More options for the scan, e.g. ['--engine', 'duckdb']. */
  extra: string[] = [],
): Promise<ScanRun> {
  const timeFile = join(tmpdir(), `refrain-bench-time-${process.pid}.txt`);
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  // --no-workspace: the scan alone is measured, and nothing is stored between runs (a workspace
  // would carry earlier batches into this one). The child runs in the temp folder all the same.
  const args = [
    '-v',
    '-o',
    timeFile,
    process.execPath,
    ...nodeArgs,
    mainJs,
    'scan',
    dir,
    '-q',
    '--no-workspace',
    ...(json ? ['--json', json] : []),
    ...extra,
  ];
  return new Promise((resolve) => {
    const start = performance.now();
    // The scan time fixed, so that two engines' results can be compared byte for byte.
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: tmpdir(), env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - start;
      const t = existsSync(timeFile)
        ? parseTimeOutput(readFileSync(timeFile, 'utf8'))
        : { rss: NaN, user: NaN, system: NaN };
      rmSync(timeFile, { force: true });
      const timedOut = wallMs >= timeoutS * 1000;
      resolve({
        ok: code === 0 && !timedOut,
        wallMs,
        peakRssKb: t.rss,
        userS: t.user,
        systemS: t.system,
        exitCode: code,
        message: timedOut
          ? `killed after ${timeoutS} s`
          : code === 0
            ? ''
            : `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
      });
    });
  });
}
