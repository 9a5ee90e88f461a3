// Child process for the kill test: writes to a workspace in a loop until it is killed.
//   node workspace-child.mjs WORKSPACE save     saves scan 1, 2, 3… ("begin N" before, "saved N" after each)
//   node workspace-child.mjs WORKSPACE decide   decides d1, d2, d3… ("decided N" after each)
// It runs the built library (dist/), as the CLI does; `npm test` builds first.
import process from 'node:process';
import { URL } from 'node:url';
import { makeScan, KILL_SIZE as SIZE } from './workspace-data.mjs';

const [, , path, mode] = process.argv;
const { openWorkspace } = await import(new URL('../../dist/src/workspace/index.js', import.meta.url).href);
const ws = openWorkspace(path, { create: true });
for (let i = 1; ; i++) {
  if (mode === 'save') {
    const { result, analyses } = makeScan(i, SIZE.docs, SIZE.paras);
    process.stdout.write(`begin ${i}\n`);
    ws.saveScan(result, analyses);
    process.stdout.write(`saved ${i}\n`);
  } else {
    ws.decide(`d${i}`, 'copied', `note ${i}`, `t${i}`);
    process.stdout.write(`decided ${i}\n`);
  }
}
