/** Separators of the UI language: vi-VN groups with "." and writes decimals with ","; en the other way round. */
function separators(language: string) {
  const parts = new Intl.NumberFormat(language).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? '.',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? ',',
  };
}

/** 1234567 → "1.234.567" (vi) / "1,234,567" (en). */
export function formatNumber(value: number | null | undefined, language: string): string {
  return value == null ? '' : new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

/** The formatter/parser pair for an InputNumber that shows the UI language's grouping while the value stays a number. */
export function numberInputFormat(language: string) {
  const { group, decimal } = separators(language);
  return {
    formatter: (value: string | number | undefined) => {
      if (value === undefined || value === null || value === '') return '';
      const [int, frac] = String(value).split('.');
      const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, group);
      return frac === undefined ? grouped : `${grouped}${decimal}${frac}`;
    },
    parser: (text: string | undefined) => (text ?? '').split(group).join('').replace(decimal, '.').replace(/[^\d.-]/g, ''),
  };
}
