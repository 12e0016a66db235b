import { decreeThirtyDate } from './date';

describe('decreeThirtyDate (Decree 30/2020/NĐ-CP, Appendix I: days below 10 and months 1–2 take a leading zero)', () => {
  it.each([
    ['2023-08-01', 'ngày 01 tháng 8 năm 2023'],
    ['2024-02-15', 'ngày 15 tháng 02 năm 2024'],
    ['2025-01-09', 'ngày 09 tháng 01 năm 2025'],
    ['2025-12-05', 'ngày 05 tháng 12 năm 2025'],
    ['2025-03-31', 'ngày 31 tháng 3 năm 2025'],
    ['2025-10-10', 'ngày 10 tháng 10 năm 2025'],
  ])('%s reads "%s"', (iso, expected) => {
    expect(decreeThirtyDate(iso)).toBe(expected);
  });
});
