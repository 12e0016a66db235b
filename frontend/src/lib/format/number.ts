// Building an Intl.NumberFormat costs far more than formatting with one (about a millisecond against microseconds on
// a phone): the dashboard formats a hundred figures on its first screen (#17), so each formatter is built once.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, kind: 'percent' | 'number'): Intl.NumberFormat {
  const key = `${kind}|${locale}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, kind === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 });
    formatters.set(key, f);
  }
  return f;
}

/** A share between 0 and 1 as a percentage in the UI language, e.g. 0.8333 → "83,3%" (vi) or "83.3%" (en). */
export function formatPercent(share: number, language: string): string {
  return formatter(language, 'percent').format(share);
}

/** A figure in the UI language with at most two decimals, e.g. 12500 → "12.500" (vi) or "12,500" (en); null → "—". */
export function formatNumber(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return formatter(language === 'en' ? 'en-US' : 'vi-VN', 'number').format(value);
}
