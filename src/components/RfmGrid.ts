/**
 * RfmGrid(cells, {width, scale, measure}): the R × F heatmap, coloured by customers, revenue or
 * mean monetary value. Clicking a cell makes it the figure's value (Plot's pointer), so a page
 * can drill down with view(RfmGrid(...)).
 */
import * as Plot from "@observablehq/plot";
import {formatCents, formatCount} from "../lib/format.js";
import type {GridCell} from "../lib/segments.js";
import {emptyState} from "./empty.js";

export type GridMeasure = "customers" | "revenue_cents" | "avg_monetary";

const LABEL: Record<GridMeasure, string> = {customers: "Customers", revenue_cents: "Revenue", avg_monetary: "Mean monetary (¥)"};

export function RfmGrid(cells: GridCell[], {width = 480, scale = 5, measure = "customers"}: {width?: number; scale?: number; measure?: GridMeasure} = {}): HTMLElement | SVGSVGElement {
  if (cells.length === 0) return emptyState();
  width = Math.max(width, 240);
  const scores = Array.from({length: scale}, (_, i) => i + 1);
  const text = (d: GridCell) => (measure === "customers" ? formatCount(d.customers) : measure === "revenue_cents" ? formatCents(d.revenue_cents) : `¥${Math.round(d.avg_monetary)}`);
  return Plot.plot({
    width: Math.min(width, 640),
    height: Math.min(width, 640) * 0.8,
    padding: 0.05,
    x: {label: "Frequency score →", domain: scores},
    y: {label: "↑ Recency score", domain: [...scores].reverse()},
    color: {scheme: "blues", legend: true, label: LABEL[measure]},
    marks: [
      Plot.cell(cells, {x: "f_score", y: "r_score", fill: measure, inset: 0.5}),
      Plot.text(cells, {x: "f_score", y: "r_score", text, fill: "currentColor", stroke: "white", strokeWidth: 3, paintOrder: "stroke"}),
      Plot.tip(cells, Plot.pointer({x: "f_score", y: "r_score", title: (d: GridCell) => `R ${d.r_score} × F ${d.f_score}\n${formatCount(d.customers)} customers\n${formatCents(d.revenue_cents)}`}))
    ]
  }) as SVGSVGElement;
}
