/**
 * AtRiskTrend(trend, {width}): buyers at risk at each month end of the last year, by the model
 * (P(alive) below the threshold) and by the overdue rule. The model's line is absent when the
 * build has no P(alive) (see the model checks).
 */
import * as Plot from "@observablehq/plot";
import {SIGNAL_COLORS} from "../lib/colors.js";
import {t} from "../lib/messages.js";
import {emptyState} from "./empty.js";

export interface TrendPoint {
  date: string;
  buyers: number;
  atRiskModel: number | null;
  atRiskRule: number;
}

export function AtRiskTrend(trend: TrendPoint[], {width = 640}: {width?: number} = {}): HTMLElement | SVGSVGElement {
  if (trend.length === 0) return emptyState();
  const m = t().churn;
  const long = trend.flatMap((p) => [
    ...(p.atRiskModel === null ? [] : [{date: new Date(p.date), signal: "model", value: p.atRiskModel}]),
    {date: new Date(p.date), signal: "rule", value: p.atRiskRule}
  ]);
  const name = (s: string) => (s === "model" ? m.trendModel : m.trendRule);
  return Plot.plot({
    width: Math.max(width, 320),
    height: 260,
    x: {label: null, type: "utc"},
    y: {label: t().charts.customersAxis.replace(" →", ""), grid: true},
    color: {...SIGNAL_COLORS, legend: true, tickFormat: name},
    marks: [
      Plot.line(long, {x: "date", y: "value", stroke: "signal"}),
      Plot.dot(long, {x: "date", y: "value", fill: "signal", tip: true}),
      Plot.ruleY([0])
    ]
  }) as SVGSVGElement;
}
