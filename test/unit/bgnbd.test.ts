/**
 * BG/NBD (loaders/models/bgnbd.ts) against the published CDNOW results (Fader, Hardie & Lee 2005;
 * the same figures as the lifetimes package): parameters, log-likelihood and a conditional
 * expectation to 1e-3 relative; the likelihood cross-checked against an independent product-form
 * computation; the hypergeometric series against closed forms.
 */
import {readFileSync} from "node:fs";
import {expect, test} from "vitest";
import {
  bgnbdLikelihoodAndGradient,
  bgnbdLogLikelihood,
  bgnbdTotalLogLikelihood,
  expectedPurchases,
  fitBgNbd,
  pAlive,
  type BgNbdParams,
  type Rfm
} from "../../loaders/models/bgnbd.js";
import {hyp2f1} from "../../loaders/models/hyp2f1.js";
import {digamma} from "../../loaders/models/digamma.js";
import {
  expectedSpend,
  fitGammaGamma,
  gammaGammaLikelihoodAndGradient,
  type GammaGammaParams
} from "../../loaders/models/gammagamma.js";
import {gammaln} from "simple-statistics";

const CDNOW: (Rfm & {zbar: number})[] = readFileSync(new URL("../fixtures/cdnow/summary.csv", import.meta.url), "utf-8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [, x, tx, T, zbar] = line.split(",").map(Number);
    return {x, tx, T, zbar};
  });
const PUBLISHED: BgNbdParams = {r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259};
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

test("the CDNOW sample has the published size", () => {
  expect(CDNOW.length).toBe(2357);
  expect(CDNOW.filter((c) => c.x > 0).length).toBe(946);
});

test("fitted parameters and log-likelihood match the published ones to 1e-3", () => {
  const fit = fitBgNbd(CDNOW);
  expect(fit.converged).toBe(true);
  for (const k of ["r", "alpha", "a", "b"] as const) expect(rel(fit.params[k], PUBLISHED[k]), k).toBeLessThan(1e-3);
  expect(rel(fit.logLikelihood, -9582.43)).toBeLessThan(1e-5);
});

test("E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226", () => {
  expect(rel(expectedPurchases(PUBLISHED, {x: 2, tx: 30.43, T: 38.86}, 39), 1.226)).toBeLessThan(1e-3);
  expect(expectedPurchases(PUBLISHED, {x: 2, tx: 30.43, T: 38.86}, 0)).toBe(0);
});

test("the likelihood equals an independent product-form computation (no log-gamma), customer by customer", () => {
  // For whole x: Γ(r+x)/Γ(r) = Π (r+j), B(a, b+x)/B(a, b) = Π (b+j)/(a+b+j), j < x.
  const direct = ({r, alpha, a, b}: BgNbdParams, {x, tx, T}: Rfm) => {
    let gammaRatio = 1;
    let betaRatio = 1;
    for (let j = 0; j < x; j++) {
      gammaRatio *= r + j;
      betaRatio *= (b + j) / (a + b + j);
    }
    const common = gammaRatio * alpha ** r;
    const dead = x > 0 ? (betaRatio * (a / (b + x - 1)) * common) / (alpha + tx) ** (r + x) : 0;
    return Math.log((betaRatio * common) / (alpha + T) ** (r + x) + dead);
  };
  for (const c of CDNOW.slice(0, 400)) expect(bgnbdLogLikelihood(PUBLISHED, c)).toBeCloseTo(direct(PUBLISHED, c), 9);
});

test("the likelihood's gradient in the log-parameters equals central differences of the likelihood", () => {
  const logParams = (p: BgNbdParams) => [p.r, p.alpha, p.a, p.b].map(Math.log);
  const fromLog = ([r, alpha, a, b]: number[]): BgNbdParams => ({
    r: Math.exp(r),
    alpha: Math.exp(alpha),
    a: Math.exp(a),
    b: Math.exp(b)
  });
  // At the optimum, where it is near zero, and away from it, with huge b as the optimizer sometimes visits.
  for (const at of [PUBLISHED, {r: 0.9, alpha: 12, a: 3, b: 1.5}, {r: 0.05, alpha: 0.7, a: 0.2, b: 400}]) {
    const {value, gradient} = bgnbdLikelihoodAndGradient(at, CDNOW);
    expect(value).toBeCloseTo(bgnbdTotalLogLikelihood(at, CDNOW), 9);
    const h = 1e-5;
    for (let k = 0; k < 4; k++) {
      const up = logParams(at);
      const down = logParams(at);
      up[k] += h;
      down[k] -= h;
      const central =
        (bgnbdTotalLogLikelihood(fromLog(up), CDNOW) - bgnbdTotalLogLikelihood(fromLog(down), CDNOW)) / (2 * h);
      expect(Math.abs(gradient[k] - central), `${JSON.stringify(at)} parameter ${k}`).toBeLessThan(
        1e-4 * Math.max(1, Math.abs(central))
      );
    }
  }
  const zero = bgnbdLikelihoodAndGradient(PUBLISHED, CDNOW).gradient;
  expect(Math.max(...zero.map(Math.abs))).toBeLessThan(1);
  expect(
    Math.max(...bgnbdLikelihoodAndGradient({r: 0.9, alpha: 12, a: 3, b: 1.5}, CDNOW).gradient.map(Math.abs))
  ).toBeGreaterThan(10);
});

test("P(alive): 1 without repeat purchases, lower the longer since the last one", () => {
  expect(pAlive(PUBLISHED, {x: 0, tx: 0, T: 30})).toBe(1);
  const recent = pAlive(PUBLISHED, {x: 3, tx: 35, T: 38});
  const lapsed = pAlive(PUBLISHED, {x: 3, tx: 5, T: 38});
  expect(recent).toBeGreaterThan(lapsed);
  expect(lapsed).toBeGreaterThan(0);
});

test("hyp2f1 matches closed forms and converges near 1", () => {
  // 2F1(1, 1; 2; z) = −ln(1 − z)/z; 2F1(a, b; b; z) = (1 − z)^−a.
  for (const z of [0.1, 0.5, 0.9, 0.99]) {
    expect(rel(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z)).toBeLessThan(1e-12);
    expect(rel(hyp2f1(2.5, 3, 3, z), (1 - z) ** -2.5)).toBeLessThan(1e-10);
  }
  expect(hyp2f1(3, 4, 5, 0)).toBe(1);
  expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/z must be in/);
});

test("Gamma-Gamma on the 946 CDNOW repeaters: p 6.25, q 3.74, v 15.44", () => {
  const fit = fitGammaGamma(CDNOW.map((c) => ({x: c.x, m: c.zbar})));
  expect(fit.buyers).toBe(946);
  expect(fit.converged).toBe(true);
  const published = {p: 6.25, q: 3.74, v: 15.44};
  // Published to two decimals: within half a unit of the last digit.
  for (const k of ["p", "q", "v"] as const)
    expect(Math.abs(fit.params[k] - published[k]), k).toBeLessThan(0.005 + 1e-3 * published[k]);
  expect(Math.abs(fit.frequencySpendCorrelation)).toBeLessThan(0.2); // the model's assumption holds on CDNOW
  // The expected spend lies between the population mean and the customer's own mean.
  const population = (fit.params.p * fit.params.v) / (fit.params.q - 1);
  const own = 40;
  const e = expectedSpend(fit.params, {x: 3, m: own});
  expect(e).toBeGreaterThan(Math.min(population, own));
  expect(e).toBeLessThan(Math.max(population, own));
  expect(expectedSpend({p: 1, q: 0.9, v: 1}, {x: 1, m: 10})).toBe(Infinity);
});

test("digamma equals its closed forms and the slope of log-gamma", () => {
  const euler = 0.5772156649015329;
  expect(rel(digamma(1), -euler)).toBeLessThan(1e-13);
  expect(rel(digamma(0.5), -euler - 2 * Math.LN2)).toBeLessThan(1e-13);
  // ψ(n) = H(n − 1) − γ
  let harmonic = 0;
  for (let n = 2; n <= 40; n++) {
    harmonic += 1 / (n - 1);
    expect(rel(digamma(n), harmonic - euler), `n = ${n}`).toBeLessThan(1e-13);
  }
  for (const z of [0.01, 0.3, 2.7, 9.99, 10, 55.5, 1e4]) {
    const h = 1e-5 * z;
    const slope = (gammaln(z + h) - gammaln(z - h)) / (2 * h);
    expect(Math.abs(digamma(z) - slope), `z = ${z}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(slope)));
  }
  expect(() => digamma(0)).toThrow(/z > 0/);
});

test("the Gamma-Gamma likelihood's gradient in the log-parameters equals central differences", () => {
  const spend = CDNOW.filter((c) => c.x > 0).map((c) => ({x: c.x, m: c.zbar}));
  const logs = (p: GammaGammaParams) => [p.p, p.q, p.v].map(Math.log);
  const fromLog = ([p, q, v]: number[]): GammaGammaParams => ({p: Math.exp(p), q: Math.exp(q), v: Math.exp(v)});
  for (const at of [
    {p: 6.25, q: 3.74, v: 15.44},
    {p: 1, q: 2, v: 35},
    {p: 0.3, q: 12, v: 400}
  ]) {
    const {gradient} = gammaGammaLikelihoodAndGradient(at, spend);
    const h = 1e-5;
    for (let k = 0; k < 3; k++) {
      const [up, down] = [logs(at), logs(at)];
      up[k] += h;
      down[k] -= h;
      const central =
        (gammaGammaLikelihoodAndGradient(fromLog(up), spend).value -
          gammaGammaLikelihoodAndGradient(fromLog(down), spend).value) /
        (2 * h);
      expect(Math.abs(gradient[k] - central), `${JSON.stringify(at)} parameter ${k}`).toBeLessThan(
        1e-4 * Math.max(1, Math.abs(central))
      );
    }
  }
  expect(
    Math.max(...gammaGammaLikelihoodAndGradient({p: 1, q: 2, v: 35}, spend).gradient.map(Math.abs))
  ).toBeGreaterThan(10);
});
