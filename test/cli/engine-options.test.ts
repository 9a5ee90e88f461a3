import { describe, expect, it } from 'vitest';
import { engineForBatch } from '../../cli/commands/engine-options.js';

const GB = 1e9;

describe('engineForBatch', () => {
  it('keeps the default engine while memory holds the batch, and takes DuckDB past it', () => {
    // 24 GB: the default engine may plan on 14.4 GB, some 6 bytes a byte of input.
    expect(engineForBatch({}, 2 * GB, 24 * GB)).toEqual({ engine: {}, switched: false });
    expect(engineForBatch({}, 2.5 * GB, 24 * GB)).toEqual({ engine: { engine: 'duckdb', duckdb: {} }, switched: true });
    expect(engineForBatch({}, 0.5 * GB, 4 * GB).switched).toBe(true);
  });

  it('never overrides an engine asked for, nor an exchange folder', () => {
    const memory = { engine: 'memory' as const, duckdb: {} };
    expect(engineForBatch(memory, 50 * GB, 8 * GB)).toEqual({ engine: memory, switched: false });
    const duckdb = { engine: 'duckdb' as const, duckdb: { memory: '1GB' } };
    expect(engineForBatch(duckdb, 1, 8 * GB)).toEqual({ engine: duckdb, switched: false });
    expect(engineForBatch({ exchange: 'cand' }, 50 * GB, 8 * GB)).toEqual({
      engine: { exchange: 'cand' },
      switched: false,
    });
  });
});
