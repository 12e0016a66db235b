/** A share between 0 and 1 as a percentage in the UI language, e.g. 0.8333 → "83,3%" (vi) or "83.3%" (en). */
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
