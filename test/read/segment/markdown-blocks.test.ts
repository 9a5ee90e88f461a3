/**
 * Issue 11, item 7: in Markdown a paragraph is a block between blank lines. The lines an editor
 * wrapped are one paragraph; headings, lists and tables stay apart from the prose around them;
 * a paragraph copied into another report and wrapped at another width is one finding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanPaths } from '../../../src/scan/scan.js';
import type { ScanResult } from '../../../src/types.js';
import { documentFor } from '../../support/real-inputs.js';
import { describeFinding } from '../../support/queue-rows.js';
import { findingsWithBoth, locate, readPairs, squash } from '../../support/seed-pairs.js';

const DIR = 'test/fixtures/markdown';
const FILES = readdirSync(DIR)
  .filter((n) => n.endsWith('.md'))
  .sort();
const COPY = readPairs(join(DIR, 'expected.tsv')).find((r) => (r.label as string) === 'copy')!;

/**
 * What the engine gets wrong today, keyed by test title; these run as `it.fails` until fixed.
 * The lead is adding Markdown block segmentation: flip these when it lands.
 */
const KNOWN_GAPS: Record<string, string> = {};

type Kind = 'heading' | 'table' | 'list' | 'prose';
interface Block {
  kind: Kind;
  lines: string[];
}

/** The file's blocks between blank lines, read straight from the Markdown source. */
function blocks(file: string): Block[] {
  const text = readFileSync(join(DIR, file), 'utf8');
  return text
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const every = (re: RegExp) => lines.every((l) => re.test(l));
      const list = /^[-*+]\s/.test(lines[0]) && every(/^(?:[-*+]\s|\s{2,}\S)/);
      const kind: Kind = /^#{1,6}\s/.test(lines[0]) ? 'heading' : every(/^\|/) ? 'table' : list ? 'list' : 'prose';
      return { kind, lines };
    });
}

/** A table's rows, or a list's items (an item's indented continuation lines are part of it). */
function items(b: Block): string[] {
  if (b.kind === 'table') return b.lines;
  const out: string[] = [];
  for (const line of b.lines) {
    if (/^[-*+]\s/.test(line)) out.push(line);
    else out[out.length - 1] += `\n${line}`;
  }
  return out;
}

const check = (title: string) => (KNOWN_GAPS[title] ? it.fails : it);

describe('Markdown reports: a paragraph is a block between blank lines', () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = (await scanPaths(FILES.map((n) => join(DIR, n)))).result;
  });
  const paragraphs = (file: string) => documentFor(result, file).paragraphs.map((p) => squash(p.text).text);

  it('has hard-wrapped prose, headings, a list and a table in every report', () => {
    expect(FILES).toHaveLength(3);
    for (const file of FILES) {
      const kinds = blocks(file).map((b) => b.kind);
      expect(new Set(kinds), file).toEqual(new Set(['heading', 'table', 'list', 'prose']));
      expect(blocks(file).filter((b) => b.kind === 'prose' && b.lines.length >= 2).length, file).toBeGreaterThan(2);
    }
  });

  for (const file of FILES) {
    const prose = `${file}: every heading and prose block is one paragraph, exactly`;
    check(prose)(prose, () => {
      const have = paragraphs(file);
      const wanted = blocks(file).filter((b) => b.kind === 'heading' || b.kind === 'prose');
      expect(wanted.filter((b) => !have.includes(squash(b.lines.join('\n')).text)).map((b) => b.lines[0])).toEqual([]);
    });

    const apart = `${file}: a list or a table is one paragraph, or one per item or row`;
    check(apart)(apart, () => {
      const have = paragraphs(file);
      const whole = (b: Block) =>
        have.includes(squash(b.lines.join('\n')).text) || items(b).every((item) => have.includes(squash(item).text));
      const wrong = blocks(file).filter((b) => (b.kind === 'list' || b.kind === 'table') && !whole(b));
      expect(wrong.map((b) => b.lines[0])).toEqual([]);
    });
  }

  it('the copied paragraph, wrapped at another width, is one finding of the two whole paragraphs, in the queue', () => {
    const found = findingsWithBoth(result, COPY);
    expect(found.map((c) => describeFinding(result, c))).toHaveLength(1);
    expect(found[0].boilerplate).toBe(false);
    expect(found[0].members.every((m) => m.start === undefined)).toBe(true);
    // No other finding holds a piece of either paragraph.
    for (const [file, snippet] of [
      [COPY.fileA, COPY.snippetA],
      [COPY.fileB, COPY.snippetB],
    ]) {
      const [place] = locate(result, file, snippet);
      const holding = result.clusters.filter((c) =>
        c.members.some((m) => m.doc === place.doc && m.paragraph === place.paragraph),
      );
      expect(
        holding.map((c) => describeFinding(result, c)),
        file,
      ).toEqual(found.map((c) => describeFinding(result, c)));
    }
  });
});
