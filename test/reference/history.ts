/**
 * Reference for loaders/derive/histories.ts, written independently in TypeScript: a buyer's
 * purchase history (the days with a purchase, in order, and the net value bought on each) and
 * what the models read from it at any date (x, t_x, T, the repeat value, the overdue rule).
 */
import type {Rfm} from "../../loaders/models/bgnbd.js";

export interface History {
  /** Purchase days (days since 1970-01-01), ascending, distinct. */
  days: Int32Array;
  /** Net value bought on each purchase day, in cents (returns on that day included). */
  cents: Float64Array;
}

/** Purchase days on or before `day`. */
export function purchasesBy({days}: History, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * x, t_x and T in days as of `day`: x repeat purchase days (purchase days after the first), t_x
 * the days from the first purchase to the last, T the days from the first purchase to `day`.
 * Undefined before the first purchase.
 */
export function rfmAt(h: History, day: number): Rfm | undefined {
  const n = purchasesBy(h, day);
  if (n === 0) return undefined;
  return {x: n - 1, tx: h.days[n - 1] - h.days[0], T: day - h.days[0]};
}

/** Mean net value of the repeat purchase days up to `day`, in cents (undefined without any). */
export function repeatValueAt(h: History, day: number): number | undefined {
  const n = purchasesBy(h, day);
  if (n < 2) return undefined;
  let sum = 0;
  for (let i = 1; i < n; i++) sum += h.cents[i];
  return sum / (n - 1);
}

/** Mean net value of all purchase days up to `day`, in cents. */
export function meanValueAt(h: History, day: number): number {
  const n = purchasesBy(h, day);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += h.cents[i];
  return sum / n;
}

/**
 * The gap after which a buyer counts as overdue, as of `day`, by the rule a store manager uses:
 * their own mean interval between purchase days plus two standard deviations; with one interval,
 * twice it; with none (one purchase day), twice `typicalGap` (the median of the repeat buyers'
 * mean intervals).
 */
export function allowedGapAt(h: History, day: number, typicalGap: number): number {
  const n = purchasesBy(h, day);
  if (n < 2) return 2 * typicalGap;
  const mean = (h.days[n - 1] - h.days[0]) / (n - 1);
  if (n === 2) return 2 * mean;
  let ss = 0;
  for (let i = 1; i < n; i++) ss += (h.days[i] - h.days[i - 1] - mean) ** 2;
  return mean + 2 * Math.sqrt(ss / (n - 2));
}

/** Median of the mean intervals of the customers with two or more purchase days by `day`. */
export function typicalGapAt(histories: readonly History[], day: number): number {
  const gaps: number[] = [];
  for (const h of histories) {
    const n = purchasesBy(h, day);
    if (n >= 2) gaps.push((h.days[n - 1] - h.days[0]) / (n - 1));
  }
  if (gaps.length === 0) return NaN;
  gaps.sort((a, b) => a - b);
  const m = gaps.length >> 1;
  return gaps.length % 2 ? gaps[m] : (gaps[m - 1] + gaps[m]) / 2;
}
