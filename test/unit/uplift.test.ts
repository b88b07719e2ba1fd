/**
 * The campaign-evaluation statistics (src/lib/uplift.ts) against published values: Wilson's
 * interval and Newcombe's hybrid score interval for a difference of proportions from Newcombe,
 * "Interval estimation for the difference between independent proportions" (Statistics in
 * Medicine 17, 1998: Tables I and II), and the rest against values worked out by hand.
 */
import {expect, test} from "vitest";
import {type CampaignEvaluation, campaignReturn} from "../../src/lib/campaigns.js";
import {
  holdoutFor,
  meanDifference,
  minimumDetectableUplift,
  normalCdf,
  rateDifference,
  rateDifferencePValue,
  relativeUplift,
  wilson
} from "../../src/lib/uplift.js";

const round4 = (i: {low: number; high: number}) => [Number(i.low.toFixed(4)), Number(i.high.toFixed(4))];

test("Wilson's score interval: 81 of 263 is 0.2553 to 0.3662 (Newcombe 1998)", () => {
  expect(round4(wilson(81, 263))).toEqual([0.2553, 0.3662]);
  expect(round4(wilson(0, 20))).toEqual([0, 0.1611]);
});

test("Newcombe's hybrid score interval for p1 − p0 matches the published examples", () => {
  expect(round4(rateDifference(56, 70, 48, 80))).toEqual([0.0524, 0.3339]);
  expect(round4(rateDifference(9, 10, 3, 10))).toEqual([0.1705, 0.809]);
  expect(round4(rateDifference(6, 7, 2, 7))).toEqual([0.0582, 0.8062]);
  expect(round4(rateDifference(5, 56, 0, 29))).toEqual([-0.0381, 0.1926]);
  expect(rateDifference(56, 70, 48, 80).estimate).toBeCloseTo(0.2, 12);
});

test("p-value of the pooled z-test, relative uplift by Katz's log interval", () => {
  // 60/1000 vs 40/1000: pooled 0.05, se = √(0.05 × 0.95 × 0.002) = 0.0097468, z = 2.0520, p = 0.0402.
  expect(rateDifferencePValue(60, 1000, 40, 1000)).toBeCloseTo(0.0402, 4);
  expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
  // ratio 1.5, se(log) = √(1/60 − 1/1000 + 1/40 − 1/1000) = 0.19916: 1.5 × e^(∓1.96 × 0.19916) − 1.
  const r = relativeUplift(60, 1000, 40, 1000);
  expect(r.estimate).toBeCloseTo(0.5, 12);
  expect(r.low).toBeCloseTo(1.5 * Math.exp(-1.959963984540054 * 0.199164) - 1, 4);
  expect(r.high).toBeCloseTo(1.5 * Math.exp(1.959963984540054 * 0.199164) - 1, 4);
  expect(Number.isNaN(relativeUplift(3, 100, 0, 100).low)).toBe(true);
});

test("Welch's interval for revenue per customer, and nothing for groups too small to say", () => {
  // Treated: 100 customers, mean 50, sd 20; holdout: 50, mean 40, sd 10.
  const sums = (n: number, mean: number, sd: number) => ({
    n,
    sum: n * mean,
    squares: (n - 1) * sd * sd + n * mean * mean
  });
  const d = meanDifference(sums(100, 50, 20), sums(50, 40, 10))!;
  const se = Math.sqrt(400 / 100 + 100 / 50); // 2.449
  expect(d.estimate).toBeCloseTo(10, 9);
  expect(d.low).toBeCloseTo(10 - 1.959963984540054 * se, 9);
  expect(d.high).toBeCloseTo(10 + 1.959963984540054 * se, 9);
  expect(d.pValue).toBeCloseTo(2 * (1 - normalCdf(10 / se)), 9);
  expect(meanDifference(sums(100, 50, 20), sums(29, 40, 10))).toBeNull();
});

test("the smallest detectable uplift (5 %, two-sided, 80 % power)", () => {
  // (1.95996 + 0.84162)² × 0.1 × 0.9 × 2 / 0.02² = 3532 per group for a 2-point uplift on a 10 % rate.
  expect(minimumDetectableUplift(0.1, 3532, 3532)).toBeCloseTo(0.02, 4);
});

test("a campaign's return: contact and offer costs against the margin of its incremental revenue", () => {
  const group = (grp: "treatment" | "holdout", customers: number, redeemed: number) => ({
    campaign_id: "C",
    campaign_name: "C",
    sent_date: "2026-01-01",
    window_days: 30,
    grp,
    customers,
    responders: 0,
    redeemed,
    revenue_cents: 0,
    revenue_squares: 0
  });
  const evaluation = {
    treated: group("treatment", 1000, 50),
    incrementalRevenueCents: {estimate: 500_000, low: 100_000, high: 900_000}
  } as unknown as CampaignEvaluation;
  // Cost: 1,000 contacts × ¥1 + 50 offers × ¥20 = ¥2,000 = 200,000 cents; margin 40 % of ¥5,000 (¥1,000–9,000).
  const r = campaignReturn(evaluation, {costPerContact: 1, offerCost: 20, margin: 0.4})!;
  expect(r.redemptionRate).toBe(0.05);
  expect(r.costCents).toBe(200_000);
  expect(r.marginCents).toEqual({estimate: 200_000, low: 40_000, high: 360_000});
  expect(r.roi).toEqual({estimate: 0, low: -0.8, high: 0.8});
  expect(
    campaignReturn({...evaluation, incrementalRevenueCents: null}, {costPerContact: 1, offerCost: 0, margin: 1})
  ).toBeNull();
  expect(campaignReturn(evaluation, {costPerContact: 0, offerCost: 0, margin: 1})!.roi).toBeNull();
});

test("holdoutFor: the smallest holdout out of an audience that detects the uplift; none when an even split cannot", () => {
  const h = holdoutFor(0.1, 0.02, 20_000)!;
  expect(minimumDetectableUplift(0.1, 20_000 - h, h)).toBeLessThanOrEqual(0.02);
  expect(minimumDetectableUplift(0.1, 20_000 - (h - 1), h - 1)).toBeGreaterThan(0.02);
  // 7,064 customers (3,532 per group, the textbook figure for 2 points at 10 %) just suffice: nearly an even split.
  expect(holdoutFor(0.1, 0.02, 7064)).toBeGreaterThan(3500);
  expect(holdoutFor(0.1, 0.02, 7064)).toBeLessThanOrEqual(3532);
  expect(holdoutFor(0.1, 0.02, 7000)).toBeNull();
  // A huge audience: the holdout alone carries the variance, so it needs half the per-group 3,532.
  expect(holdoutFor(0.1, 0.02, 1e9)).toBe(1767);
});
