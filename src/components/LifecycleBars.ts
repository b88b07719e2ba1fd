/**
 * LifecycleBars(months, {width}): per month, new, returning and resurrecting customers
 * stacked above zero and dormant customers (active last month, not this one) below it.
 */
import * as Plot from "@observablehq/plot";
import {formatCount} from "../lib/format.js";
import type {LifecycleMonth} from "../lib/lifecycle.js";
import {emptyState} from "./empty.js";

export const LIFECYCLE_COLORS = {domain: ["new", "returning", "resurrecting", "dormant"], range: ["#1b9e77", "#7570b3", "#66a61e", "#d95f02"]};

export function LifecycleBars(months: LifecycleMonth[], {width = 800}: {width?: number} = {}): HTMLElement | SVGSVGElement {
  if (months.length === 0) return emptyState();
  width = Math.max(width, 360);
  const long = months.flatMap((m) => [
    {month: m.month, state: "new", customers: m.new},
    {month: m.month, state: "returning", customers: m.returning},
    {month: m.month, state: "resurrecting", customers: m.resurrecting},
    {month: m.month, state: "dormant", customers: -m.dormant}
  ]);
  return Plot.plot({
    width,
    height: 340,
    x: {label: null, domain: months.map((m) => m.month), tickFormat: (d: string, i: number) => (months.length > 18 && i % 3 ? "" : d), tickRotate: -45},
    y: {label: "↑ Customers (dormant below zero)", grid: true, tickFormat: (d: number) => formatCount(Math.abs(d))},
    color: {...LIFECYCLE_COLORS, legend: true},
    marks: [
      Plot.barY(long, {x: "month", y: "customers", fill: "state", order: LIFECYCLE_COLORS.domain, tip: {format: {customers: (d: number) => formatCount(Math.abs(d))}}}),
      Plot.ruleY([0])
    ]
  }) as SVGSVGElement;
}
