/**
 * The authors' contribution shares, checked as the user types: shares are percentages with up to two decimals, so
 * they are summed in hundredths of a percent (integers) — 33.33 + 33.33 + 33.34 is exactly 100, never
 * 100.00000000000001. The API checks the same rule on exact decimals and has the last word.
 */
export function sharesInHundredths(shares: readonly (number | null | undefined)[]): number {
  return shares.reduce<number>((sum, s) => sum + Math.round((s ?? 0) * 100), 0);
}

export type SharesCheck = { total: number; ok: boolean; missing: number };

/** The total (percent, two decimals), whether it is exactly 100, and how much is missing (negative when over). */
export function checkShares(shares: readonly (number | null | undefined)[]): SharesCheck {
  const hundredths = sharesInHundredths(shares);
  return { total: hundredths / 100, ok: hundredths === 10000 && shares.length > 0, missing: (10000 - hundredths) / 100 };
}
