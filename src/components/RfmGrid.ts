/**
 * RfmGrid(cells, {width, scale, measure}): the R × F heatmap, coloured by customers, revenue or
 * mean monetary value. Wrapped in clickInput (clickInput.ts), a click on a cell (not a hover)
 * makes it the input's value, so a page drills down on clicks only.
 */
import * as Plot from "@observablehq/plot";
import {currencySymbol, formatCents, formatCount} from "../lib/format.js";
import type {GridCell} from "../lib/segments.js";
import {emptyState} from "./empty.js";
import {t} from "../lib/messages.js";

export type GridMeasure = "customers" | "revenue_cents" | "avg_monetary";

const label = (measure: GridMeasure): string =>
  measure === "customers"
    ? t().common.customers
    : measure === "revenue_cents"
      ? t().common.revenue
      : `${t().charts.meanMonetary} (${currencySymbol()})`;

export function RfmGrid(
  cells: GridCell[],
  {width = 480, scale = 5, measure = "customers"}: {width?: number; scale?: number; measure?: GridMeasure} = {}
): HTMLElement | SVGSVGElement {
  if (cells.length === 0) return emptyState();
  width = Math.max(width, 240);
  const scores = Array.from({length: scale}, (_, i) => i + 1);
  const text = (d: GridCell) =>
    measure === "customers"
      ? formatCount(d.customers)
      : measure === "revenue_cents"
        ? formatCents(d.revenue_cents)
        : formatCents(Math.round(d.avg_monetary) * 100);
  return Plot.plot({
    width: Math.min(width, 640),
    height: Math.min(width, 640) * 0.8,
    padding: 0.05,
    x: {label: t().charts.frequencyScore, domain: scores},
    y: {label: t().charts.recencyScore, domain: [...scores].reverse()},
    color: {scheme: "blues", legend: true, label: label(measure)},
    marks: [
      Plot.cell(cells, {x: "f_score", y: "r_score", fill: measure, inset: 0.5}),
      Plot.text(cells, {
        x: "f_score",
        y: "r_score",
        text,
        fill: "currentColor",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke"
      }),
      Plot.tip(
        cells,
        Plot.pointer({
          x: "f_score",
          y: "r_score",
          title: (d: GridCell) =>
            `R ${d.r_score} × F ${d.f_score}\n${t().common.customers}: ${formatCount(d.customers)}\n${t().common.revenue}: ${formatCents(d.revenue_cents)}`
        })
      )
    ]
  }) as SVGSVGElement;
}
