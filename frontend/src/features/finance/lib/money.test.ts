import { describe, expect, it } from 'vitest';
import { formatDong, parseDong, sumDong, toDong } from './money';

describe('money', () => {
  it('formats VND with dots between thousands and the đồng sign', () => {
    expect(formatDong(1234567)).toBe('1.234.567 ₫');
    expect(formatDong(0)).toBe('0 ₫');
    expect(formatDong('999999999999999999')).toBe('999.999.999.999.999.999 ₫');
    expect(formatDong(-5000)).toBe('-5.000 ₫');
    expect(formatDong('3500000.50')).toBe('3.500.000,5 ₫');
  });

  it('adds exactly, where floating point would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDong(['900719925474099', '900719925474099', 3])).toBe(1801439850948201n);
    expect(toDong('12.9')).toBe(12n);
  });

  it('parses what a user types, refusing zero, negatives and fractions', () => {
    expect(parseDong('1.500.000')).toBe(1500000n);
    expect(parseDong('0')).toBeNull();
    expect(parseDong('-3')).toBeNull();
    expect(parseDong('1,5')).toBeNull();
  });
});
