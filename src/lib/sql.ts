/**
 * Helpers that let SQL builders interpolate values safely: only validated numbers, ISO dates
 * and whitelisted identifiers ever reach a query string.
 */

/** A finite number, or an error naming what was wrong. */
export function sqlNumber(value: unknown, what = "value"): string {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`${what} must be a finite number, got ${String(value)}`);
  return String(value);
}

/** A DATE literal from an ISO date (YYYY-MM-DD) that exists in the calendar. */
export function sqlDate(value: unknown, what = "date"): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`${what} must be an ISO date (YYYY-MM-DD), got ${String(value)}`);
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(+parsed) || parsed.toISOString().slice(0, 10) !== value) throw new Error(`${what} is not a calendar date: ${value}`);
  return `DATE '${value}'`;
}

/** An identifier from a whitelist, double-quoted. */
export function sqlName(value: string, allowed: readonly string[], what = "name"): string {
  if (!allowed.includes(value)) throw new Error(`unknown ${what}: ${value} (expected one of ${allowed.join(", ")})`);
  return `"${value}"`;
}

/** A string literal (single quotes doubled), for labels chosen from fixed lists. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
