/**
 * PeriodBars(rows, {width, label, format}): one bar per period on a labelled axis, the last
 * one (the reported period) darker and labelled with its value; a suppressed period (value
 * null) has no bar.
 * Drawn at build time for the leadership report, so it needs no interaction.
 */
import * as Plot from "@observablehq/plot";
import {emptyState} from "./empty.js";

export interface PeriodValue {
  id: string;
  value: number | null;
}

export function PeriodBars(
  rows: PeriodValue[],
  {width = 640, label, format}: {width?: number; label: string; format: (v: number) => string}
): HTMLElement | SVGSVGElement {
  const shown = rows.filter((r): r is {id: string; value: number} => r.value !== null);
  if (shown.length === 0) return emptyState();
  const last = rows.at(-1)?.id;
  return Plot.plot({
    width,
    height: 170,
    ariaLabel: label,
    marginLeft: 70,
    marginTop: 20,
    x: {domain: rows.map((r) => r.id), label: null, tickSize: 0, tickFormat: (id: string) => id.slice(2)},
    y: {label: null, grid: true, ticks: 4, tickFormat: format},
    marks: [
      Plot.barY(shown, {x: "id", y: "value", fill: (d: PeriodValue) => (d.id === last ? "#4269d0" : "#a8b8e8")}),
      Plot.text(
        shown.filter((d) => d.id === last),
        {x: "id", y: "value", text: (d: {value: number}) => format(d.value), dy: -8, fontSize: 10}
      ),
      Plot.ruleY([0])
    ]
  }) as SVGSVGElement | HTMLElement;
}
