/** A share between 0 and 1 as a percentage in the UI language, e.g. 0.8333 → "83,3%" (vi) or "83.3%" (en). */
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A figure in the UI language with at most two decimals, e.g. 12500 → "12.500" (vi) or "12,500" (en); null → "—". */
export function formatNumber(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 }).format(value);
}
