/**
 * The proposal's budget lines, checked against the call's ceiling as the user types. Amounts are whole đồng (the API
 * refuses fractions), so they are summed as integers; the API checks the same rule on exact decimals and has the last
 * word (409 budget_over_ceiling naming budgetLines).
 */
export type BudgetLine = { source?: string | null; amount?: number | null };

export type BudgetCheck = {
  /** The sum of all lines, whole đồng. */
  total: number;
  /** The sum per funding source, in the order first met. */
  bySource: { source: string; amount: number }[];
  /** What is left under the ceiling (negative when over). */
  left: number;
  /** True when the total does not exceed the ceiling and every amount is a whole, positive number. */
  ok: boolean;
  over: boolean;
  /** Lines whose amount is missing, not positive or has a fraction of a đồng. */
  invalidLines: number[];
};

export function checkBudget(lines: readonly BudgetLine[], ceiling: number | null | undefined): BudgetCheck {
  const invalidLines: number[] = [];
  const bySource = new Map<string, number>();
  let total = 0;
  lines.forEach((l, n) => {
    const amount = l.amount ?? 0;
    if (!(amount > 0) || !Number.isInteger(amount)) invalidLines.push(n);
    const whole = Number.isFinite(amount) ? Math.trunc(amount) : 0;
    total += whole;
    if (l.source) bySource.set(l.source, (bySource.get(l.source) ?? 0) + whole);
  });
  const limit = ceiling ?? Number.POSITIVE_INFINITY;
  const over = total > limit;
  return {
    total,
    bySource: [...bySource].map(([source, amount]) => ({ source, amount })),
    left: Number.isFinite(limit) ? limit - total : Number.POSITIVE_INFINITY,
    ok: !over && invalidLines.length === 0 && lines.length > 0,
    over,
    invalidLines,
  };
}
