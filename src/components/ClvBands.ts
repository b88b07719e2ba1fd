/**
 * ClvBands(bands, {width}): buyers per band of CLV (the build's bands, 1-2-5 yuan scale).
 */
import * as Plot from "@observablehq/plot";
import {formatCount, formatWhole} from "../lib/format.js";
import {t} from "../lib/messages.js";
import {emptyState} from "./empty.js";

export interface ClvBand {
  from: number;
  to: number | null;
  customers: number;
}

/** A band's label in the page's currency: "¥500–¥1,000", "¥50,000+". */
export const bandLabel = (b: ClvBand): string =>
  b.to === null ? `${formatWhole(b.from)}+` : `${formatWhole(b.from)}–${formatWhole(b.to)}`;

export function ClvBands(bands: ClvBand[], {width = 640}: {width?: number} = {}): HTMLElement | SVGSVGElement {
  if (bands.every((b) => b.customers === 0)) return emptyState();
  const rows = bands.map((b) => ({...b, label: bandLabel(b)}));
  return Plot.plot({
    width: Math.max(width, 320),
    height: 280,
    marginBottom: 60,
    x: {label: t().clv.band, domain: rows.map((r) => r.label), tickRotate: -30},
    y: {label: t().charts.customersAxis.replace(" →", ""), grid: true},
    marks: [
      Plot.barY(rows, {x: "label", y: "customers", fill: "#4e79a7"}),
      Plot.text(rows, {x: "label", y: "customers", text: (d: ClvBand) => formatCount(d.customers), dy: -6}),
      Plot.ruleY([0])
    ]
  }) as SVGSVGElement;
}
