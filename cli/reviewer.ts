import { userInfo } from 'node:os';
import { hasControls } from '../src/util/controls.js';
import { UsageError } from './errors.js';

/** Longest reviewer name taken: a name, not a note. */
const MAX_NAME = 100;

/**
 * Who is deciding: `--reviewer NAME` when given, else the login name (the account's, or the
 * environment's when the account has none, as in some containers); '' when neither is known.
 */
export function reviewerName(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (given !== undefined) {
    const name = given.trim();
    if (name === '') throw new UsageError('--reviewer needs a name, e.g. --reviewer "Li Ming"');
    if (hasControls(name)) throw new UsageError('--reviewer: a name cannot hold control characters or line breaks');
    if (Array.from(name).length > MAX_NAME)
      throw new UsageError(`--reviewer: a name of at most ${MAX_NAME} characters, please`);
    return name;
  }
  return loginName(env);
}

function loginName(env: NodeJS.ProcessEnv): string {
  try {
    const name = userInfo().username.trim();
    if (name !== '') return name;
  } catch {
    // No account entry for this user id: fall back to the environment.
  }
  return (env.LOGNAME ?? env.USER ?? env.USERNAME ?? '').trim();
}
