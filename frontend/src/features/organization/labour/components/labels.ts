import type { Ownership, Sector } from '../api/enterprises';

/** The API's enums, in the order the screens offer them. */
export const OWNERSHIPS: Ownership[] = ['State', 'Private', 'Fdi', 'Collective', 'Other'];
export const SECTORS: Sector[] = ['Manufacturing', 'TextileGarment', 'Electronics', 'Construction', 'TradeServices', 'Agriculture', 'EducationHealth', 'Other'];

/** Whole numbers with vi-VN (or en) grouping: 12.500.000 / 12,500,000. */
export function formatCount(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 0 }).format(value);
}

/** A first year for the figures' year pickers (the API accepts 2000 to next year). */
export const FIRST_YEAR = 2000;
export const currentYear = () => new Date().getFullYear();
/** The years offered in filters: newest first. */
export const yearOptions = () => Array.from({ length: currentYear() + 1 - 2015 + 1 }, (_, i) => currentYear() + 1 - i);

/**
 * The Vietnamese enterprise tax code: 10 digits (or 10 + "-" + 3 for a branch); the 10th digit is
 * 10 − (Σ dᵢ·wᵢ mod 11) with weights 31, 29, 23, 19, 17, 13, 7, 5, 3 (never 10). The API checks the same.
 */
export function isValidTaxCode(value: string): boolean {
  const code = value.replace(/\s/g, '');
  if (!/^\d{10}(-\d{3})?$/.test(code)) return false;
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(code[i]), 0);
  const check = 10 - (sum % 11);
  return check !== 10 && Number(code[9]) === check;
}
