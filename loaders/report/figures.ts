/**
 * The leadership report's figures for one period, before suppression (suppress.ts): the
 * analyst pages' SQL builders (src/lib) run in native DuckDB over the published tables, each as
 * of the period's own end date, so a period's figures never change when later data arrives.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {
  ALL_COHORTS,
  DEFAULT_COHORT_OPTIONS,
  cohortCubeSql,
  cohortMembersSql,
  cohortSql,
  type CohortCell
} from "../../src/lib/cohorts.js";
import {knownAtSql} from "../../src/lib/known.js";
import {DEFAULT_TOP_PERCENT, paretoSummarySql, type ParetoSummary} from "../../src/lib/pareto.js";
import {
  type Period,
  type PeriodActivity,
  type ReportDimension,
  periodActivitySql,
  periodBuyersSql
} from "../../src/lib/periods.js";
import {FOUR_TYPES, rulesOf} from "../../src/lib/rulesets.js";
import {segmentSql} from "../../src/lib/rules.js";
import {migrationOverTimeSql, populationSql} from "../../src/lib/segments.js";
import {sqlMonthIndex} from "../../src/lib/sql.js";
import {conversionSql, type Conversion} from "../../src/lib/stages.js";
import {queryRows} from "../duckdb.js";

/** The four types at a period's end: size, and their buyers and revenue in the period. */
export interface TypeRow {
  type: string;
  customers: number;
  buyers: number;
  revenue_cents: number;
}

/** What every period needs, also as the previous period and the same period a year before. */
export interface CoreFigures {
  period: Period;
  /** Customers known at the period's end (src/lib/known.ts). */
  known: number;
  activity: PeriodActivity;
  /** Conversion rates as of the period's end (lifecycle page). */
  conversion: Conversion;
  /** The period's buyers ranked by the period's revenue: the top 20 %'s share. */
  value: ParetoSummary;
  types: TypeRow[];
}

/** Only the reported periods: what moved and what the groups did. */
export interface DetailFigures {
  migration: {from: string; to: string; customers: number}[];
  cohorts: CohortCell[];
  groups: Record<ReportDimension, PeriodActivity[]>;
}

const FOUR = rulesOf(FOUR_TYPES);
/** Scores as the analyst pages compute them for any date (from customer_day, not in place). */
const scoring = (asOf: string) => ({asOf, scale: 5 as const, method: "quantile" as const});

export async function coreFigures(db: DuckDBConnection, period: Period, previous: Period): Promise<CoreFigures> {
  const end = period.end;
  const [activity] = await queryRows<PeriodActivity>(db, periodActivitySql(period, previous));
  const [{known}] = await queryRows<{known: number}>(
    db,
    `SELECT CAST(count(*) AS INTEGER) AS known FROM customers WHERE ${knownAtSql(end)}`
  );
  const [conversion] = await queryRows<Conversion>(db, conversionSql(end));
  const [value] = await queryRows<ParetoSummary>(
    db,
    paretoSummarySql(DEFAULT_TOP_PERCENT, {}, `(${periodBuyersSql(period)}) AS period_buyers`)
  );
  const types = await queryRows<TypeRow>(
    db,
    `SELECT t.segment AS type, CAST(count(*) AS INTEGER) AS customers,
  CAST(count(*) FILTER (WHERE b.orders > 0) AS INTEGER) AS buyers,
  CAST(coalesce(sum(b.revenue_cents), 0) AS BIGINT) AS revenue_cents
FROM (SELECT customer_key, ${segmentSql(FOUR)} AS segment FROM (${populationSql(scoring(end), FOUR_TYPES.population)}) AS s) AS t
LEFT JOIN (${periodBuyersSql(period)}) AS b USING (customer_key)
GROUP BY ALL ORDER BY customers DESC, type`
  );
  return {period, known, activity, conversion, value, types};
}

/** The cohort tables of the whole build, once: each period reads the months up to its end. */
export async function prepareCohorts(db: DuckDBConnection): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE report_cohort_cube AS ${cohortCubeSql()}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE report_cohort_members AS ${cohortMembersSql()}`);
}

export async function detailFigures(db: DuckDBConnection, period: Period, previous: Period): Promise<DetailFigures> {
  const migration = await queryRows<{from: string; to: string; customers: number}>(
    db,
    `SELECT "from", "to", customers FROM (${migrationOverTimeSql(scoring(previous.end), scoring(period.end), FOUR_TYPES, FOUR)}) AS m ORDER BY ALL`
  );
  // Cohorts as of the period's end: months after it are not there yet. A cohort's members are
  // the buyers whose first purchase falls in its month, which no later purchase changes.
  const last = sqlMonthIndex(`DATE '${period.end}'`);
  await db.run(
    `CREATE OR REPLACE TEMP VIEW cohort_cube AS SELECT * FROM report_cohort_cube WHERE month_index <= ${last}`
  );
  await db.run(
    `CREATE OR REPLACE TEMP VIEW cohort_members AS SELECT * FROM report_cohort_members WHERE cohort_index <= ${last}`
  );
  const cohorts = await queryRows<CohortCell>(db, cohortSql(DEFAULT_COHORT_OPTIONS));
  const groups = {} as DetailFigures["groups"];
  for (const dimension of ["region", "home_store"] as const)
    groups[dimension] = await queryRows<PeriodActivity>(db, periodActivitySql(period, previous, dimension));
  return {migration, cohorts, groups};
}

/** Cohort rows the report keeps: the pooled row at these months, and the latest cohorts. */
export const COHORT_MONTHS = [1, 3, 6, 12];
export const isPooled = (c: CohortCell) => c.cohort === ALL_COHORTS;
