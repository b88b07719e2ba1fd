/**
 * FlowChart(rows, {width, fromLabel, toLabel}): customers moving between groups (segments or
 * stages) at two dates, as links whose width is the number of customers (grey: stayed).
 */
import * as Plot from "@observablehq/plot";
import {formatCount} from "../lib/format.js";
import {t} from "../lib/messages.js";
import {emptyState} from "./empty.js";
import type {MigrationRow} from "./MigrationMatrix.js";

export function FlowChart(
  rows: MigrationRow[],
  {
    width = 640,
    fromLabel = t().common.before,
    toLabel = t().common.after
  }: {width?: number; fromLabel?: string; toLabel?: string} = {}
): HTMLElement | SVGSVGElement {
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
      Plot.link(
        rows.filter((r) => r.customers > 0),
        {
          x1: () => fromLabel,
          x2: () => toLabel,
          y1: (d: MigrationRow) => y.get(d.from),
          y2: (d: MigrationRow) => y.get(d.to),
          strokeWidth: (d: MigrationRow) => 1 + (14 * d.customers) / max,
          strokeOpacity: 0.35,
          stroke: (d: MigrationRow) => (d.from === d.to ? "#999" : "#7b3294"),
          curve: "bump-x",
          title: (d: MigrationRow) => `${d.from} → ${d.to}: ${formatCount(d.customers)}`
        }
      ),
      Plot.text(order, {
        x: () => fromLabel,
        y: (s: string) => y.get(s),
        text: (s: string) => s,
        textAnchor: "end",
        dx: -6
      }),
      Plot.text(order, {
        x: () => toLabel,
        y: (s: string) => y.get(s),
        text: (s: string) => s,
        textAnchor: "start",
        dx: 6
      })
    ]
  }) as SVGSVGElement;
}
