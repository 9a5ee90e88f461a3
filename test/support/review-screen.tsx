import { render } from 'ink-testing-library';
import { App } from '../../cli/review/app.js';
import type { DecisionStore } from '../../cli/review/state.js';
import type { Decision, ScanResult } from '../../src/types.js';
import { fixtureResult } from './review-fixture.js';

/** The clock the review is given in these tests. */
export const SCREEN_AT = '2026-01-01T00:00:00.000Z';

/** The workspace's decision methods, recording each call. */
export function fakeStore() {
  const calls: unknown[][] = [];
  const store: DecisionStore = {
    decide: (...args) => calls.push(['decide', ...args]),
    clearDecision: (...args) => calls.push(['clear', ...args]),
  };
  return { store, calls };
}

/** The review on a test terminal: what it shows, and keys to press. */
export interface ReviewScreen {
  /** The store's calls, in order. */
  calls: unknown[][];
  frame(): string;
  until(ready: (frame: string) => boolean): Promise<string>;
  press(keys: string, ready: (frame: string) => boolean): Promise<string>;
}

/** Renders the review app as a terminal of `width` × `height` would show it. */
export function showReview(
  width: number,
  height: number,
  options: { color?: boolean; decisions?: Decision[]; result?: ScanResult; source?: string } = {},
): ReviewScreen {
  const { store, calls } = fakeStore();
  const element = (
    <App
      input={{ result: options.result ?? fixtureResult(), decisions: options.decisions ?? [] }}
      store={store}
      width={width}
      height={height}
      color={options.color ?? false}
      source={options.source ?? 'fixture.db'}
      now={() => SCREEN_AT}
    />
  );
  const r = render(element);
  // ink-testing-library's stdout is 100 columns; the app is drawn for `width`, so make Ink agree.
  Object.defineProperty(r.stdout, 'columns', { get: () => width, configurable: true });
  r.rerender(element);
  const frame = () => r.lastFrame() ?? '';
  /** Waits until the screen shows what `ready` looks for; fails with the last screen if it never does. */
  const until = async (ready: (frame: string) => boolean): Promise<string> => {
    for (let i = 0; i < 400; i++) {
      if (ready(frame())) return frame();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`screen never got ready; last screen:\n${frame()}`);
  };
  const press = async (keys: string, ready: (frame: string) => boolean) => {
    r.stdin.write(keys);
    return until(ready);
  };
  return { calls, frame, until, press };
}
