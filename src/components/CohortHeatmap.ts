/**
 * CohortHeatmap(cells, {width, measure, dataStart, partial}): cohorts (rows) by periods since
 * first purchase (columns), coloured and labelled by customer or revenue retention. The pooled
 * "All cohorts" row sits on top, set apart by a rule. Period 0 is 100 % by definition: it is
 * drawn grey so that the colour scale tells the later periods apart. The cohort of the first
 * month of data (`dataStart`: customers already active before the data start there too) is
 * starred, and the cells of a partial last month (`partial`) are outlined dashed. A cell's tip
 * tells its customers only when `cells` carry them: the revenue heatmap is given revenue cells
 * (revenueCells), the same for either retention mode.
 */
import * as Plot from "@observablehq/plot";
import {ALL_COHORTS, type CohortCell, type RevenueCell} from "../lib/cohorts.js";
import {formatCents, formatCount, formatShare} from "../lib/format.js";
import {t} from "../lib/messages.js";
import {emptyState} from "./empty.js";

export type RetentionMeasure = "retention" | "revenue_retention";

export interface CohortHeatmapOptions {
  width?: number;
  measure?: RetentionMeasure;
  periodLabel?: string;
  /** The cohort label of the first month (or quarter) of data. */
  dataStart?: string;
  /** Whether the last period of data is partial (the as-of date is not its last day). */
  partial?: boolean;
}

const BINS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** A cell as the heatmap reads it: its customers (active, retention) for customer retention only. */
type HeatmapCell = RevenueCell & Partial<Pick<CohortCell, "active" | "retention">>;

export function CohortHeatmap(
  cells: HeatmapCell[],
  {
    width = 800,
    measure = "retention",
    periodLabel = t().cohorts.periodLabel("month"),
    dataStart,
    partial = false
  }: CohortHeatmapOptions = {}
): HTMLElement | SVGSVGElement {
  if (cells.length === 0) return emptyState();
  width = Math.max(width, 480);
  const cohorts = [ALL_COHORTS, ...[...new Set(cells.map((c) => c.cohort))].filter((c) => c !== ALL_COHORTS).sort()];
  const periods = Math.max(...cells.map((c) => c.period)) + 1;
  const value = (d: HeatmapCell) => d[measure] ?? null;
  const cellWidth = (width - 110) / periods;
  // The last period each cohort has reached is the as-of period.
  const lastPeriod = new Map<string, number>();
  for (const c of cells) lastPeriod.set(c.cohort, Math.max(lastPeriod.get(c.cohort) ?? 0, c.period));
  const later = cells.filter((c) => c.period > 0);
  const first = cells.filter((c) => c.period === 0);
  const label = measure === "retention" ? t().charts.customerRetention : t().charts.revenueRetention;
  return Plot.plot({
    width,
    height: 60 + cohorts.length * 18,
    marginLeft: 100,
    padding: 0.04,
    x: {
      axis: "top",
      label: periodLabel,
      domain: Array.from({length: periods}, (_, i) => i),
      tickFormat: (p: number) => (periods > 24 && p % 3 ? "" : String(p))
    },
    y: {
      label: null,
      domain: cohorts,
      tickFormat: (c: string) => (c === ALL_COHORTS ? t().charts.allCohorts : c === dataStart ? `${c} *` : c)
    },
    // Ten-point bins read more easily than a gradient; revenue retention above 100 % (or below
    // zero, after credits) falls in the top (bottom) bin and the label tells the number.
    color: {
      type: "threshold",
      scheme: "ylgnbu",
      domain: BINS,
      legend: true,
      label,
      tickFormat: (d: number) => `${Math.round(d * 100)}%`
    },
    marks: [
      Plot.cell(first, {x: "period", y: "cohort", fill: "#e0e0e0", inset: 0}),
      Plot.cell(later, {x: "period", y: "cohort", fill: value, inset: 0}),
      partial
        ? Plot.cell(
            cells.filter((c) => c.period === lastPeriod.get(c.cohort)),
            {x: "period", y: "cohort", stroke: "currentColor", strokeDasharray: "2 2", fill: "none", inset: 1}
          )
        : null,
      cellWidth >= 26
        ? Plot.text(cells, {
            x: "period",
            y: "cohort",
            text: (d: HeatmapCell) => (value(d) === null ? "" : `${Math.round(value(d)! * 100)}`),
            fontSize: 9,
            fill: (d: HeatmapCell) => (d.period > 0 && (value(d) ?? 0) > 0.5 ? "white" : "black")
          })
        : null,
      Plot.ruleY([cohorts[1]], {dy: -9, stroke: "currentColor"}),
      Plot.tip(
        cells,
        Plot.pointer({
          x: "period",
          y: "cohort",
          title: (d: HeatmapCell) =>
            [
              t().charts.cohortTip(d.cohort === ALL_COHORTS ? t().charts.allCohorts : d.cohort, d.period),
              d.active === undefined || d.retention === undefined
                ? null
                : t().charts.customersTip(formatCount(d.active), formatCount(d.members), formatShare(d.retention)),
              t().charts.revenueTip(
                formatCents(d.revenue_cents),
                d.revenue_retention === null ? "" : formatShare(d.revenue_retention)
              ),
              t().charts.ltvTip(formatCents(d.ltv_cents))
            ]
              .filter((line) => line !== null)
              .join("\n")
        })
      )
    ]
  }) as SVGSVGElement;
}
