/**
 * UpliftChart(rows, {width}): one row per campaign (or segment): the uplift estimate as a dot,
 * its 95 % interval as a line, zero as a rule, and the true uplift as a ring where it is known
 * (the built-in sample). Rows too small to say anything are drawn grey.
 */
import * as Plot from "@observablehq/plot";
import {formatPoints} from "../lib/format.js";
import {t} from "../lib/messages.js";
import {emptyState} from "./empty.js";

export interface UpliftRow {
  label: string;
  estimate: number;
  low: number;
  high: number;
  /** The uplift the data was made with (built-in sample only). */
  truth?: number | null;
  small?: boolean;
}

export function UpliftChart(rows: UpliftRow[], {width = 640}: {width?: number} = {}): HTMLElement | SVGSVGElement {
  if (rows.length === 0) return emptyState();
  const m = t().campaigns;
  const colour = (r: UpliftRow) => (r.small ? "#aaa" : "#4269d0");
  const truths = rows.filter((r) => r.truth != null);
  return Plot.plot({
    width: Math.max(width, 320),
    height: 40 + 34 * rows.length,
    marginLeft: 170,
    x: {label: m.upliftAxis, tickFormat: formatPoints, grid: true},
    y: {label: null, domain: rows.map((r) => r.label)},
    marks: [
      Plot.ruleX([0]),
      Plot.link(rows, {x1: "low", x2: "high", y1: "label", y2: "label", stroke: colour, strokeWidth: 3}),
      Plot.dot(rows, {
        x: "estimate",
        y: "label",
        fill: colour,
        r: 5,
        tip: true,
        title: (r: UpliftRow) =>
          `${r.label}: ${formatPoints(r.estimate)} [${formatPoints(r.low)}, ${formatPoints(r.high)}]`
      }),
      Plot.dot(truths, {x: "truth", y: "label", stroke: "#d62728", r: 8, strokeWidth: 1.5}),
      Plot.text(truths.slice(0, 1), {x: "truth", y: "label", text: () => m.truth, dy: -14, fill: "#d62728"})
    ]
  }) as SVGSVGElement;
}
