/**
 * KpiTrends(months, {width}): one small line chart per monthly KPI (active and new customers,
 * repeat purchase rate, retention rate, average order value, purchase frequency), each on its
 * own scale, in a grid.
 */
import * as Plot from "@observablehq/plot";
import {currencySymbol, formatCents, formatCount, formatShare} from "../lib/format.js";
import {t} from "../lib/messages.js";
import type {LifecycleMonth} from "../lib/lifecycle.js";
import {emptyState} from "./empty.js";

interface Kpi {
  key: string;
  value: (m: LifecycleMonth) => number | null;
  format: (v: number) => string;
  percent?: boolean;
}

export const KPIS: Kpi[] = [
  {key: "active", value: (m) => m.active, format: formatCount},
  {key: "new", value: (m) => m.new, format: formatCount},
  {key: "repeat_rate", value: (m) => m.repeat_rate, format: formatShare, percent: true},
  {key: "retention_rate", value: (m) => m.retention_rate, format: formatShare, percent: true},
  {key: "aov", value: (m) => (m.aov_cents === null ? null : m.aov_cents / 100), format: (v) => formatCents(v * 100)},
  {key: "frequency", value: (m) => m.frequency, format: (v) => v.toFixed(2)}
];

export function KpiTrends(months: LifecycleMonth[], {width = 800}: {width?: number} = {}): HTMLElement {
  if (months.length === 0) return emptyState();
  const columns = width >= 720 ? 3 : width >= 480 ? 2 : 1;
  const chartWidth = Math.max(200, Math.floor(width / columns) - 12);
  const grid = document.createElement("div");
  grid.className = "kpi-trends";
  grid.style.display = "grid";
  grid.style.gridTemplateColumns = `repeat(${columns}, 1fr)`;
  grid.style.gap = "12px";
  for (const kpi of KPIS) {
    const points = months
      .map((m) => ({month: new Date(`${m.month}-01T00:00:00Z`), value: kpi.value(m)}))
      .filter((p) => p.value !== null);
    const last = points.at(-1);
    const figure = document.createElement("figure");
    figure.dataset.kpi = kpi.key;
    const caption = document.createElement("figcaption");
    const label = kpi.key === "aov" ? `${t().charts.kpis.aov} (${currencySymbol()})` : t().charts.kpis[kpi.key];
    caption.textContent = `${label}${last ? `: ${kpi.format(last.value!)}` : ""}`;
    figure.append(
      caption,
      Plot.plot({
        width: chartWidth,
        height: 140,
        marginLeft: 48,
        x: {type: "utc", label: null, ticks: 4},
        y: {label: null, grid: true, zero: true, tickFormat: kpi.percent ? "%" : "~s", ticks: 4},
        marks: [
          Plot.lineY(points, {x: "month", y: "value", stroke: "#3b6ea5"}),
          Plot.tip(
            points,
            Plot.pointerX({
              x: "month",
              y: "value",
              title: (p: {month: Date; value: number}) => `${p.month.toISOString().slice(0, 7)}: ${kpi.format(p.value)}`
            })
          )
        ]
      }) as SVGSVGElement
    );
    grid.append(figure);
  }
  return grid;
}
