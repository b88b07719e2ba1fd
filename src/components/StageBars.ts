/**
 * StageBars(counts, {width}): customers per lifecycle stage, in lifecycle order.
 */
import * as Plot from "@observablehq/plot";
import {formatCount} from "../lib/format.js";
import {STAGES} from "../lib/stages.js";
import {emptyState} from "./empty.js";
import {stageName, t} from "../lib/messages.js";

import {STAGE_COLORS} from "../lib/colors.js";

export function StageBars(
  counts: {stage: string; customers: number}[],
  {width = 640}: {width?: number} = {}
): HTMLElement | SVGSVGElement {
  if (counts.length === 0) return emptyState();
  width = Math.max(width, 320);
  return Plot.plot({
    width,
    height: 40 + STAGES.length * 30,
    marginLeft: 110,
    marginRight: 60,
    x: {label: t().charts.customersAxis, grid: true},
    y: {label: null, domain: [...STAGES], tickFormat: stageName},
    color: STAGE_COLORS,
    marks: [
      Plot.barX(counts, {x: "customers", y: "stage", fill: "stage"}),
      Plot.text(counts, {
        x: "customers",
        y: "stage",
        text: (d: {customers: number}) => formatCount(d.customers),
        dx: 4,
        textAnchor: "start"
      }),
      Plot.ruleX([0])
    ]
  }) as SVGSVGElement;
}
