/**
 * ShareBars(rows, {width}): each group's share of customers beside its share of revenue, so
 * a group that brings more revenue than its headcount stands out.
 */
import * as Plot from "@observablehq/plot";
import type {ContributionRow} from "../lib/contribution.js";
import {SHARE_COLORS} from "../lib/colors.js";
import {emptyState} from "./empty.js";
import {formatShare} from "../lib/format.js";
import {t} from "../lib/messages.js";

export interface ShareBarsOptions {
  width?: number;
  /** Label of the grouping, e.g. "Region". */
  label?: string;
}

export function ShareBars(
  rows: ContributionRow[],
  {width = 640, label = t().common.group}: ShareBarsOptions = {}
): HTMLElement | SVGSVGElement {
  if (rows.length === 0) return emptyState();
  // resize() can report a near-zero width before layout settles: never draw narrower than the margins need.
  width = Math.max(width, 320);
  const long = rows.flatMap((r) => [
    {group: r.group, measure: "Customers", share: r.customer_share},
    {group: r.group, measure: "Revenue", share: r.revenue_share}
  ]);
  // One band per group, customers in its upper half and revenue in its lower half: the same
  // picture as a bar pair per facet, at a fraction of the drawing cost (pages redraw it on
  // every input change).
  const [marginTop, marginBottom, step] = [10, 36, 40];
  const half = (measure: string) =>
    measure === "Customers" ? {insetTop: 3, insetBottom: step / 2} : {insetTop: step / 2, insetBottom: 3};
  return Plot.plot({
    width,
    height: marginTop + marginBottom + rows.length * step,
    marginTop,
    marginBottom,
    marginLeft: 120,
    x: {label: t().charts.shareAxis, tickFormat: "%", grid: true},
    y: {label, domain: rows.map((r) => r.group), padding: 0, tickSize: 0},
    color: {
      domain: SHARE_COLORS.domain,
      range: SHARE_COLORS.range,
      legend: true,
      tickFormat: (d: string) => (d === "Customers" ? t().common.customers : t().common.revenue)
    },
    marks: [
      ...SHARE_COLORS.domain.map((measure) =>
        Plot.barX(
          long.filter((d) => d.measure === measure),
          {
            x: "share",
            y: "group",
            fill: "measure",
            ...half(measure),
            tip: {format: {fill: false, x: (v: number) => formatShare(v)}}
          }
        )
      ),
      Plot.ruleX([0])
    ]
  }) as SVGSVGElement | HTMLElement;
}
