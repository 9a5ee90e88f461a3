import { useEffect, useState } from 'react';
import { App } from './app.js';
import type { DecisionStore, ReviewInput } from './types.js';

/** NO_COLOR (https://no-color.org): set and not empty means no colour. */
export function colourWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.NO_COLOR;
}

function size() {
  return { width: process.stdout.columns || 80, height: process.stdout.rows || 24 };
}

/** The app at the real terminal's size, following resizes. */
export function Root({ input, store, source }: { input: ReviewInput; store: DecisionStore; source: string }) {
  const [dims, setDims] = useState(size);
  useEffect(() => {
    const onResize = () => setDims(size());
    process.stdout.on('resize', onResize);
    return () => {
      process.stdout.off('resize', onResize);
    };
  }, []);
  return (
    <App input={input} store={store} width={dims.width} height={dims.height} color={colourWanted()} source={source} />
  );
}
