/**
 * MigrationMatrix(rows, {width}): customers moving from segment (rows) to segment (columns);
 * the diagonal is who stayed. FlowChart(rows, {width}): the same as flows between two columns.
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

export function MigrationMatrix(rows: MigrationRow[], {width = 640, fromLabel = t().common.from, toLabel = t().common.to}: {width?: number; fromLabel?: string; toLabel?: string} = {}): HTMLElement | SVGSVGElement {
  if (rows.length === 0) return emptyState();
  width = Math.max(width, 360); // wider than the margins, whatever resize() reports first
  const from = [...new Set(rows.map((r) => r.from))].sort();
  const to = [...new Set(rows.map((r) => r.to))].sort();
  return Plot.plot({
    width,
    height: 60 + from.length * 30,
    marginLeft: 130,
    marginBottom: 90,
    x: {label: toLabel, domain: to, tickRotate: -35},
    y: {label: fromLabel, domain: from},
    color: {scheme: "purples", type: "sqrt", legend: true, label: t().common.customers},
    marks: [
      Plot.cell(rows, {x: "to", y: "from", fill: "customers", inset: 0.5, stroke: (d: MigrationRow) => (d.from === d.to ? "currentColor" : null)}),
      Plot.text(rows, {x: "to", y: "from", text: (d: MigrationRow) => formatCount(d.customers), fill: "currentColor", stroke: "white", strokeWidth: 3, paintOrder: "stroke"}),
      Plot.tip(rows, Plot.pointer({x: "to", y: "from", title: (d: MigrationRow) => `${d.from} → ${d.to}\n${t().common.customers}: ${formatCount(d.customers)}\n${t().common.revenue}: ${formatCents(d.revenue_cents)}`}))
    ]
  }) as SVGSVGElement;
}

export function FlowChart(rows: MigrationRow[], {width = 640, fromLabel = t().common.before, toLabel = t().common.after}: {width?: number; fromLabel?: string; toLabel?: string} = {}): HTMLElement | SVGSVGElement {
  if (rows.length === 0) return emptyState();
  width = Math.max(width, 420);
  const order = [...new Set([...rows.map((r) => r.from), ...rows.map((r) => r.to)])].sort();
  const y = new Map(order.map((s, i) => [s, i]));
  const max = Math.max(...rows.map((r) => r.customers));
  return Plot.plot({
    width,
    height: 40 + order.length * 32,
    marginLeft: 140,
    marginRight: 140,
    x: {axis: "top", domain: [fromLabel, toLabel], label: null},
    y: {axis: null, domain: [-0.5, order.length - 0.5], reverse: true},
    marks: [
      Plot.link(rows.filter((r) => r.customers > 0), {
        x1: () => fromLabel, x2: () => toLabel, y1: (d: MigrationRow) => y.get(d.from), y2: (d: MigrationRow) => y.get(d.to),
        strokeWidth: (d: MigrationRow) => 1 + (14 * d.customers) / max, strokeOpacity: 0.35,
        stroke: (d: MigrationRow) => (d.from === d.to ? "#999" : "#7b3294"), curve: "bump-x",
        title: (d: MigrationRow) => `${d.from} → ${d.to}: ${formatCount(d.customers)}`
      }),
      Plot.text(order, {x: () => fromLabel, y: (s: string) => y.get(s), text: (s: string) => s, textAnchor: "end", dx: -6}),
      Plot.text(order, {x: () => toLabel, y: (s: string) => y.get(s), text: (s: string) => s, textAnchor: "start", dx: 6})
    ]
  }) as SVGSVGElement;
}
