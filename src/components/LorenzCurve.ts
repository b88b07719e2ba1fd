/**
 * LorenzCurve(points, {width, topPercent, topShare, gini}): cumulative share of revenue over
 * customers sorted from the largest spender down, against the diagonal of equal spend, with
 * the "top x % bring y %" point marked.
 */
import * as Plot from "@observablehq/plot";
import {formatShare} from "../lib/format.js";
import type {LorenzPoint} from "../lib/pareto.js";
import {emptyState} from "./empty.js";
import {t} from "../lib/messages.js";

export interface LorenzOptions {
  width?: number;
  topPercent?: number;
  topShare?: number | null;
  gini?: number | null;
}

export function LorenzCurve(
  points: LorenzPoint[],
  {width = 560, topPercent, topShare, gini}: LorenzOptions = {}
): HTMLElement | SVGSVGElement {
  if (points.length <= 1) return emptyState();
  width = Math.max(width, 280);
  const size = Math.min(width, 560);
  const marker =
    topPercent !== undefined && topShare !== undefined && topShare !== null ? [{x: topPercent / 100, y: topShare}] : [];
  return Plot.plot({
    width: size,
    height: size * 0.85,
    x: {label: t().charts.lorenzX, domain: [0, 1], tickFormat: "%", grid: true},
    y: {label: t().charts.lorenzY, domain: [0, 1], tickFormat: "%", grid: true},
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1]
        ],
        {stroke: "#aaa", strokeDasharray: "4 3"}
      ),
      Plot.areaY(points, {x: "customer_share", y: "revenue_share", fill: "#e78ac3", fillOpacity: 0.15}),
      Plot.line(points, {x: "customer_share", y: "revenue_share", stroke: "#c51b7d", strokeWidth: 2}),
      Plot.ruleX(marker, {x: "x", y1: 0, y2: "y", strokeDasharray: "2 2"}),
      Plot.ruleY(marker, {y: "y", x1: 0, x2: "x", strokeDasharray: "2 2"}),
      Plot.dot(marker, {x: "x", y: "y", fill: "#c51b7d", r: 4}),
      Plot.text(marker, {
        x: "x",
        y: "y",
        text: (d: {x: number; y: number}) => t().charts.lorenzMarker(formatShare(d.x), formatShare(d.y)),
        dx: 8,
        dy: 12,
        textAnchor: "start"
      }),
      gini === undefined || gini === null
        ? null
        : Plot.text([t().charts.gini(gini.toFixed(3))], {frameAnchor: "bottom-right", dx: -8, dy: -8}),
      Plot.tip(
        points,
        Plot.pointerX({
          x: "customer_share",
          y: "revenue_share",
          title: (d: LorenzPoint) => t().charts.lorenzTip(formatShare(d.customer_share), formatShare(d.revenue_share))
        })
      )
    ]
  }) as SVGSVGElement;
}
