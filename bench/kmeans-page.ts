/**
 * Entry bundled by bench/models.ts for Chromium: the clusters page's k-means (src/lib/clusters.ts)
 * and, as the floor, one plain k-means iteration (assign every buyer to the nearest of k centres,
 * then move the centres) over the same standardized features.
 */
import {type Buyer, cluster, features, scaling} from "../src/lib/clusters.js";

function oneIteration(buyers: readonly Buyer[], k: number): number {
  const raw = buyers.map((b) => features(b));
  const {mean, sd} = scaling(raw);
  const points = raw.map((r) => r.map((v, j) => (v - mean[j]) / sd[j]));
  const centres = points.slice(0, k).map((p) => [...p]);
  const sums = centres.map(() => [0, 0, 0, 0]);
  for (const p of points) {
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const d = (p[0] - centres[c][0]) ** 2 + (p[1] - centres[c][1]) ** 2 + (p[2] - centres[c][2]) ** 2;
      if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    for (let j = 0; j < 3; j++) sums[best][j] += p[j];
    sums[best][3]++;
  }
  return sums.reduce((s, c) => s + c[3], 0);
}

function time(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

(globalThis as unknown as {bench: unknown}).bench = (
  recency: number[],
  orders: number[],
  revenue: number[],
  k: number
) => {
  const buyers = recency.map((r, i) => ({recency_days: r, orders: orders[i], revenue_cents: revenue[i]}));
  return {kmeansMs: time(() => cluster(buyers, k)), iterationMs: time(() => oneIteration(buyers, k))};
};
