import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { refrain, ROOT } from '../support/cli-run.js';

describe('refrain (no command)', () => {
  it('--version prints the version the package has', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = refrain(ROOT, [flag]);
      expect([r.status, r.stdout, r.stderr]).toEqual([0, `refrain ${version}\n`, '']);
    }
  });

  it('an unknown command is a usage error listing the commands', () => {
    const r = refrain(ROOT, ['scna']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^refrain: unknown command 'scna'\n\nUsage: refrain <command> \[options\]\n/);
  });
});
