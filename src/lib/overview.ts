/**
 * The overview page's spec: its inputs' defaults and the queries they drive. The page takes its
 * input defaults from here and the report loader (loaders/reports.ts) computes the first paint
 * from the same defaults, so the two cannot drift apart (a drift would silently send the first
 * paint back to DuckDB-WASM).
 */
import {
  CONTRIBUTION_DIMENSIONS,
  type ContributionDimension,
  type ContributionRow,
  contributionSql
} from "./contribution.js";
import type {QuerySpec} from "./prepared-key.js";

export interface OverviewOptions {
  dimension: ContributionDimension;
}

/** Share of buyers and of revenue by the chosen customer attribute. */
export const OVERVIEW_CONTRIBUTION: QuerySpec<OverviewOptions, ContributionRow> = {
  defaults: {dimension: "region"},
  sql: ({dimension}) => contributionSql(dimension),
  // Prepared for every attribute: the landing page draws any breakdown from overview.json and
  // never starts DuckDB-WASM.
  choices: CONTRIBUTION_DIMENSIONS.map((dimension) => ({dimension}))
};
