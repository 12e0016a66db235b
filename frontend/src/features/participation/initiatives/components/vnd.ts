/** VND for display: the API's amounts are exact decimals; only here are they rounded, to whole đồng. */
export function formatVnd(amount: number, language = 'vi'): string {
  return `${new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 0 }).format(amount)} ₫`;
}
