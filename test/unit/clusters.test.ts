/**
 * The clusters (src/lib/clusters.ts) on buyers drawn from three well-separated groups: found again
 * (every buyer of a group in one cluster), the same every run, named by revenue per member, and
 * described back in days, orders and money; the optional features change what is clustered on.
 */
import {expect, test} from "vitest";
import {type Buyer, cluster, features, scoreK} from "../../src/lib/clusters.js";

let seed = 7;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const group = (n: number, recency: number, orders: number, cents: number, tag: string): (Buyer & {tag: string})[] =>
  Array.from({length: n}, () => ({
    recency_days: Math.round(recency * (0.8 + 0.4 * random())),
    orders: Math.max(1, Math.round(orders * (0.8 + 0.4 * random()))),
    revenue_cents: Math.round(cents * (0.8 + 0.4 * random())),
    tenure_days: 400,
    discount_share: tag === "lapsed" ? 0.9 : 0.1,
    aov: cents / orders / 100,
    tag
  }));
const buyers = [
  ...group(400, 10, 20, 2_000_000, "vip"),
  ...group(600, 300, 1, 20_000, "lapsed"),
  ...group(500, 30, 3, 100_000, "new")
];

test("three separated groups come back as three clusters, named by revenue per member, the same every run", () => {
  const a = cluster(buyers, 3);
  const b = cluster(buyers, 3);
  expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
  for (const tag of ["vip", "lapsed", "new"]) {
    const clusters = new Set(buyers.map((x, i) => (x.tag === tag ? a.assignment[i] : -1)).filter((c) => c > 0));
    expect(clusters.size, tag).toBe(1);
  }
  expect(a.assignment[0]).toBe(1); // the VIPs bring the most per member
  expect(a.centres.map((c) => c.customers)).toEqual([400, 500, 600]);
  expect(a.centres[0].orders).toBeGreaterThan(15);
  expect(a.centres[2].recencyDays).toBeGreaterThan(200);
  expect(a.centres.reduce((s, c) => s + c.revenueShare, 0)).toBeCloseTo(1, 12);
});

test("elbow and silhouette: inertia falls with k, the silhouette peaks at the true k", () => {
  const scores = scoreK(buyers, [2, 3, 4, 5]);
  for (let i = 1; i < scores.length; i++) expect(scores[i].inertia).toBeLessThan(scores[i - 1].inertia);
  const best = scores.reduce((m, s) => (s.silhouette > m.silhouette ? s : m));
  expect(best.k).toBe(3);
});

test("optional features are appended: tenure (log days), discount share, AOV (log)", () => {
  const b = buyers[0];
  expect(features(b)).toHaveLength(3);
  const all = features(b, ["tenure", "discount", "aov"]);
  expect(all).toHaveLength(6);
  expect(all[3]).toBeCloseTo(Math.log1p(400), 12);
  expect(all[4]).toBe(0.1);
  expect(all[5]).toBeCloseTo(Math.log1p(b.aov!), 12);
});
