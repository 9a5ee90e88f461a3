import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The compiled CLI: `npm test` builds dist/ first (pretest).
const MAIN = join(import.meta.dirname, '../../dist/cli/main.js');
const CORPUS = join(import.meta.dirname, '../../corpus');

describe('refrain scan --json -', () => {
  it('ends quietly with status 0 when the reader closes the pipe early (… | head)', async () => {
    const child = spawn(process.execPath, [MAIN, 'scan', CORPUS, '--no-workspace', '-q', '--json', '-']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let first = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.once('data', (d: Buffer) => {
        first = d.toString();
        child.stdout.destroy();
      });
      child.on('close', (c) => resolve(c));
    });
    expect(first.startsWith('{')).toBe(true);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
