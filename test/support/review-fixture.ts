import { readFileSync } from 'node:fs';
import { initialState, reduce, type Action, type ReviewState } from '../../cli/review/state.js';
import type { Decision, ResultCluster, ResultDocument, ScanResult } from '../../src/types.js';

/** Items 4 and 5 of the 那吾镇 report (corpus/004): the same paragraph twice. */
const lines = readFileSync(new URL('../../corpus/004_8c642f3c1dbf128b.txt', import.meta.url), 'utf8').split('\n');
export const ITEM4 = lines[24];
export const ITEM5 = lines[25];
/** A near copy of item 4 in another report: 镇→乡, 12→15 grids, 99%→98%. */
export const NEAR = ITEM4.replace('4.', '')
  .replace('大事不出镇', '大事不出乡')
  .replace('将12个网格', '将15个网格')
  .replace('化解率达99%', '化解率达98%');
const SLOGAN = '扫一扫在手机打开当前页';

function doc(id: number, path: string, texts: string[]): ResultDocument {
  return {
    id,
    path,
    encoding: 'utf-8',
    format: 'txt',
    hash: `h${id}`,
    chars: texts.join('').length,
    templatedRatio: 0.1 * (id + 1),
    withinRatio: id === 0 ? 0.3 : 0,
    boilerplateRatio: 0.02,
    paragraphs: texts.map((text, index) => ({ index, line: index * 2 + 1, text })),
  };
}

function cluster(id: number, c: Omit<ResultCluster, 'id'>): ResultCluster {
  return { id, ...c };
}

/**
 * A small scan by hand, numbered as the engine numbers findings (boilerplate last): the
 * within-report repeat (finding 0), a near copy across two reports (finding 1), a short partial
 * copy (finding 2), and boilerplate in all three (finding 3).
 */
export function fixtureResult(): ScanResult {
  return {
    schema: 1,
    tool: 'refrain',
    version: '0.1.0',
    settings: { threshold: 0.5, minTokens: 12, minContent: 25, numHashes: 128, bands: 32 },
    documents: [
      doc(0, 'corpus/004.txt', [SLOGAN, ITEM4, ITEM5, '二、推进法治政府建设存在的不足和原因']),
      doc(1, 'corpus/001.txt', [NEAR, SLOGAN, '深入学习领会习近平法治思想，落实法治建设第一责任人职责']),
      doc(2, 'corpus/002.txt', [SLOGAN, '各级领导干部深入学习领会习近平法治思想']),
    ],
    clusters: [
      cluster(0, {
        scope: 'within',
        kind: 'exact',
        boilerplate: false,
        docCount: 1,
        similarity: 1,
        chars: 248,
        content: 248,
        key: 'k-within',
        members: [
          { doc: 0, paragraph: 1 },
          { doc: 0, paragraph: 2 },
        ],
      }),
      cluster(1, {
        scope: 'across',
        kind: 'near',
        boilerplate: false,
        docCount: 2,
        similarity: 0.96,
        chars: 246,
        content: 246,
        key: 'k-near',
        members: [
          { doc: 0, paragraph: 1 },
          { doc: 1, paragraph: 0 },
        ],
      }),
      cluster(2, {
        scope: 'across',
        kind: 'partial',
        boilerplate: false,
        docCount: 2,
        similarity: 0.8,
        chars: 10,
        content: 10,
        key: 'k-partial',
        members: [
          { doc: 1, paragraph: 2, start: 0, end: 10 },
          { doc: 2, paragraph: 1, start: 6, end: 16 },
        ],
      }),
      cluster(3, {
        scope: 'across',
        kind: 'exact',
        boilerplate: true,
        docCount: 3,
        similarity: 1,
        chars: 11,
        content: 0,
        key: 'k-slogan',
        members: [
          { doc: 0, paragraph: 0 },
          { doc: 1, paragraph: 1 },
          { doc: 2, paragraph: 0 },
        ],
      }),
    ],
    documentPairs: [{ a: 0, b: 1, sharedRatio: 0.4 }],
    diagnostics: [],
  };
}

/** Decision times for tests: one, and one a minute later. */
export const AT = '2026-01-01T00:00:00.000Z';
export const LATER = '2026-01-01T00:01:00.000Z';

/** The review opened on the fixture, 100 columns wide. */
export function startReview(decisions: Decision[] = [], height = 24): ReviewState {
  return initialState({ result: fixtureResult(), decisions }, 100, height);
}

/** The state after the actions, in turn. */
export function act(state: ReviewState, ...actions: Action[]): ReviewState {
  return actions.reduce(reduce, state);
}

/** The finding ids shown, in order. */
export function shownIds(state: ReviewState): number[] {
  return state.visible.map((i) => state.result.clusters[i].id);
}
