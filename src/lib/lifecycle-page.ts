/**
 * The lifecycle page's specs: the defaults of its inputs and the queries they drive. The page
 * takes its inputs' defaults from here and the report loader (loaders/reports.ts) prepares the
 * first paint for the same defaults, so the two cannot drift apart (see prepared-key.ts).
 */
import {addDays} from "./dates.js";
import {type LifecycleFilter, type LifecycleMonth, lifecycleSql} from "./lifecycle.js";
import type {QuerySpec} from "./prepared-key.js";
import type {Filters} from "./sql.js";
import {
  type Conversion,
  defaultStageThresholds,
  type Stage,
  type StageOptions,
  conversionSql,
  stageCountsSql,
  stageFlowSql
} from "./stages.js";

/** Days before the stage date that the flows start from, unless the reader picks another date. */
export const FLOW_DAYS = 90;

export interface StageFlow {
  from: string;
  to: Stage;
  customers: number;
  revenue_cents: number;
}

export interface LifecycleSpecs {
  months: QuerySpec<{filters: Filters<LifecycleFilter>}, LifecycleMonth>;
  /** Customers per stage at a date, with the stage thresholds. */
  stages: QuerySpec<StageOptions, {stage: Stage; customers: number}>;
  conversion: QuerySpec<{asOf: string; filters: Filters<LifecycleFilter>}, Conversion>;
  /** Moves between stages from `before` to the stage date. */
  flows: QuerySpec<StageOptions & {before: string}, StageFlow>;
}

export const LIFECYCLE = (asOf: string): LifecycleSpecs => {
  const stages: StageOptions = {asOf, ...defaultStageThresholds(), filters: {}};
  return {
    months: {defaults: {filters: {}}, sql: ({filters}) => lifecycleSql(filters)},
    stages: {defaults: stages, sql: stageCountsSql},
    conversion: {defaults: {asOf, filters: {}}, sql: ({asOf, filters}) => conversionSql(asOf, filters)},
    flows: {
      defaults: {before: addDays(asOf, -FLOW_DAYS), ...stages},
      sql: ({before, ...after}) => stageFlowSql(before, after)
    }
  };
};
