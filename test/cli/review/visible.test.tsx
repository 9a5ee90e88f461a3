import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import chalk from 'chalk';
import stringWidth from 'string-width';
import { App } from '../../../cli/review/app.js';
import type { ScanResult } from '../../../src/types.js';
import { fixtureResult } from '../../support/review-fixture.js';

/**
 * Issue 13, item 1, in the review UI: report text and file names holding escape sequences are
 * drawn with visible symbols at their true width, CJK text included, in every view.
 */

const ATTACK = '\x1b]0;pwned\x07\x1b[2J';
const SHOWN = '␛]0;pwned␇␛[2J';

afterEach(() => {
  cleanup();
  chalk.level = 0;
});

/** The fixture with the attack in a report's name and in the paragraph two findings share. */
function hostileResult(): ScanResult {
  const result = fixtureResult();
  result.documents[0].path = `corpus/${ATTACK}.txt`;
  for (const p of [result.documents[0].paragraphs[1], result.documents[1].paragraphs[0]]) {
    p.text = p.text.replace('聚焦基层治理痛点', `聚焦${ATTACK}基层治理痛点`);
  }
  return result;
}

function show(width: number) {
  const element = (
    <App
      input={{
        result: hostileResult(),
        decisions: [{ key: 'k-near', label: 'copied', note: `note ${ATTACK}`, at: '2026-01-01T00:00:00.000Z' }],
      }}
      store={{ decide() {}, clearDecision() {} }}
      width={width}
      height={30}
      color={false}
      source="fixture.db"
    />
  );
  const r = render(element);
  Object.defineProperty(r.stdout, 'columns', { get: () => width, configurable: true });
  r.rerender(element);
  const until = async (ready: (frame: string) => boolean): Promise<string> => {
    for (let i = 0; i < 400; i++) {
      const frame = r.lastFrame() ?? '';
      if (ready(frame)) return frame;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`screen never got ready; last screen:\n${r.lastFrame()}`);
  };
  const press = async (keys: string, ready: (frame: string) => boolean) => {
    r.stdin.write(keys);
    return until(ready);
  };
  return { until, press };
}

/** No control character is drawn, and no line is wider than the terminal. */
function expectSafe(frame: string, width: number): void {
  expect(frame).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  for (const line of frame.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
}

describe.each([80, 120])('review at %i columns', (width) => {
  it('list, finding and report views show the attack as symbols and fit the width', async () => {
    const ui = show(width);
    const list = await ui.until((f) => f.includes('› #0'));
    expectSafe(list, width);
    expect(list).toContain('␛]0;pwned');
    // The near copy: member 0 is the paragraph with the attack, in the report named with it.
    await ui.press('j', (f) => f.includes('› #1'));
    const finding = await ui.press('\r', (f) => f.includes('Finding 1 ·'));
    expectSafe(finding, width);
    expect(finding).toContain(`corpus/${SHOWN}.txt`);
    if (width >= 120) expect(finding).toContain(`(note ${SHOWN})`);
    const report = await ui.press('r', (f) => f.includes('templated'));
    expectSafe(report, width);
    expect(report.replace(/\n\s*/g, '')).toContain('␛]0;pwned␇␛[2J基层治理痛点');
  });
});
