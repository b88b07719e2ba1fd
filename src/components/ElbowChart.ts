/**
 * ElbowChart(scores, {width, k}): inertia per buyer (the elbow) and mean silhouette for each k,
 * side by side, each on its own scale, the chosen k marked.
 */
import * as Plot from "@observablehq/plot";
import type {KScore} from "../lib/clusters.js";
import {t} from "../lib/messages.js";
import {emptyState} from "./empty.js";

export function ElbowChart(scores: KScore[], {width = 640, k}: {width?: number; k?: number} = {}): HTMLElement {
  if (scores.length === 0) return emptyState();
  const m = t().clusters;
  const half = Math.max(280, Math.floor(width / 2) - 10);
  const chart = (y: "inertia" | "silhouette", label: string) =>
    Plot.plot({
      width: half,
      height: 220,
      x: {label: "k", ticks: scores.map((s) => s.k), tickFormat: "d"},
      y: {label, grid: true, zero: y === "inertia"},
      marks: [
        Plot.line(scores, {x: "k", y, stroke: "#4e79a7"}),
        Plot.dot(scores, {x: "k", y, fill: (d: KScore) => (d.k === k ? "#e15759" : "#4e79a7"), r: 4, tip: true})
      ]
    });
  const div = document.createElement("div");
  div.style.display = "flex";
  div.style.flexWrap = "wrap";
  div.style.gap = "20px";
  div.append(chart("inertia", m.inertia), chart("silhouette", m.silhouette));
  return div;
}
