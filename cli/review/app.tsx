import { useApp, useInput } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { headerLine, helpLines, statusLine } from './chrome.js';
import { cachedLayout, diffMax, findingLines } from './finding-view.js';
import { keyAction, splitPresses } from './keys.js';
import type { Line } from './lines.js';
import { listLines } from './list-view.js';
import { reportLines } from './report-view.js';
import { Screen } from './screen.js';
import { CHROME_ROWS } from './navigation.js';
import { initialState, reduce } from './state.js';
import type { Action, DecisionStore, ReviewInput, ReviewState, Write } from './types.js';

/** Stored paragraphs read per slice after the first frame (about 5-10 ms each). */
const READ_AHEAD_ROWS = 1000;
const READ_AHEAD_DELAY_MS = 300;

export interface AppProps {
  input: ReviewInput;
  store: DecisionStore;
  /** Terminal size in columns and rows. */
  width: number;
  height: number;
  color: boolean;
  /** What the header names as the source (the workspace path). */
  source: string;
  /** The clock, for decision times (tests pass a fixed one). */
  now?: () => string;
}

export function App({ input, store, width, height, color, source, now = () => new Date().toISOString() }: AppProps) {
  const { exit } = useApp();
  // The state lives in a ref, updated synchronously per key: keys that arrive together in one
  // chunk (a paste, a fast typist, tmux send-keys) each see the state the previous one left.
  const ref = useRef<ReviewState | null>(null);
  if (ref.current === null) ref.current = initialState(input, width, height);
  const [, setTick] = useState(0);

  const send = useCallback(
    (action: Action) => {
      let state = reduce(ref.current!, action);
      // Carry out the writes the reducer asked for before anything is drawn: once the screen
      // says "saved", the decision is in the workspace, even if the process is killed next.
      if (state.writes.length > 0) {
        const count = state.writes.length;
        try {
          for (const w of state.writes) perform(store, w);
          state = reduce(state, { type: 'written', count });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          state = reduce(state, { type: 'writeFailed', count, message, stored: storedDecisions(store) });
        }
      }
      ref.current = state;
      setTick((t) => t + 1);
      if (state.quit) exit();
    },
    [store, exit],
  );

  useEffect(() => {
    const s = ref.current!;
    if (s.width !== width || s.height !== height) send({ type: 'resize', width, height });
  }, [width, height, send]);

  // After the first frame, read the findings' text a slice at a time between key presses, so a
  // search finds it in memory. A slice is a few milliseconds: a key waits for one at most.
  useEffect(() => {
    const text = ref.current!.text;
    if (!text.readAhead) return;
    let timer: NodeJS.Timeout | undefined;
    const slice = () => {
      timer = text.readAhead!(READ_AHEAD_ROWS) ? undefined : setTimeout(slice, 0);
    };
    // Not at once: the first key presses after the list appears come before the first slice.
    timer = setTimeout(slice, READ_AHEAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);

  // The layout of the open finding for a state: the one drawn, and the one a key press scrolls
  // (worked out from the state the key sees, which may be newer than the last frame drawn).
  const layouts = useRef<ReturnType<typeof cachedLayout> | null>(null);
  layouts.current ??= cachedLayout();
  const layoutOf = (s: ReviewState) =>
    s.view === 'finding' && s.finding !== null
      ? layouts.current!({ ...s, cluster: s.result.clusters[s.finding] })
      : null;

  useInput((input, key) => {
    // Keys that arrive together are taken one at a time, each seeing the state the last one left.
    for (const press of splitPresses(input, key)) {
      const current = ref.current!;
      const layout = layoutOf(current);
      const action = keyAction(press.input, press.key, current, now(), layout ? diffMax(current, layout) : 0);
      if (action) send(action);
    }
  });

  const state = ref.current;
  const finding = layoutOf(state);
  let body: Line[];
  if (state.help) body = helpLines(state);
  else if (state.view === 'finding' && finding) body = findingLines(state, finding);
  else if (state.view === 'report') body = reportLines(state);
  else body = listLines(state);
  // One line short of the terminal: a frame as tall as the screen makes Ink clear it on every key.
  const bodyRows = Math.max(1, state.height - CHROME_ROWS);
  const lines = [headerLine(state, source), ...body.slice(0, bodyRows)];
  while (lines.length < bodyRows + 1) lines.push([]);
  lines.push(statusLine(state));
  return <Screen lines={lines} width={state.width} color={color} />;
}

/** The store's decisions, or undefined when it cannot say (or fails to). */
function storedDecisions(store: DecisionStore) {
  try {
    return store.decisions?.();
  } catch {
    return undefined;
  }
}

function perform(store: DecisionStore, w: Write): void {
  if (w.type === 'decide') store.decide(w.key, w.label, w.note, w.at);
  else store.clearDecision(w.key, w.at);
}
