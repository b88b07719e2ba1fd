/**
 * The cohorts page's spec: the defaults of its inputs and the query they drive. The page takes its
 * inputs' defaults from here and the report loader (loaders/reports.ts) prepares the first paint
 * for the same defaults, so the two cannot drift apart (see prepared-key.ts).
 */
import {type CohortCell, type CohortOptions, cohortSql} from "./cohorts.js";
import type {QuerySpec} from "./prepared-key.js";

/** Retention by cohort and period: monthly cohorts, recurring retention, nobody filtered out. */
export const COHORTS: QuerySpec<CohortOptions, CohortCell> = {
  defaults: {grain: "month", mode: "recurring", filters: {}},
  sql: cohortSql
};
