import { describe, expect, it } from 'vitest';
import { userInfo } from 'node:os';
import { reviewerName } from '../../cli/reviewer.js';
import { UsageError } from '../../cli/errors.js';

describe('reviewerName', () => {
  it('takes --reviewer trimmed, whatever its script', () => {
    expect(reviewerName('  Li Ming ')).toBe('Li Ming');
    expect(reviewerName('审计员甲')).toBe('审计员甲');
  });

  it('refuses an empty name, one too long, and control characters of every kind', () => {
    expect(() => reviewerName(' ')).toThrow(new UsageError('--reviewer needs a name, e.g. --reviewer "Li Ming"'));
    expect(() => reviewerName('名'.repeat(101))).toThrow(/a name of at most 100 characters/);
    expect(reviewerName('名'.repeat(100))).toBe('名'.repeat(100));
    for (const name of ['li\nming', 'li\tming', 'li\x1b]0;x\x07', 'li\x7f', 'li\x9bming']) {
      expect(() => reviewerName(name)).toThrow(
        new UsageError('--reviewer: a name cannot hold control characters or line breaks'),
      );
    }
  });

  it("is the account's login name without --reviewer, else the environment's", () => {
    let account = '';
    try {
      account = userInfo().username.trim();
    } catch {
      // No account entry for this user id (some containers): the environment's name is taken.
    }
    expect(reviewerName(undefined, { LOGNAME: 'zhao' })).toBe(account === '' ? 'zhao' : account);
  });
});
