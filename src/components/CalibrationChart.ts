/**
 * CalibrationChart(rows, {width}): the standard calibration/holdout chart of buy-till-you-die
 * models: mean holdout purchases per buyer, predicted and actual, by repeat purchases in the
 * calibration period (the last group is "7 or more").
 */
import * as Plot from "@observablehq/plot";
import {PREDICTION_COLORS} from "../lib/colors.js";
import {t} from "../lib/messages.js";
import {emptyState} from "./empty.js";

export interface CalibrationRow {
  repeats: number;
  customers: number;
  actual: number;
  predicted: number;
}

export function CalibrationChart(
  rows: CalibrationRow[],
  {width = 640}: {width?: number} = {}
): HTMLElement | SVGSVGElement {
  if (rows.length === 0) return emptyState();
  const m = t().clv;
  const long = rows.flatMap((r) => [
    {
      repeats: r.repeats === 7 ? "7+" : String(r.repeats),
      series: "predicted",
      value: r.predicted,
      customers: r.customers
    },
    {repeats: r.repeats === 7 ? "7+" : String(r.repeats), series: "actual", value: r.actual, customers: r.customers}
  ]);
  const name = (s: string) => (s === "predicted" ? m.predicted : m.actual);
  return Plot.plot({
    width: Math.max(width, 320),
    height: 300,
    x: {label: m.repeatsBefore, domain: long.filter((d) => d.series === "actual").map((d) => d.repeats)},
    y: {label: m.perBuyer, grid: true},
    color: {...PREDICTION_COLORS, legend: true, tickFormat: name},
    marks: [
      Plot.line(
        long.filter((d) => d.series === "actual"),
        {x: "repeats", y: "value", stroke: "series"}
      ),
      Plot.line(
        long.filter((d) => d.series === "predicted"),
        {x: "repeats", y: "value", stroke: "series", strokeDasharray: "5,3"}
      ),
      Plot.dot(long, {
        x: "repeats",
        y: "value",
        fill: "series",
        tip: true,
        title: (d: {series: string; value: number; customers: number}) =>
          `${name(d.series)}: ${d.value.toFixed(2)} (${d.customers})`
      }),
      Plot.ruleY([0])
    ]
  }) as SVGSVGElement;
}
