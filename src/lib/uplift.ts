/**
 * The statistics of campaign evaluation with a random holdout: uplift of a response rate and of
 * revenue per customer with 95 % intervals and p-values, and how large a holdout must be to see
 * a given uplift. Pure functions, used in the browser and at build time alike.
 *
 * Methods (each tested against published or hand-worked values):
 * - a proportion's interval: Wilson's score interval;
 * - the difference of two proportions (absolute uplift): Newcombe's hybrid score interval
 *   (method 10 of Newcombe 1998), which keeps its coverage near 95 % for small rates and groups
 *   where the plain Wald interval does not; p-value from the pooled two-proportion z-test;
 * - the ratio of two proportions (relative uplift = ratio − 1): Katz's log interval;
 * - the difference of two means (revenue per customer): Welch's interval with the normal
 *   quantile, for groups of at least MIN_GROUP customers (below that nothing is said: the
 *   normal approximation of a skewed revenue distribution would not hold);
 * - the smallest uplift a design detects (two-sided 5 %, 80 % power) and the holdout size a
 *   given uplift needs, from the baseline rate's variance in both groups.
 */
import {errorFunction} from "simple-statistics";

/** Below this many customers in either group, a comparison of means is not attempted. */
export const MIN_GROUP = 30;

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** Standard normal distribution function. */
export const normalCdf = (x: number): number => (1 + errorFunction(x / Math.SQRT2)) / 2;

/**
 * The normal quantiles the evaluation uses, to full precision: Φ⁻¹(0.975) for 95 % intervals and
 * 5 % two-sided tests, Φ⁻¹(0.8) for 80 % power. (simple-statistics' probit is good to about 1e-3
 * only: 1.9572, which moved published interval bounds in the fourth decimal.)
 */
export const Z95 = 1.959963984540054;
export const Z_POWER_80 = 0.8416212335729143;

/** Wilson's score interval for x successes in n. */
export function wilson(x: number, n: number): Interval {
  if (n <= 0) return {estimate: NaN, low: NaN, high: NaN};
  const z = Z95;
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return {estimate: p, low: centre - half, high: centre + half};
}

/** Absolute uplift p₁ − p₀ (treated x₁ of n₁, holdout x₀ of n₀) with Newcombe's hybrid score interval. */
export function rateDifference(x1: number, n1: number, x0: number, n0: number): Interval {
  const a = wilson(x1, n1);
  const b = wilson(x0, n0);
  const d = a.estimate - b.estimate;
  return {
    estimate: d,
    low: d - Math.sqrt((a.estimate - a.low) ** 2 + (b.high - b.estimate) ** 2),
    high: d + Math.sqrt((a.high - a.estimate) ** 2 + (b.estimate - b.low) ** 2)
  };
}

/** Relative uplift p₁ / p₀ − 1 with Katz's log interval (NaN bounds when either group has no response). */
export function relativeUplift(x1: number, n1: number, x0: number, n0: number): Interval {
  const ratio = x1 / n1 / (x0 / n0);
  if (x1 === 0 || x0 === 0) return {estimate: ratio - 1, low: NaN, high: NaN};
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x0 - 1 / n0);
  return {estimate: ratio - 1, low: ratio * Math.exp(-Z95 * se) - 1, high: ratio * Math.exp(Z95 * se) - 1};
}

/** Two-sided p-value of the pooled two-proportion z-test. */
export function rateDifferencePValue(x1: number, n1: number, x0: number, n0: number): number {
  const pooled = (x1 + x0) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  if (se === 0) return 1;
  const z = (x1 / n1 - x0 / n0) / se;
  return 2 * (1 - normalCdf(Math.abs(z)));
}

/** A group's sums for a mean: customers, Σ value, Σ value². */
export interface Sums {
  n: number;
  sum: number;
  squares: number;
}

const variance = ({n, sum, squares}: Sums) => (squares - (sum * sum) / n) / (n - 1);

/**
 * Difference of two means (treated − holdout) with Welch's interval and two-sided p-value, or
 * null when a group has fewer than MIN_GROUP customers.
 */
export function meanDifference(treated: Sums, holdout: Sums): (Interval & {pValue: number}) | null {
  if (treated.n < MIN_GROUP || holdout.n < MIN_GROUP) return null;
  const d = treated.sum / treated.n - holdout.sum / holdout.n;
  const se = Math.sqrt(variance(treated) / treated.n + variance(holdout) / holdout.n);
  const pValue = se === 0 ? (d === 0 ? 1 : 0) : 2 * (1 - normalCdf(Math.abs(d / se)));
  return {estimate: d, low: d - Z95 * se, high: d + Z95 * se, pValue};
}

/** The smallest absolute uplift of a rate with baseline `p` that groups of n₁ and n₀ detect (5 %, two-sided; 80 % power). */
export function minimumDetectableUplift(p: number, n1: number, n0: number): number {
  return (Z95 + Z_POWER_80) * Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n0));
}

/**
 * The smallest holdout to take out of an audience of `audience` customers (the rest treated)
 * that detects an absolute uplift `delta` of a baseline rate `p` (5 %, two-sided; 80 % power),
 * or null when even an even split cannot. The detectable uplift falls as the holdout grows
 * towards half the audience, so a bisection finds it.
 */
export function holdoutFor(p: number, delta: number, audience: number): number | null {
  const detects = (h: number) => minimumDetectableUplift(p, audience - h, h) <= delta;
  let high = Math.floor(audience / 2);
  if (high < 1 || !detects(high)) return null;
  let low = 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (detects(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
