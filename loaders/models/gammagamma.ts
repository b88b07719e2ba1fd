/**
 * The Gamma-Gamma model of spend per order (Fader, Hardie & Lee 2005b, "RFM and CLV: using
 * iso-value curves for customer base analysis"; Colombo & Jiang 1999): a customer's order values
 * are gamma(p, ν) with ν gamma(q, γ) across customers. Fitted on repeat buyers (x > 0) with m the
 * mean value of their repeat orders. It assumes spend is independent of purchase frequency: check
 * that before trusting it (the fit reports the correlation).
 */
import {gammaln, sampleCorrelation} from "simple-statistics";
import {digamma} from "./digamma.js";
import {maximize} from "./optimize.js";

export interface Spend {
  /** Repeat purchases. */
  x: number;
  /** Mean value of the repeat purchases. */
  m: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  converged: boolean;
  /** Repeat buyers used. */
  buyers: number;
  /** Correlation of repeat purchases and mean spend: near zero is the model's assumption. */
  frequencySpendCorrelation: number;
}

/**
 * The log-likelihood of repeat buyers' mean spends (x > 0, m > 0) and its gradient in the
 * log-parameters (ln p, ln q, ln v), in one pass. A buyer's terms:
 *   ℓ = q·ln v − lnΓ(q) + lnΓ(px+q) − lnΓ(px) + px·ln x + (px−1)·ln m − (px+q)·ln(xm+v)
 *   ∂ℓ/∂p = x·(ψ(px+q) − ψ(px) + ln x + ln m − ln(xm+v))
 *   ∂ℓ/∂q = ln v − ψ(q) + ψ(px+q) − ln(xm+v)        ∂ℓ/∂v = q/v − (px+q)/(xm+v)
 * test/unit/bgnbd.test.ts checks the gradient against central differences.
 */
export function gammaGammaLikelihoodAndGradient(
  {p, q, v}: GammaGammaParams,
  repeaters: readonly Spend[]
): {value: number; gradient: [number, number, number]} {
  // The terms in x alone, once per distinct x (the sum runs over up to a million buyers).
  const byX: {lead: number; dp: number; dq: number}[] = [];
  const base = q * Math.log(v) - gammaln(q);
  const baseQ = Math.log(v) - digamma(q);
  let value = 0;
  let dp = 0;
  let dq = 0;
  let dv = 0;
  for (const {x, m} of repeaters) {
    const terms = (byX[x] ??= {
      lead: base + gammaln(p * x + q) - gammaln(p * x) + p * x * Math.log(x),
      dp: x * (digamma(p * x + q) - digamma(p * x) + Math.log(x)),
      dq: baseQ + digamma(p * x + q)
    });
    const logMean = Math.log(x * m + v);
    const logM = Math.log(m);
    value += terms.lead + (p * x - 1) * logM - (p * x + q) * logMean;
    dp += terms.dp + x * (logM - logMean);
    dq += terms.dq - logMean;
    dv += q / v - (p * x + q) / (x * m + v);
  }
  return {value, gradient: [p * dp, q * dq, v * dv]};
}

export function fitGammaGamma(customers: readonly Spend[], start?: GammaGammaParams): GammaGammaFit {
  const repeaters = customers.filter((c) => c.x > 0 && c.m > 0);
  // A start on the data's scale: with q = 2 the population mean p·v/(q − 1) is the sample mean.
  start ??= {p: 1, q: 2, v: repeaters.reduce((s, c) => s + c.m, 0) / Math.max(1, repeaters.length) || 1};
  const toParams = ([lp, lq, lv]: number[]): GammaGammaParams => ({p: Math.exp(lp), q: Math.exp(lq), v: Math.exp(lv)});
  // The mean per buyer: the optimizer's tolerances then mean the same at any sample size.
  const objective = (z: number[]) => {
    const {value, gradient} = gammaGammaLikelihoodAndGradient(toParams(z), repeaters);
    return {value: value / repeaters.length, gradient: gradient.map((g) => g / repeaters.length)};
  };
  const result = maximize(objective, [start.p, start.q, start.v].map(Math.log));
  return {
    params: toParams(result.x),
    logLikelihood: result.value * repeaters.length,
    converged: result.converged,
    buyers: repeaters.length,
    frequencySpendCorrelation:
      repeaters.length > 2
        ? sampleCorrelation(
            repeaters.map((c) => c.x),
            repeaters.map((c) => c.m)
          )
        : NaN
  };
}

/**
 * Expected value of a customer's future orders given their history: a weighted mean of the
 * population mean p·v/(q − 1) and their own mean m, weighted by how many repeat orders they have.
 * Undefined (Infinity) when q ≤ 1: the population mean spend is then unbounded.
 */
export function expectedSpend({p, q, v}: GammaGammaParams, {x, m}: Spend): number {
  if (q <= 1) return Infinity;
  return (p * (v + x * m)) / (p * x + q - 1);
}
