import { describe, expect, it } from 'vitest';
import { checkBudget } from './budget';

describe('checkBudget', () => {
  it('accepts a total exactly at the ceiling and sums per source', () => {
    const check = checkBudget(
      [{ source: 'UnionFunds', amount: 60_000_000 }, { source: 'StateBudget', amount: 30_000_000 }, { source: 'UnionFunds', amount: 10_000_000 }],
      100_000_000,
    );
    expect(check).toMatchObject({ total: 100_000_000, left: 0, ok: true, over: false, invalidLines: [] });
    expect(check.bySource).toEqual([{ source: 'UnionFunds', amount: 70_000_000 }, { source: 'StateBudget', amount: 30_000_000 }]);
  });

  it('refuses one đồng over the ceiling and says by how much', () => {
    const check = checkBudget([{ source: 'UnionFunds', amount: 60_000_000 }, { source: 'StateBudget', amount: 40_000_001 }], 100_000_000);
    expect(check).toMatchObject({ total: 100_000_001, left: -1, ok: false, over: true });
  });

  it('flags a missing, zero, negative or fractional amount, and no lines at all', () => {
    const check = checkBudget([{ source: 'Sponsor', amount: 1000.5 }, { source: 'Other', amount: 0 }, { source: 'Other', amount: null }, { source: 'Other', amount: 5 }], 10_000);
    expect(check.invalidLines).toEqual([0, 1, 2]);
    expect(check.ok).toBe(false);
    expect(checkBudget([], 10_000).ok).toBe(false);
  });

  it('has no limit before a call is chosen', () => {
    expect(checkBudget([{ source: 'UnionFunds', amount: 5 }], undefined)).toMatchObject({ ok: true, over: false });
  });
});
