import { describe, expect, it } from 'vitest';
import { RunTable } from '../../../src/compare/judge/run-table.js';

describe('RunTable', () => {
  it('keeps every run asked for through its growth, each once, and no other', () => {
    const table = new RunTable();
    const asked = new Set<number>();
    // An LCG: the same hashes every run, spread over all 32 bits, some asked twice.
    let x = 12345;
    for (let i = 0; i < 100_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      asked.add(x);
      table.add(x);
      if (i % 7 === 0) table.add(x);
    }
    expect(table.size).toBe(asked.has(0) ? asked.size - 1 : asked.size);
    for (const h of asked) expect(table.countAt(h)).toBeGreaterThanOrEqual(0);
    let missing = 1;
    while (asked.has(missing)) missing++;
    expect(table.countAt(missing)).toBe(-1);
    // Two runs never share a slot.
    expect(new Set([...asked].map((h) => table.countAt(h))).size).toBe(asked.size);
  });

  it('says 0 documents before counting, and takes no run once counting began', () => {
    const table = new RunTable();
    table.add(99);
    expect(table.docs(99)).toBe(0);
    const { slots } = table.shared();
    slots[table.countAt(99)] = 3;
    expect(new RunTable({ slots }).docs(99)).toBe(3);
    expect(table.docs(99)).toBe(3);
    expect(() => table.add(100)).toThrow(/after counting/);
  });
});
