/**
 * The segment-migration page's spec: its inputs' defaults (90 days before the build date, or the
 * data's first day, to the build date; the default rule set) and the query they drive. The page and its build-time loader
 * (loaders/reports.ts) both use it, so the first paint is the page's own defaults and needs no
 * DuckDB-WASM.
 */
import {addDays} from "./dates.js";
import type {QuerySpec} from "./prepared-key.js";
import {DEFAULT_RULE_SET, RULE_SETS, rulesOf} from "./rulesets.js";
import {migrationOverTimeSql} from "./segments.js";

export interface MigrationOptions {
  before: string;
  after: string;
  ruleSet: string;
}

export interface MigrationRow {
  from: string;
  to: string;
  customers: number;
  revenue_cents: number;
}

/**
 * The defaults for a build as of `asOf` whose data begins on `firstDay`: 90 days back, or the
 * first day when the data is shorter (the page's date inputs refuse a day before it, and a
 * refused default left the whole page waiting).
 */
export const migrationDefaults = (asOf: string, firstDay: string): MigrationOptions => {
  const back = addDays(asOf, -90);
  return {before: back < firstDay ? firstDay : back, after: asOf, ruleSet: DEFAULT_RULE_SET.name};
};

/** Customers by (segment before, segment after), 1–5 quantile scores at each date. */
export const MIGRATION = (asOf: string, firstDay: string): QuerySpec<MigrationOptions, MigrationRow> => ({
  defaults: migrationDefaults(asOf, firstDay),
  sql: ({before, after, ruleSet}) => {
    const set = RULE_SETS.find((s) => s.name === ruleSet);
    if (!set) throw new Error(`unknown rule set: ${ruleSet}`);
    return migrationOverTimeSql(
      {asOf: before, scale: 5, method: "quantile"},
      {asOf: after, scale: 5, method: "quantile"},
      set,
      rulesOf(set)
    );
  }
});
