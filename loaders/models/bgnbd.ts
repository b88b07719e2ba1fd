/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting your customers the
 * easy way", Marketing Science 24(2)): while alive, a customer buys as a Poisson process with a
 * gamma(r, α) distributed rate; after each purchase they drop out with a beta(a, b) distributed
 * probability. Fitted by maximum likelihood on (x, t_x, T) per customer: x repeat purchases (days
 * with a purchase after the first), t_x the time of the last one and T the time since the first
 * purchase, both from the first purchase. The unit of time only rescales α (α in days = 7 × α in
 * weeks); r, a and b do not change.
 */
import {gammaln} from "simple-statistics";
import {hyp2f1} from "./hyp2f1.js";
import {maximize} from "./optimize.js";

export interface Rfm {
  /** Repeat purchases (purchase days after the first). */
  x: number;
  /** Time from the first to the last purchase. */
  tx: number;
  /** Time from the first purchase to the end of the period. */
  T: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** log(exp(u) + exp(v)) without overflow. */
const logAddExp = (u: number, v: number) =>
  u === -Infinity ? v : v === -Infinity ? u : Math.max(u, v) + Math.log1p(Math.exp(-Math.abs(u - v)));

/** One customer's log-likelihood (equation 6 of the paper, in logs). */
export function bgnbdLogLikelihood({r, alpha, a, b}: BgNbdParams, {x, tx, T}: Rfm): number {
  const a1 = gammaln(r + x) - gammaln(r) + r * Math.log(alpha);
  const a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return a1 + a2 + logAddExp(a3, a4);
}

/** The sample's log-likelihood. */
export function bgnbdTotalLogLikelihood(params: BgNbdParams, customers: readonly Rfm[]): number {
  let sum = 0;
  for (const c of customers) sum += bgnbdLogLikelihood(params, c);
  return sum;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
}

/**
 * Maximum-likelihood fit. The parameters are optimized on the log scale (they must be positive),
 * by Nelder-Mead restarted from its own optimum until the likelihood stops improving.
 */
export function fitBgNbd(customers: readonly Rfm[], start: BgNbdParams = {r: 1, alpha: 1, a: 1, b: 1}): BgNbdFit {
  const toParams = ([lr, lalpha, la, lb]: number[]): BgNbdParams => ({
    r: Math.exp(lr),
    alpha: Math.exp(lalpha),
    a: Math.exp(la),
    b: Math.exp(lb)
  });
  const objective = (p: number[]) => {
    const ll = bgnbdTotalLogLikelihood(toParams(p), customers);
    return Number.isFinite(ll) ? ll : -Infinity;
  };
  const result = maximize(objective, [start.r, start.alpha, start.a, start.b].map(Math.log));
  return {
    params: toParams(result.x),
    logLikelihood: result.value,
    converged: result.converged,
    iterations: result.iterations
  };
}

/** The probability that a customer with this history is still alive at T (equation 11). */
export function pAlive({r, alpha, a, b}: BgNbdParams, {x, tx, T}: Rfm): number {
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
}

/**
 * Expected purchases in the next `t` time units for a customer with this history (equation 10),
 * through the Gauss hypergeometric function.
 */
export function expectedPurchases({r, alpha, a, b}: BgNbdParams, {x, tx, T}: Rfm, t: number): number {
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const lead = (a + b + x - 1) / (a - 1);
  const inner = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const alive = 1 + (x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0);
  return (lead * inner) / alive;
}
