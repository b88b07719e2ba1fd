/**
 * LtvCurves(cells, {width}): cumulative net revenue per customer by periods since first
 * purchase, one thin line per cohort and a thick one for all cohorts pooled.
 */
import * as Plot from "@observablehq/plot";
import {ALL_COHORTS, type RevenueCell} from "../lib/cohorts.js";
import {formatCents} from "../lib/format.js";
import {emptyState} from "./empty.js";
import {currencySymbol} from "../lib/format.js";
import {t} from "../lib/messages.js";

export function LtvCurves(
  cells: RevenueCell[],
  {width = 640, periodLabel = t().cohorts.periodLabel("month")}: {width?: number; periodLabel?: string} = {}
): HTMLElement | SVGSVGElement {
  if (cells.length === 0) return emptyState();
  width = Math.max(width, 320);
  const cohorts = cells.filter((c) => c.cohort !== ALL_COHORTS);
  const pooled = cells.filter((c) => c.cohort === ALL_COHORTS);
  const yuan = (d: RevenueCell) => d.ltv_cents / 100;
  return Plot.plot({
    width,
    height: 320,
    x: {label: `${periodLabel} →`},
    y: {label: `${t().charts.ltvY} (${currencySymbol()})`, grid: true},
    marks: [
      Plot.line(cohorts, {x: "period", y: yuan, z: "cohort", stroke: "#9ecae1", strokeWidth: 1}),
      Plot.line(pooled, {x: "period", y: yuan, stroke: "#08519c", strokeWidth: 3}),
      Plot.text(pooled.slice(-1), {
        x: "period",
        y: yuan,
        text: () => t().charts.allCohorts,
        dx: -4,
        dy: -10,
        textAnchor: "end",
        fill: "#08519c"
      }),
      Plot.tip(
        cells,
        Plot.pointer({
          x: "period",
          y: yuan,
          title: (d: RevenueCell) =>
            `${d.cohort === ALL_COHORTS ? t().charts.allCohorts : d.cohort}, ${d.period}: ${t().charts.ltvTip(formatCents(d.ltv_cents))}`
        })
      )
    ]
  }) as SVGSVGElement;
}
