/**
 * MigrationMatrix(rows, {width}): customers moving from segment (rows) to segment (columns);
 * the diagonal is who stayed (FlowChart.ts draws the same as flows).
 */
import * as Plot from "@observablehq/plot";
import {formatCents, formatCount} from "../lib/format.js";
import {emptyState} from "./empty.js";
import {t} from "../lib/messages.js";

export interface MigrationRow {
  from: string;
  to: string;
  customers: number;
  revenue_cents: number;
}

export function MigrationMatrix(
  rows: MigrationRow[],
  {
    width = 640,
    fromLabel = t().common.from,
    toLabel = t().common.to
  }: {width?: number; fromLabel?: string; toLabel?: string} = {}
): HTMLElement | SVGSVGElement {
  if (rows.length === 0) return emptyState();
  width = Math.max(width, 360); // wider than the margins, whatever resize() reports first
  const from = [...new Set(rows.map((r) => r.from))].sort();
  const to = [...new Set(rows.map((r) => r.to))].sort();
  return Plot.plot({
    width,
    height: 120 + from.length * 30,
    marginLeft: 130,
    marginBottom: 90,
    x: {label: toLabel, domain: to, tickRotate: -35},
    y: {label: fromLabel, domain: from},
    // From 0: with one cell (everyone in one tier) a domain of its own count alone drew a
    // legend of a single point labelled "3,934.000000".
    color: {
      scheme: "purples",
      type: "sqrt",
      domain: [0, Math.max(1, ...rows.map((r) => r.customers))],
      legend: true,
      label: t().common.customers,
      tickFormat: formatCount
    },
    marks: [
      Plot.cell(
        rows,
        {
          x: "to",
          y: "from",
          fill: "customers",
          inset: 0.5,
          stroke: (d: MigrationRow) => (d.from === d.to ? "currentColor" : "none")
        } /* null would drop the cell */
      ),
      Plot.text(rows, {
        x: "to",
        y: "from",
        text: (d: MigrationRow) => formatCount(d.customers),
        fill: "currentColor",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke"
      }),
      Plot.tip(
        rows,
        Plot.pointer({
          x: "to",
          y: "from",
          title: (d: MigrationRow) =>
            `${d.from} → ${d.to}\n${t().common.customers}: ${formatCount(d.customers)}\n${t().common.revenue}: ${formatCents(d.revenue_cents)}`
        })
      )
    ]
  }) as SVGSVGElement;
}
