/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting your customers the
 * easy way", Marketing Science 24(2)): while alive, a customer buys as a Poisson process with a
 * gamma(r, α) distributed rate; after each purchase they drop out with a beta(a, b) distributed
 * probability. Fitted by maximum likelihood on (x, t_x, T) per customer: x repeat purchases (days
 * with a purchase after the first), t_x the time of the last one and T the time since the first
 * purchase, both from the first purchase. The unit of time only rescales α (α in days = 7 × α in
 * weeks); r, a and b do not change.
 */
import {hyp2f1} from "./hyp2f1.js";
import {maximize} from "./optimize.js";

export interface Rfm {
  /** Repeat purchases (purchase days after the first). */
  x: number;
  /** Time from the first to the last purchase. */
  tx: number;
  /** Time from the first purchase to the end of the period. */
  T: number;
  /** Customers with this history (default 1): fits run on distinct histories, weighted. */
  n?: number;
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

/**
 * One customer's log-likelihood (equation 6 of the paper, in logs): the fit's own sum over a single
 * history, so a check of this checks what the fit maximizes.
 */
export function bgnbdLogLikelihood(params: BgNbdParams, customer: Rfm): number {
  return bgnbdTotalLogLikelihood(params, [customer]);
}

/**
 * Histories packed in typed arrays: the likelihood loop runs over them a hundred times per fit.
 * t_x and T are stored as indexes into `times`, their distinct values (in days, a few thousand at
 * most against tens of thousands of histories), so that each pass takes ln(α + t) once per value.
 */
export interface PackedRfm {
  x: Int32Array;
  tx: Int32Array;
  T: Int32Array;
  n: Float64Array;
  times: Float64Array;
}

export function pack(customers: readonly Rfm[]): PackedRfm {
  const length = customers.length;
  const index = new Map<number, number>();
  const at = (t: number) => {
    let i = index.get(t);
    if (i === undefined) index.set(t, (i = index.size));
    return i;
  };
  const packed = {
    x: new Int32Array(length),
    tx: new Int32Array(length),
    T: new Int32Array(length),
    n: new Float64Array(length)
  };
  customers.forEach((c, i) => {
    if (!Number.isInteger(c.x) || c.x < 0)
      throw new Error(`repeat purchases must be whole and not negative, got ${c.x}`);
    packed.x[i] = c.x;
    packed.tx[i] = at(c.tx);
    packed.T[i] = at(c.T);
    packed.n[i] = c.n ?? 1;
  });
  return {...packed, times: Float64Array.from(index.keys())};
}

/**
 * The sample's log-likelihood: the same sum, with the terms in x alone computed once per x, from
 * the products Γ(r+x)/Γ(r) = Π (r+j) and B(a, b+x)/B(a, b) = Π (b+j)/(a+b+j), j < x, summed as
 * logs: differences of log-gammas lose every digit when b is huge (the optimizer wanders there,
 * and a wrong likelihood there looked better than the true optimum).
 */
export function bgnbdTotalLogLikelihood(params: BgNbdParams, customers: readonly Rfm[] | PackedRfm): number {
  return bgnbdLikelihoodAndGradient(params, customers).value;
}

/**
 * The log-likelihood and its gradient with respect to the log-parameters (ln r, ln α, ln a, ln b),
 * in the same pass: the fit's quasi-Newton steps need the gradient, and finite differences took
 * nine evaluations of the likelihood for each. With A3 = −(r+x)·ln(α+T), A4 = ln a − ln(b+x−1) −
 * (r+x)·ln(α+t_x) and w3, w4 their shares of exp(A3) + exp(A4), a customer's terms are
 *   ∂/∂r = ln α + Σ 1/(r+j) − w3·ln(α+T) − w4·ln(α+t_x)
 *   ∂/∂α = r/α − (r+x)·(w3/(α+T) + w4/(α+t_x))
 *   ∂/∂a = −Σ 1/(a+b+j) + w4/a
 *   ∂/∂b = Σ (1/(b+j) − 1/(a+b+j)) − w4/(b+x−1)            (sums over j < x)
 * test/unit/bgnbd.test.ts checks them against central differences of the likelihood.
 */
export function bgnbdLikelihoodAndGradient(
  {r, alpha, a, b}: BgNbdParams,
  customers: readonly Rfm[] | PackedRfm
): {value: number; gradient: [number, number, number, number]} {
  const {x, tx, T, n, times} = Array.isArray(customers) ? pack(customers) : (customers as PackedRfm);
  // Per distinct time t: ln(α + t) and 1 / (α + t).
  const logTime = times.map((t) => Math.log(alpha + t));
  const inverseTime = times.map((t) => 1 / (alpha + t));
  // Per x: the log of the products (lead) and the sums of their derivatives.
  const lead = [r * Math.log(alpha)];
  const sumR = [0];
  const sumB = [0];
  const sumAB = [0];
  const logA = Math.log(a);
  const logAlpha = Math.log(alpha);
  let value = 0;
  let dr = 0;
  let dalpha = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    for (let j = lead.length; j <= xi; j++) {
      lead[j] = lead[j - 1] + Math.log(r + j - 1) + Math.log(b + j - 1) - Math.log(a + b + j - 1);
      sumR[j] = sumR[j - 1] + 1 / (r + j - 1);
      sumB[j] = sumB[j - 1] + 1 / (b + j - 1);
      sumAB[j] = sumAB[j - 1] + 1 / (a + b + j - 1);
    }
    const logT = logTime[T[i]];
    const a3 = -(r + xi) * logT;
    const ni = n[i];
    if (xi === 0) {
      value += ni * (lead[0] + a3);
      dr += ni * (logAlpha - logT);
      dalpha += ni * (r / alpha - r * inverseTime[T[i]]);
      continue;
    }
    const logTx = logTime[tx[i]];
    const a4 = logA - Math.log(b + xi - 1) - (r + xi) * logTx;
    const both = logAddExp(a3, a4);
    const w3 = Math.exp(a3 - both);
    const w4 = 1 - w3;
    value += ni * (lead[xi] + both);
    dr += ni * (logAlpha + sumR[xi] - w3 * logT - w4 * logTx);
    dalpha += ni * (r / alpha - (r + xi) * (w3 * inverseTime[T[i]] + w4 * inverseTime[tx[i]]));
    da += ni * (w4 / a - sumAB[xi]);
    db += ni * (sumB[xi] - sumAB[xi] - w4 / (b + xi - 1));
  }
  return {value, gradient: [r * dr, alpha * dalpha, a * da, b * db]};
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
}

/**
 * A start the optimizer converges from on any time unit: r = 1 with α matching the sample's
 * repeat purchase rate (r / α = Σx / ΣT), a = 1, b = 1. From a fixed α = 1 a fit in days wandered
 * to parameters where the likelihood's terms overflow.
 */
export function startingPoint(customers: readonly Rfm[]): BgNbdParams {
  let x = 0;
  let T = 0;
  for (const c of customers) {
    x += c.x * (c.n ?? 1);
    T += c.T * (c.n ?? 1);
  }
  return {r: 1, alpha: x > 0 && T > 0 ? T / x : 1, a: 1, b: 1};
}

/**
 * Maximum-likelihood fit. The parameters are optimized on the log scale (they must be positive),
 * the objective is the mean log-likelihood per customer (so the optimizer's tolerances mean the
 * same on 2,000 customers and on a million), restarted from its own optimum until it stops improving.
 */
export function fitBgNbd(customers: readonly Rfm[], start: BgNbdParams = startingPoint(customers)): BgNbdFit {
  const toParams = ([lr, lalpha, la, lb]: number[]): BgNbdParams => ({
    r: Math.exp(lr),
    alpha: Math.exp(lalpha),
    a: Math.exp(la),
    b: Math.exp(lb)
  });
  const packed = pack(customers);
  const count = packed.n.reduce((s, n) => s + n, 0);
  const objective = (p: number[]) => {
    const {value, gradient} = bgnbdLikelihoodAndGradient(toParams(p), packed);
    return {value: Number.isFinite(value) ? value / count : -Infinity, gradient: gradient.map((g) => g / count)};
  };
  const result = maximize(objective, [start.r, start.alpha, start.a, start.b].map(Math.log));
  return {
    params: toParams(result.x),
    logLikelihood: result.value * count,
    converged: result.converged,
    iterations: result.iterations
  };
}

/**
 * 1 / P(alive): 1 + a / (b + x − 1) × ((α + T) / (α + t_x))^(r + x) for x > 0, and 1 for x = 0.
 * Expected purchases divide by it too, so it is computed once per history (t_x enters nowhere else).
 */
export function aliveFactor({r, alpha, a, b}: BgNbdParams, {x, tx, T}: Rfm): number {
  return x > 0 ? 1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 1;
}

/**
 * The same as SQL over columns x, tx and T, or p + x, p + tx and p + T (in logs, clamped: past
 * e^700 P(alive) is 0 anyway).
 */
export function aliveFactorSql({r, alpha, a, b}: BgNbdParams, p = ""): string {
  const n = (v: number) => `CAST(${v} AS DOUBLE)`;
  const [x, tx, T] = [`${p}x`, `${p}tx`, `${p}T`];
  return `(1 + CASE WHEN ${x} > 0 THEN exp(least(700, ln(${n(a)} / (${n(b)} + ${x} - 1)) + (${n(r)} + ${x}) * ln((${n(alpha)} + ${T}) / (${n(alpha)} + ${tx})))) ELSE 0 END)`;
}

/** The probability that a customer with this history is still alive at T (equation 11). */
export function pAlive(params: BgNbdParams, h: Rfm): number {
  return 1 / aliveFactor(params, h);
}

/**
 * The part of the expected purchases in the next `t` time units that does not depend on t_x
 * (equation 10 times the alive factor): expectedPurchases = this / aliveFactor.
 */
export function purchasesBeforeAlive({r, alpha, a, b}: BgNbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const lead = (a + b + x - 1) / (a - 1);
  return lead * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
}

/**
 * Expected purchases in the next `t` time units for a customer with this history (equation 10),
 * through the Gauss hypergeometric function.
 */
export function expectedPurchases(params: BgNbdParams, h: Rfm, t: number): number {
  return purchasesBeforeAlive(params, h.x, h.T, t) / aliveFactor(params, h);
}
