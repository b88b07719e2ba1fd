/**
 * CrossTab(cells, {width, rowLabel, colLabel, segments}): one box per row × column value,
 * shaded by revenue per customer, labelled with customers and revenue per customer, and with
 * a bar of the cell's segment mix along its bottom. Small cells show their count only.
 */
import * as Plot from "@observablehq/plot";
import {SMALL_CELL, type CrossCell} from "../lib/crosstab.js";
import {formatCents, formatCount, formatShare} from "../lib/format.js";
import {emptyState} from "./empty.js";
import {segmentName, t} from "../lib/messages.js";

export interface CrossTabOptions {
  width?: number;
  rowLabel?: string;
  colLabel?: string;
  /** Segment names in legend order (and their colours, optional). */
  segments?: string[];
}

export function CrossTab(
  cells: CrossCell[],
  {width = 800, rowLabel = "", colLabel = "", segments}: CrossTabOptions = {}
): HTMLElement | SVGSVGElement {
  if (cells.length === 0) return emptyState();
  width = Math.max(width, 360);
  const rows = [...new Set(cells.map((c) => c.row))].sort();
  const cols = [...new Set(cells.map((c) => c.col))].sort();
  const mix = cells.flatMap((c) => c.mix.map((m) => ({row: c.row, col: c.col, ...m})));
  const present = new Set(mix.map((m) => m.segment));
  // The given order for the segments present, then any others (e.g. "(no rule)").
  const order = [
    ...(segments ?? []).filter((s) => present.has(s)),
    ...[...present].filter((s) => !segments?.includes(s)).sort()
  ];
  const label = (c: CrossCell) =>
    c.suppressed
      ? t().demographics.fewCustomers(SMALL_CELL)
      : `${t().demographics.cellCustomers(formatCount(c.customers))}\n${formatCents(c.revenue_per_customer_cents!)}${t().demographics.perCustomer}`;
  return Plot.plot({
    width,
    height: 40 + rows.length * 78,
    marginLeft: 90,
    marginTop: 36,
    x: {axis: null, domain: [0, 1]},
    y: {axis: null, domain: [0, 1]},
    fx: {label: colLabel, domain: cols, axis: "top"},
    fy: {label: rowLabel, domain: rows},
    color: {domain: order, scheme: "paired", legend: true, tickFormat: segmentName},
    opacity: {type: "linear", range: [0.08, 0.6], label: t().charts.revenuePerCustomer},
    marks: [
      Plot.rect(cells, {
        fx: "col",
        fy: "row",
        x1: 0,
        x2: 1,
        y1: 0,
        y2: 1,
        fill: "#3b6ea5",
        fillOpacity: (c: CrossCell) => c.revenue_per_customer_cents,
        inset: 1
      }),
      Plot.text(cells, {fx: "col", fy: "row", x: 0.5, y: 0.62, text: label, fontSize: 10, lineHeight: 1.2}),
      Plot.rectX(
        mix,
        Plot.stackX({
          fx: "col",
          fy: "row",
          x: "share",
          y1: 0.06,
          y2: 0.24,
          fill: "segment",
          order,
          title: (m: {segment: string; customers: number; share: number}) =>
            `${segmentName(m.segment)}: ${formatCount(m.customers)} (${formatShare(m.share)})`
        })
      )
    ]
  }) as SVGSVGElement;
}
