/** Trims text fields; empty optional ones go to the API as null, not as "". Other values pass unchanged. */
export function trimValues<T extends object>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' ? v.trim() || null : v;
  return out as T;
}
