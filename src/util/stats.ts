/**
 * With REFRAIN_STATS set, a scan prints on stderr how long each of its phases and stages took and
 * the memory in use at the end of each: the breakdown the benchmark and the README quote. Nothing
 * here changes what a scan computes.
 */
export const STATS = Boolean(process.env.REFRAIN_STATS);

/** Prints `values` (milliseconds and counts) when STATS is on. */
export function printStats(values: Record<string, unknown>): void {
  if (STATS) console.error(values);
}

/** Runs `work`, printing how long it took under `label` when STATS is on. */
export function timed<T>(label: string, work: () => T): T {
  if (!STATS) return work();
  const started = performance.now();
  const out = work();
  printStats({ [label]: Math.round(performance.now() - started) });
  return out;
}

/**
 * The comparison's stage callback, passed on to `onStage`, with each stage's time and memory
 * printed when STATS is on. A stage lasts until the next begins or `end` is called; calls with
 * `step` set say how far a stage has got and do not begin one.
 */
export function timeStages(onStage: (stage: string, step?: boolean) => void): {
  onStage: (stage: string, step?: boolean) => void;
  end: () => void;
} {
  let current: { name: string; at: number } | undefined;
  const end = () => {
    if (!STATS || !current) return;
    const m = process.memoryUsage();
    const mb = (x: number) => Math.round(x / 2 ** 20);
    const ms = Math.round(performance.now() - current.at);
    console.error(`${current.name}: ${ms} ms, ${mb(m.rss)} MB (heap ${mb(m.heapUsed)}, buffers ${mb(m.arrayBuffers)})`);
    current = undefined;
  };
  return {
    onStage(stage, step = false) {
      if (!step) {
        end();
        current = { name: stage, at: performance.now() };
      }
      onStage(stage, step);
    },
    end,
  };
}
