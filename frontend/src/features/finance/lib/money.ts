/**
 * VND the exact way: amounts arrive from the API as JSON numbers that are whole đồng (or exact decimals for
 * obligations); they are formatted from their digits and added as BigInt, never with floating-point arithmetic.
 */
export type Amount = number | string | bigint;

function digits(value: Amount): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  return value.trim();
}

/** 1234567 → "1.234.567 ₫" (fractions kept, with a decimal comma: 1234,5 → "1.234,5 ₫"). */
export function formatDong(value: Amount | null | undefined): string {
  const text = digits(value ?? 0);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^[-+]/, '').split('.');
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const kept = fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped}${kept ? `,${kept}` : ''} ₫`;
}

/** Whole đồng as BigInt (a fraction is dropped: budgets, allocations and tranches are whole đồng). */
export function toDong(value: Amount | null | undefined): bigint {
  if (typeof value === 'bigint') return value;
  const whole = digits(value ?? 0).split('.')[0] ?? '0';
  return BigInt(whole === '' || whole === '-' ? '0' : whole);
}

export function sumDong(values: Iterable<Amount | null | undefined>): bigint {
  let total = 0n;
  for (const v of values) total += toDong(v);
  return total;
}

/** A whole positive đồng amount typed by the user ("1.500.000" or "1500000"), or null when it is not one. */
export function parseDong(input: string | null | undefined): bigint | null {
  const cleaned = (input ?? '').replace(/[.\s₫]/g, '');
  if (!/^\d{1,18}$/.test(cleaned)) return null;
  const value = BigInt(cleaned);
  return value > 0n ? value : null;
}

/** The JSON number the API takes: exact, since whole đồng stay far below 2^53. */
export const toJsonAmount = (value: bigint): number => Number(value);
