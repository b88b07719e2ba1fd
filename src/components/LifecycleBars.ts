/**
 * LifecycleBars(months, {width}): per month, new, returning and resurrecting customers
 * stacked above zero and dormant customers (active last month, not this one) below it; the
 * first month of data (`dataStart`) starred, a partial last month (`partial`) outlined dashed.
 */
import * as Plot from "@observablehq/plot";
import {formatCount} from "../lib/format.js";
import type {LifecycleMonth} from "../lib/lifecycle.js";
import {emptyState} from "./empty.js";
import {stateName, t} from "../lib/messages.js";

import {LIFECYCLE_COLORS} from "../lib/colors.js";

export function LifecycleBars(
  months: LifecycleMonth[],
  {width = 800, dataStart, partial = false}: {width?: number; dataStart?: string; partial?: boolean} = {}
): HTMLElement | SVGSVGElement {
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
    // The first month of data is starred (customers active before the data start count as new
    // there); a partial last month is outlined dashed.
    x: {
      label: null,
      domain: months.map((m) => m.month),
      tickFormat: (d: string, i: number) => (d === dataStart ? `${d} *` : months.length > 18 && i % 3 ? "" : d),
      tickRotate: -45
    },
    y: {label: t().charts.lifecycleY, grid: true, tickFormat: (d: number) => formatCount(Math.abs(d))},
    color: {...LIFECYCLE_COLORS, legend: true, tickFormat: stateName},
    marks: [
      Plot.barY(long, {
        x: "month",
        y: "customers",
        fill: "state",
        order: LIFECYCLE_COLORS.domain,
        tip: {format: {customers: (d: number) => formatCount(Math.abs(d))}}
      }),
      partial
        ? Plot.barY([months.at(-1)!], {
            x: "month",
            y1: (m: LifecycleMonth) => -m.dormant,
            y2: (m: LifecycleMonth) => m.new + m.returning + m.resurrecting,
            fill: "none",
            stroke: "currentColor",
            strokeDasharray: "3 2"
          })
        : null,
      Plot.ruleY([0])
    ]
  }) as SVGSVGElement;
}
