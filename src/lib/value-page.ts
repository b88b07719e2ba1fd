/**
 * The value-contribution page's specs: the defaults of its inputs and the queries they drive. The
 * page takes its inputs' defaults from here and the report loader (loaders/reports.ts) prepares
 * the first paint for the same defaults, so the two cannot drift apart (see prepared-key.ts).
 */
import {
  CONTRIBUTION_DIMENSIONS,
  type ContributionDimension,
  type ContributionRow,
  contributionSql,
  segmentContributionSql
} from "./contribution.js";
import {
  DEFAULT_TOP_PERCENT,
  type LorenzPoint,
  type ParetoSummary,
  type ValueFilter,
  lorenzSql,
  paretoSummarySql
} from "./pareto.js";
import type {QuerySpec} from "./prepared-key.js";
import type {Filters} from "./sql.js";

export interface ValueSpecs {
  lorenz: QuerySpec<{filters: Filters<ValueFilter>}, LorenzPoint>;
  summary: QuerySpec<{topPercent: number; filters: Filters<ValueFilter>}, ParetoSummary>;
  /** By segment (the default rule set, as of `asOf`) or by a customer attribute. */
  contribution: QuerySpec<{dimension: "segment" | ContributionDimension}, ContributionRow>;
}

export const VALUE = (asOf: string): ValueSpecs => ({
  lorenz: {defaults: {filters: {}}, sql: ({filters}) => lorenzSql(filters)},
  summary: {
    defaults: {topPercent: DEFAULT_TOP_PERCENT, filters: {}},
    sql: ({topPercent, filters}) => paretoSummarySql(topPercent, filters)
  },
  contribution: {
    defaults: {dimension: "segment"},
    sql: ({dimension}) => (dimension === "segment" ? segmentContributionSql(asOf) : contributionSql(dimension)),
    // Every breakdown is prepared: a change of breakdown is drawn from value.json.
    choices: [{dimension: "segment"}, ...CONTRIBUTION_DIMENSIONS.map((dimension) => ({dimension}))]
  }
});
