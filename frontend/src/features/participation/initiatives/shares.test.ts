import { describe, expect, it } from 'vitest';
import { checkShares } from './shares';

describe('checkShares', () => {
  it('accepts shares totalling exactly 100 even when floating-point sums would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(checkShares([33.33, 33.33, 33.34])).toEqual({ total: 100, ok: true, missing: 0 });
    expect(checkShares([60, 40]).ok).toBe(true);
  });

  it('refuses a total under or over 100 and says how much is missing', () => {
    expect(checkShares([33.33, 33.33, 33.33])).toEqual({ total: 99.99, ok: false, missing: 0.01 });
    expect(checkShares([60, 50])).toEqual({ total: 110, ok: false, missing: -10 });
  });

  it('counts an empty share as zero and no authors as not done', () => {
    expect(checkShares([100, undefined]).ok).toBe(true);
    expect(checkShares([]).ok).toBe(false);
  });
});
