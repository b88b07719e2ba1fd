/**
 * Customer lifetime value over a horizon: the expected purchases of each future month times the
 * expected value per purchase times the margin, discounted monthly,
 *
 *   CLV = Σ_{m=1..H} (E[Y(m)] − E[Y(m − 1)]) × spend × margin / (1 + d)^m,
 *
 * with E[Y(m)] the expected purchases in the next m months (months of 365.25 / 12 days) and d the
 * monthly discount rate. This is the discounted expected residual transactions of Fader & Hardie
 * summed by month instead of integrated continuously: within a month purchases are discounted as if
 * made at its end, which understates CLV by at most a month's discount (1 % at d = 1 %).
 */

export const DAYS_PER_MONTH = 365.25 / 12;

export interface ClvSettings {
  /** Months ahead (default 12). */
  horizonMonths: number;
  /** Monthly discount rate (0.01 = 1 % a month). */
  monthlyDiscount: number;
  /** Share of net revenue that is margin (1: CLV in net revenue). */
  margin: number;
}

/**
 * Σ_{m=1..H} (E[Y(m)] − E[Y(m − 1)]) / (1 + d)^m: the discounted expected purchases over the
 * horizon. CLV is this times spend times margin; it depends on the history alone, so buyers with
 * the same history share it.
 */
export function discountedPurchases(expectedBy: (days: number) => number, s: ClvSettings): number {
  let value = 0;
  let before = 0;
  for (let m = 1; m <= s.horizonMonths; m++) {
    const now = expectedBy(m * DAYS_PER_MONTH);
    value += (now - before) / (1 + s.monthlyDiscount) ** m;
    before = now;
  }
  return value;
}

/** CLV given the cumulative expected purchases in the next `days` days and the expected value per purchase. */
export function clv(expectedBy: (days: number) => number, spend: number, s: ClvSettings): number {
  return discountedPurchases(expectedBy, s) * spend * s.margin;
}
