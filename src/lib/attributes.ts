/**
 * The customer attributes pages filter, break down and cross-tabulate by: one list, and the
 * rule for which of them this data has. A source without member tiers, ages, genders, channels,
 * city tiers or stores would show a single "unknown" for them: such attributes are reported as
 * missing at build time (kpis.json `missing`), and pages leave them out and say so once.
 */

/** The attributes every analysis page filters by. */
export const FILTER_ATTRIBUTES = ["region", "city_tier", "channel", "tier", "age_band", "gender"] as const;
/** Every attribute a customer row may carry, in the order pages show them. */
export const ATTRIBUTES = [...FILTER_ATTRIBUTES, "home_store"] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** Values that mean "not known" in the customer table. */
export const UNKNOWN_VALUES = ["unknown", "U"];

/** SQL: one row per attribute with the number of known values it takes over `customers`. */
export function knownValuesSql(table = "customers"): string {
  const unknown = UNKNOWN_VALUES.map((v) => `'${v}'`).join(", ");
  return ATTRIBUTES.map(
    (a) =>
      `SELECT '${a}' AS attribute, CAST(count(DISTINCT ${a}) FILTER (WHERE ${a} IS NOT NULL AND CAST(${a} AS VARCHAR) NOT IN (${unknown})) AS INTEGER) AS known FROM ${table}`
  ).join("\nUNION ALL ");
}

/** The columns of `columns` that this data has (not in `missing`). */
export function present<C extends string>(columns: readonly C[], missing: readonly string[] = []): C[] {
  return columns.filter((c) => !missing.includes(c));
}
