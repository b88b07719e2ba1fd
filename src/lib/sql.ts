/**
 * Helpers that let SQL builders interpolate values safely: only validated numbers, ISO dates
 * and whitelisted identifiers ever reach a query string.
 */

/** A finite number, or an error naming what was wrong. */
export function sqlNumber(value: unknown, what = "value"): string {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new Error(`${what} must be a finite number, got ${String(value)}`);
  return String(value);
}

/** A DATE literal from an ISO date (YYYY-MM-DD) that exists in the calendar. */
export function sqlDate(value: unknown, what = "date"): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new Error(`${what} must be an ISO date (YYYY-MM-DD), got ${String(value)}`);
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(+parsed) || parsed.toISOString().slice(0, 10) !== value)
    throw new Error(`${what} is not a calendar date: ${value}`);
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

/** Filters on customer attributes: each listed column keeps the rows whose value is one of the listed values. */
export type Filters<K extends string> = Partial<Record<K, (string | number)[]>>;

/**
 * `AND column IN (...)` for each non-empty filter: whitelisted columns only, values quoted and
 * compared as text (so 1 and '1' match a city tier alike). `alias` prefixes the column ("c.").
 */
export function sqlFilters<K extends string>(
  filters: Filters<K> | undefined,
  allowed: readonly K[],
  alias = ""
): string {
  return Object.entries(filters ?? {})
    .filter(([, values]) => Array.isArray(values) && values.length > 0)
    .map(
      ([column, values]) =>
        `AND CAST(${alias}${sqlName(column, allowed, "filter")} AS VARCHAR) IN (${(values as (string | number)[]).map((v) => sqlString(String(v))).join(", ")})`
    )
    .join(" ");
}

/** Month number since year 0 of a DATE expression (January 2024 = 2024 × 12): months subtract as integers. */
export function sqlMonthIndex(date: string): string {
  return `(year(${date}) * 12 + month(${date}) - 1)`;
}

/** The YYYY-MM label of a month index (sqlMonthIndex), or YYYY-Qn for its quarter. */
export function sqlMonthLabel(index: string, grain: "month" | "quarter" = "month"): string {
  return grain === "month"
    ? `printf('%04d-%02d', ${index} // 12, ${index} % 12 + 1)`
    : `printf('%04d-Q%d', ${index} // 12, ${index} % 12 // 3 + 1)`;
}
