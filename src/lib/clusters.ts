/**
 * k-means clusters of buyers on their RFM features, the same code at build time (the default
 * clusters published with the predictions) and in the browser (the clusters page, on the customers
 * as filtered there). k-means itself is ml-kmeans (k-means++ with a fixed seed: the same clusters
 * every run); this module chooses the features, samples, and describes the result.
 *
 * Features: log(1 + recency days), log(orders), log(1 + revenue) with revenue below zero taken as
 * zero, optionally log(1 + tenure days), discount share and log(1 + AOV), each standardized (mean 0,
 * deviation 1) over the clustered customers, so no unit weighs more than another. Logs because all three are heavily skewed: on raw values a few big spenders
 * would be clusters of their own.
 *
 * Speed: k-means is fitted on at most FIT_SAMPLE customers drawn with a seeded generator, then every
 * customer is assigned to its nearest centre (one pass). Centres from 20,000 customers are the
 * centres of the whole population to within sampling noise far below the spread of the clusters.
 */
import {kmeans} from "ml-kmeans";

export const FIT_SAMPLE = 20_000;
/** Customers the elbow and silhouette scores use per k (silhouette is quadratic in them). */
export const SCORE_SAMPLE = 2_000;
export const SEED = 20260630;
export const K_RANGE = [2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface Buyer {
  recency_days: number;
  orders: number;
  revenue_cents: number;
  /** Needed only for the optional features. */
  tenure_days?: number | null;
  discount_share?: number | null;
  aov?: number | null;
}

/** Optional features beyond recency, frequency and money: tenure (log days), discount share (0–1), AOV (log). */
export const EXTRA_FEATURES = ["tenure", "discount", "aov"] as const;
export type ExtraFeature = (typeof EXTRA_FEATURES)[number];

/** The raw (unstandardized) features of one buyer. */
export function features(b: Buyer, extra: readonly ExtraFeature[] = []): number[] {
  const values = [
    Math.log1p(Math.max(0, b.recency_days)),
    Math.log(Math.max(1, b.orders)),
    Math.log1p(Math.max(0, b.revenue_cents) / 100)
  ];
  for (const e of extra) {
    if (e === "tenure") values.push(Math.log1p(Math.max(0, b.tenure_days ?? 0)));
    else if (e === "discount") values.push(b.discount_share ?? 0);
    else values.push(Math.log1p(Math.max(0, b.aov ?? 0)));
  }
  return values;
}

export interface Scaling {
  mean: number[];
  sd: number[];
}

export function scaling(rows: number[][]): Scaling {
  const d = rows[0]?.length ?? 0;
  const mean = Array.from({length: d}, (_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const sd = mean.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - m) ** 2, 0) / rows.length) || 1);
  return {mean, sd};
}

export const standardize = (row: number[], {mean, sd}: Scaling) => row.map((v, j) => (v - mean[j]) / sd[j]);

/** A deterministic generator (Park-Miller): the same sample on every machine and in every browser. */
function random(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** Up to `size` row indices, drawn without replacement with a fixed seed (all of them if fewer). */
export function sampleIndices(n: number, size: number, seed = SEED): number[] {
  const all = Array.from({length: n}, (_, i) => i);
  if (n <= size) return all;
  const next = random(seed);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(next() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, size).sort((a, b) => a - b);
}

const distance2 = (a: number[], b: number[]) => a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0);

function nearest(point: number[], centroids: number[][]): number {
  let best = 0;
  let bestDistance = Infinity;
  centroids.forEach((c, i) => {
    const d = distance2(point, c);
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

export interface Centre {
  /** 1-based, numbered by revenue per customer, highest first (stable names across runs). */
  cluster: number;
  customers: number;
  /** Medians of the members, back in days, orders and yuan. */
  recencyDays: number;
  orders: number;
  revenue: number;
  revenueShare: number;
}

export interface Clustering {
  k: number;
  /** Cluster of each input row (1-based, see Centre.cluster). */
  assignment: Int32Array;
  centres: Centre[];
  /** Within-cluster sum of squares on the standardized features, over all rows. */
  inertia: number;
  /** Customers the centres were fitted on. */
  fitted: number;
}

const median = (values: number[]) => {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface Centroids {
  scale: Scaling;
  /** Centres on the standardized features, in ml-kmeans's order. */
  centroids: number[][];
  /** Customers they were fitted on. */
  fitted: number;
}

/** Fits k centres on a seeded sample of at most FIT_SAMPLE buyers. */
export function fitCentroids(buyers: readonly Buyer[], k: number, extra: readonly ExtraFeature[] = []): Centroids {
  if (buyers.length < k) throw new Error(`${k} clusters need at least ${k} buyers, there are ${buyers.length}`);
  const raw = sampleIndices(buyers.length, FIT_SAMPLE).map((i) => features(buyers[i], extra));
  const scale = scaling(raw);
  const fit = kmeans(
    raw.map((r) => standardize(r, scale)),
    k,
    {initialization: "kmeans++", seed: SEED, maxIterations: 100}
  );
  return {scale, centroids: fit.centroids, fitted: raw.length};
}

/**
 * The order clusters are named in: by revenue per member, highest first, so cluster 1 is the most
 * valuable group whatever order k-means found them in. `rank[c]` is the name of centre c.
 */
export function namesByRevenue(revenue: readonly number[], members: readonly number[]): Int32Array {
  const order = revenue
    .map((r, c) => ({c, perCustomer: members[c] ? r / members[c] : -Infinity}))
    .sort((a, b) => b.perCustomer - a.perCustomer || a.c - b.c);
  const rank = new Int32Array(revenue.length);
  order.forEach(({c}, i) => (rank[c] = i + 1));
  return rank;
}

/** Clusters buyers into k groups (see the module comment for features, sample and seed). */
export function cluster(buyers: readonly Buyer[], k: number, extra: readonly ExtraFeature[] = []): Clustering {
  const {scale, centroids, fitted} = fitCentroids(buyers, k, extra);
  const raw0 = new Int32Array(buyers.length);
  let inertia = 0;
  buyers.forEach((b, i) => {
    const p = standardize(features(b, extra), scale);
    raw0[i] = nearest(p, centroids);
    inertia += distance2(p, centroids[raw0[i]]);
  });
  const members = centroids.map(() => [] as number[]);
  raw0.forEach((c, i) => members[c].push(i));
  const total = buyers.reduce((s, b) => s + b.revenue_cents, 0);
  const revenueOf = (rows: number[]) => rows.reduce((s, i) => s + buyers[i].revenue_cents, 0);
  const rank = namesByRevenue(
    members.map(revenueOf),
    members.map((m) => m.length)
  );
  const assignment = raw0.map((c) => rank[c]);
  const centres = members
    .map((rows, c) => ({
      cluster: rank[c],
      customers: rows.length,
      recencyDays: median(rows.map((j) => buyers[j].recency_days)),
      orders: median(rows.map((j) => buyers[j].orders)),
      revenue: median(rows.map((j) => buyers[j].revenue_cents)) / 100,
      revenueShare: total > 0 ? revenueOf(rows) / total : 0
    }))
    .sort((a, b) => a.cluster - b.cluster);
  return {k, assignment, centres, inertia, fitted};
}

export interface KScore {
  k: number;
  /** Within-cluster sum of squares per customer (the elbow). */
  inertia: number;
  /** Mean silhouette on a sample (−1 to 1; higher: better separated clusters). */
  silhouette: number;
}

/** Elbow and silhouette for each k, on a seeded sample of SCORE_SAMPLE buyers. */
export function scoreK(
  buyers: readonly Buyer[],
  ks: readonly number[] = K_RANGE,
  extra: readonly ExtraFeature[] = []
): KScore[] {
  const raw = sampleIndices(buyers.length, SCORE_SAMPLE).map((i) => features(buyers[i], extra));
  const scale = scaling(raw);
  const points = raw.map((r) => standardize(r, scale));
  const n = points.length;
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      distances[i * n + j] = distances[j * n + i] = Math.sqrt(distance2(points[i], points[j]));
  return ks
    .filter((k) => k < n)
    .map((k) => {
      const fit = kmeans(points, k, {initialization: "kmeans++", seed: SEED, maxIterations: 100});
      const labels = fit.clusters;
      let inertia = 0;
      points.forEach((p, i) => (inertia += distance2(p, fit.centroids[labels[i]])));
      let silhouette = 0;
      const sums = new Float64Array(k);
      const sizes = new Int32Array(k);
      for (const l of labels) sizes[l]++;
      for (let i = 0; i < n; i++) {
        sums.fill(0);
        for (let j = 0; j < n; j++) sums[labels[j]] += distances[i * n + j];
        const own = labels[i];
        if (sizes[own] < 2) continue; // a singleton's silhouette is 0 by convention
        const a = sums[own] / (sizes[own] - 1);
        let b = Infinity;
        for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
        silhouette += (b - a) / Math.max(a, b);
      }
      return {k, inertia: inertia / n, silhouette: silhouette / n};
    });
}
