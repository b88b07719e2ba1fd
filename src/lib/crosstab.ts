/**
 * Demographic and geographic cross-tabs and the store comparison, over a segmented customer
 * table (`source` is SQL with a `segment` column, see segmentedPopulationSql).
 *
 * Each cell of a cross-tab shows its customers, revenue per customer and segment mix. Cells
 * with fewer than SMALL_CELL customers show their count only: a handful of customers is
 * neither a pattern nor anonymous.
 */
import {ATTRIBUTES} from "./attributes.js";
import type {RfmOptions} from "./rfm.js";
import {segmentSql} from "./rules.js";
import {rulesOf, segmentOptions, type RuleSet} from "./rulesets.js";
import {populationSql} from "./segments.js";
import {sqlName} from "./sql.js";

export const CROSS_DIMENSIONS = ATTRIBUTES;
export type CrossDimension = (typeof CROSS_DIMENSIONS)[number];
export const SMALL_CELL = 10;

/** One row per cell and segment. */
export interface MixRow {
  row: string;
  col: string;
  segment: string;
  customers: number;
  revenue_cents: number;
}

export interface CrossCell {
  row: string;
  col: string;
  customers: number;
  revenue_cents: number;
  revenue_per_customer_cents: number | null;
  /** Segment shares of the cell's customers, largest first; empty for a small cell. */
  mix: {segment: string; customers: number; share: number}[];
  suppressed: boolean;
}

/**
 * The population `set` classifies, scored as of the build date `asOf` (segmentOptions), with
 * each customer's segment (first match wins; "(no rule)" when none does).
 */
export function segmentedPopulationSql(asOf: string, filters: RfmOptions["filters"], set: RuleSet): string {
  const scored = populationSql(segmentOptions(asOf, filters), set.population);
  return `SELECT *, coalesce(${segmentSql(rulesOf(set))}, '(no rule)') AS segment FROM (${scored}) AS scored`;
}

/** SQL: customers and revenue per (row, column, segment); `col` may be null for one column. */
export function segmentMixSql(source: string, row: CrossDimension, col: CrossDimension | null): string {
  const r = sqlName(row, CROSS_DIMENSIONS, "row dimension");
  const c = col === null ? "'all'" : sqlName(col, CROSS_DIMENSIONS, "column dimension");
  return `SELECT coalesce(CAST(${r} AS VARCHAR), 'unknown') AS "row", coalesce(CAST(${c} AS VARCHAR), 'unknown') AS col, segment,
  CAST(count(*) AS INTEGER) AS customers, CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents
FROM (${source}) AS s GROUP BY ALL ORDER BY "row", col, segment`;
}

/** Folds mix rows into cells (pure, so pages and tests share it). */
export function crossCells(rows: MixRow[], smallCell = SMALL_CELL): CrossCell[] {
  const cells = new Map<string, CrossCell>();
  for (const r of rows) {
    const key = JSON.stringify([r.row, r.col]);
    const cell = cells.get(key) ?? {
      row: r.row,
      col: r.col,
      customers: 0,
      revenue_cents: 0,
      revenue_per_customer_cents: null,
      mix: [],
      suppressed: false
    };
    cell.customers += r.customers;
    cell.revenue_cents += r.revenue_cents;
    cell.mix.push({segment: r.segment, customers: r.customers, share: 0});
    cells.set(key, cell);
  }
  return [...cells.values()].map((cell) => {
    const suppressed = cell.customers < smallCell;
    return {
      ...cell,
      suppressed,
      revenue_cents: suppressed ? 0 : cell.revenue_cents,
      revenue_per_customer_cents: suppressed ? null : cell.revenue_cents / cell.customers,
      mix: suppressed
        ? []
        : cell.mix
            .map((m) => ({...m, share: m.customers / cell.customers}))
            .sort((a, b) => b.customers - a.customers || a.segment.localeCompare(b.segment))
    };
  });
}

export interface StoreRow {
  store: string;
  customers: number;
  buyers: number;
  revenue_cents: number;
  revenue_per_buyer_cents: number | null;
  repeat_rate: number | null;
  aov_cents: number | null;
}

/** SQL: per home store, customers, buyers, revenue, revenue per buyer, repeat rate and AOV. */
export function storeComparisonSql(source: string): string {
  return `SELECT coalesce(home_store, 'unknown') AS store, CAST(count(*) AS INTEGER) AS customers,
  CAST(count(*) FILTER (WHERE orders > 0) AS INTEGER) AS buyers,
  CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents,
  sum(revenue_cents) / nullif(count(*) FILTER (WHERE orders > 0), 0) AS revenue_per_buyer_cents,
  count(*) FILTER (WHERE orders >= 2) / nullif(count(*) FILTER (WHERE orders > 0), 0) AS repeat_rate,
  sum(revenue_cents) / nullif(sum(orders), 0) AS aov_cents
FROM (${source}) AS s GROUP BY ALL ORDER BY revenue_cents DESC, store`;
}
