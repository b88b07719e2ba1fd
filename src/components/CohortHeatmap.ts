/**
 * CohortHeatmap(cells, {width, measure}): cohorts (rows) by periods since first purchase
 * (columns), coloured and labelled by customer or revenue retention. The pooled "All cohorts"
 * row sits on top, set apart by a rule.
 */
import * as Plot from "@observablehq/plot";
import {ALL_COHORTS, type CohortCell} from "../lib/cohorts.js";
import {formatCents, formatCount, formatShare} from "../lib/format.js";
import {emptyState} from "./empty.js";

export type RetentionMeasure = "retention" | "revenue_retention";

const LABEL: Record<RetentionMeasure, string> = {retention: "Customer retention", revenue_retention: "Revenue retention"};

export function CohortHeatmap(cells: CohortCell[], {width = 800, measure = "retention", periodLabel = "Months since first purchase"}: {width?: number; measure?: RetentionMeasure; periodLabel?: string} = {}): HTMLElement | SVGSVGElement {
  if (cells.length === 0) return emptyState();
  width = Math.max(width, 480);
  const cohorts = [ALL_COHORTS, ...[...new Set(cells.map((c) => c.cohort))].filter((c) => c !== ALL_COHORTS).sort()];
  const periods = Math.max(...cells.map((c) => c.period)) + 1;
  const value = (d: CohortCell) => d[measure];
  const cellWidth = (width - 110) / periods;
  return Plot.plot({
    width,
    height: 50 + cohorts.length * 18,
    marginLeft: 90,
    padding: 0.04,
    x: {axis: "top", label: periodLabel, domain: Array.from({length: periods}, (_, i) => i), tickFormat: (p: number) => (periods > 24 && p % 3 ? "" : String(p))},
    y: {label: null, domain: cohorts},
    // Ten-point bins read more easily than a gradient; revenue retention above 100 % (or below
    // zero, after returns) falls in the top (bottom) bin and the label tells the number.
    color: {type: "threshold", scheme: "ylgnbu", domain: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], legend: true, label: LABEL[measure], tickFormat: "%"},
    marks: [
      Plot.cell(cells, {x: "period", y: "cohort", fill: value, inset: 0}),
      cellWidth >= 26
        ? Plot.text(cells, {x: "period", y: "cohort", text: (d: CohortCell) => (value(d) === null ? "" : `${Math.round(value(d)! * 100)}`), fontSize: 9, fill: (d: CohortCell) => ((value(d) ?? 0) > 0.5 ? "white" : "black")})
        : null,
      Plot.ruleY([cohorts[1]], {dy: -9, stroke: "currentColor"}),
      Plot.tip(cells, Plot.pointer({x: "period", y: "cohort", title: (d: CohortCell) =>
        `${d.cohort}, period ${d.period}\n${formatCount(d.active)} of ${formatCount(d.members)} customers (${formatShare(d.retention)})\n` +
        `revenue ${formatCents(d.revenue_cents)}${d.revenue_retention === null ? "" : ` (${formatShare(d.revenue_retention)} of period 0)`}\nLTV ${formatCents(d.ltv_cents)}`}))
    ]
  }) as SVGSVGElement;
}
