import { formatNumber, formatPercent } from './number';

describe('number formats', () => {
  it('formats in the UI language, the same again from the kept formatter', () => {
    expect(formatNumber(12500.456, 'vi')).toBe('12.500,46');
    expect(formatNumber(12500.456, 'en')).toBe('12,500.46');
    expect(formatNumber(12500.456, 'vi')).toBe('12.500,46');
    expect(formatNumber(null, 'vi')).toBe('—');
    expect(formatPercent(0.8333, 'vi')).toMatch(/^83,3\s?%$/);
    expect(formatPercent(0.8333, 'en')).toBe('83.3%');
  });
});
