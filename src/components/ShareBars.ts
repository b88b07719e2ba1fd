/**
 * ShareBars(rows, {width}): each group's share of customers beside its share of revenue, so
 * a group that brings more revenue than its headcount stands out.
 */
import * as Plot from "@observablehq/plot";
import type {ContributionRow} from "../lib/contribution.js";
import {SHARE_COLORS} from "../lib/colors.js";
import {emptyState} from "./empty.js";

export interface ShareBarsOptions {
  width?: number;
  /** Label of the grouping, e.g. "Region". */
  label?: string;
}

export function ShareBars(rows: ContributionRow[], {width = 640, label = "Group"}: ShareBarsOptions = {}): HTMLElement | SVGSVGElement {
  if (rows.length === 0) return emptyState();
  // resize() can report a near-zero width before layout settles: never draw narrower than the margins need.
  width = Math.max(width, 320);
  const long = rows.flatMap((r) => [
    {group: r.group, measure: "Customers", share: r.customer_share},
    {group: r.group, measure: "Revenue", share: r.revenue_share}
  ]);
  return Plot.plot({
    width,
    height: 30 + rows.length * 44,
    marginLeft: 120,
    x: {label: "Share →", tickFormat: "%", grid: true},
    y: {axis: null, domain: SHARE_COLORS.domain},
    fy: {label, domain: rows.map((r) => r.group)},
    color: {domain: SHARE_COLORS.domain, range: SHARE_COLORS.range, legend: true},
    marks: [
      Plot.barX(long, {x: "share", y: "measure", fy: "group", fill: "measure", tip: true}),
      Plot.ruleX([0])
    ]
  }) as SVGSVGElement | HTMLElement;
}
