/** QualityBars(reasons, {width}): rows per outcome and reason for one input file. */
import * as Plot from "@observablehq/plot";
import {OUTCOME_COLORS} from "../lib/colors.js";
import {emptyState} from "./empty.js";
import {formatCount} from "../lib/format.js";
import {t} from "../lib/messages.js";

export interface QualityBarRow {
  outcome: string;
  reason: string | null;
  rows: number;
}

export function QualityBars(
  reasons: QualityBarRow[],
  {width = 640}: {width?: number} = {}
): HTMLElement | SVGSVGElement {
  if (reasons.length === 0) return emptyState(t().common.noRows);
  width = Math.max(width, 420); // the margins alone take 290 px
  const data = reasons.map((r) => ({
    ...r,
    label: r.reason ? (t().quality.reasonNames[r.reason] ?? r.reason) : (t().outcomes[r.outcome] ?? r.outcome)
  }));
  return Plot.plot({
    width,
    height: 30 + data.length * 26,
    marginLeft: 220,
    marginRight: 70,
    x: {label: t().charts.rowsAxis, grid: true, ticks: 5},
    // A long reason is cut to fit the margin; the tip shows it whole.
    y: {
      label: null,
      domain: data.map((d) => d.label),
      tickFormat: (d: string) => (d.length > 34 ? `${d.slice(0, 33)}…` : d)
    },
    color: {...OUTCOME_COLORS, legend: true, tickFormat: (d: string) => t().outcomes[d] ?? d},
    marks: [
      Plot.barX(data, {x: "rows", y: "label", fill: "outcome", tip: true}),
      Plot.text(data, {
        x: "rows",
        y: "label",
        text: (d: {rows: number}) => formatCount(d.rows),
        dx: 4,
        textAnchor: "start"
      }),
      Plot.ruleX([0])
    ]
  }) as SVGSVGElement;
}
