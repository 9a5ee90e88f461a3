import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const npm = (...args: string[]) => spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

// npm 11.16 and later review dependencies' install scripts; older npm has no such command.
const reviews = npm('install-scripts', '--help').status === 0;
if (!reviews)
  console.warn('install: this npm has no install-scripts command (npm 11.16 or later); the check is skipped');

describe.skipIf(!reviews)('npm install', () => {
  it("prints no 'install scripts not yet covered by allowScripts' warning: every dependency's install script is approved", () => {
    const r = npm('install-scripts', 'ls', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ allowScripts: [] });
  });
});
