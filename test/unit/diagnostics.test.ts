/**
 * The model checks (loaders/models/diagnostics.ts) on data built to break each assumption: the
 * fits run on it for real, and the check must fire and pick the stated fallback. The end-to-end
 * cases (too few repeat buyers, too little history) run the whole prediction step.
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {randomGamma, randomLcg, randomPoisson} from "d3-random";
import {describe, expect, test} from "vitest";
import {PREDICTIONS_FILE} from "../../loaders/derive/model-settings.js";
import {predict} from "../../loaders/derive/predict.js";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {type BgNbdFit, fitBgNbd, type Rfm} from "../../loaders/models/bgnbd.js";
import {diagnose} from "../../loaders/models/diagnostics.js";
import {fitGammaGamma, type Spend} from "../../loaders/models/gammagamma.js";

const source = randomLcg(42);
const gamma = randomGamma.source(source);
const poisson = randomPoisson.source(source);
const healthy: BgNbdFit = {
  params: {r: 0.5, alpha: 40, a: 1.2, b: 10},
  logLikelihood: -1,
  converged: true,
  iterations: 2
};

/** Buyers who buy at a gamma-distributed Poisson rate and never drop out, over 200 to 700 days. */
function neverLeaving(n: number): Rfm[] {
  return Array.from({length: n}, () => {
    const T = 200 + Math.floor(source() * 500);
    const rate = gamma(1, 1 / 30)();
    const times: number[] = [];
    for (let t = -Math.log(source()) / rate; t < T; t += -Math.log(source()) / rate) times.push(Math.floor(t));
    const days = [...new Set(times)];
    return {x: days.length, tx: days.length ? days[days.length - 1] : 0, T};
  });
}

/** Repeat buyers' mean spend from the Gamma-Gamma process with the given q (and p 3, scale 50). */
function spends(n: number, q: number, link?: (x: number) => number): Spend[] {
  return Array.from({length: n}, () => {
    const x = 1 + poisson(2)();
    const nu = gamma(q, 1 / 50)();
    let sum = 0;
    for (let i = 0; i < x; i++) sum += gamma(3, 1 / nu)();
    return {x, m: link ? link(x) * (0.9 + 0.2 * source()) : sum / x};
  });
}

describe("each check fires on data that breaks its assumption", () => {
  test("no one ever leaves: no_dropout, P(alive) withheld, the purchase forecast kept", () => {
    const fit = fitBgNbd(neverLeaving(3000));
    const {diagnostics, methods} = diagnose(2000, fit, fitGammaGamma(spends(2000, 4)));
    expect(diagnostics.map((d) => d.code)).toEqual(["no_dropout"]);
    expect(methods).toEqual({purchases: "bgnbd", pAlive: "none", spend: "gammagamma"});
  });

  test("a heavy spend tail (q ≤ 1): gg_unbounded_mean, spend falls back to the own average", () => {
    const gg = fitGammaGamma(spends(3000, 0.6));
    expect(gg.params.q).toBeLessThanOrEqual(1);
    const {diagnostics, methods} = diagnose(3000, healthy, gg);
    expect(diagnostics.map((d) => d.code)).toEqual(["gg_unbounded_mean"]);
    expect(methods.spend).toBe("own-mean");
  });

  test("spend that grows with frequency: gg_correlation, spend falls back", () => {
    const gg = fitGammaGamma(spends(2000, 4, (x) => 40 * x));
    const {diagnostics, methods} = diagnose(2000, healthy, gg);
    expect(diagnostics.map((d) => d.code)).toContain("gg_correlation");
    expect(methods.spend).toBe("own-mean");
  });

  test("every buyer spends the same: the spend parameters run to an extreme", () => {
    const gg = fitGammaGamma(Array.from({length: 500}, (_, i) => ({x: 1 + (i % 4), m: 100})));
    const {diagnostics, methods} = diagnose(500, healthy, gg);
    expect(diagnostics.map((d) => d.code).some((c) => c === "gg_extreme" || c === "gg_not_converged")).toBe(true);
    expect(methods.spend).toBe("own-mean");
  });

  test("a fit that did not converge, or ran its rate to an extreme: purchases fall back to the own rate", () => {
    const gg = fitGammaGamma(spends(500, 4));
    for (const bad of [
      {...healthy, converged: false},
      {...healthy, params: {...healthy.params, r: 2e5, alpha: 1e-5}}
    ]) {
      const {diagnostics, methods} = diagnose(500, bad, gg);
      expect(diagnostics[0].code).toMatch(/bgnbd_not_converged|bgnbd_extreme/);
      expect(methods).toEqual({purchases: "own-rate", pAlive: "none", spend: "gammagamma"});
    }
  });

  test("healthy fits: no finding, the models everywhere", () => {
    expect(diagnose(500, healthy, fitGammaGamma(spends(2000, 4)))).toEqual({
      diagnostics: [],
      methods: {purchases: "bgnbd", pAlive: "bgnbd", spend: "gammagamma"}
    });
  });
});

describe("the whole prediction step on data too thin for the models", () => {
  test("20 repeat buyers and a few months: no model, own rates and averages, no validation", async () => {
    const db = await openDuckDB();
    // 40 buyers from 2026-03-01: half buy again 30 days later.
    await db.run(`CREATE TABLE customer_day AS
      SELECT 'c' || i AS customer_key, DATE '2026-03-01' + CAST(i AS INTEGER) AS day, 1 AS orders, CAST(1000 + i AS BIGINT) AS revenue_cents FROM range(40) t(i)
      UNION ALL SELECT 'c' || i, DATE '2026-03-31' + CAST(i AS INTEGER), 1, CAST(3000 AS BIGINT) FROM range(20) t(i)`);
    const dir = mkdtempSync(join(tmpdir(), "workbench-thin-"));
    try {
      const report = await predict(db, "customer_day", dir, "2026-06-30");
      expect(report.diagnostics.map((d) => d.code)).toEqual(["too_few_repeaters"]);
      expect(report.methods).toEqual({purchases: "own-rate", pAlive: "none", spend: "own-mean"});
      expect(report.validation).toBeUndefined();
      expect(report.totals.atRiskModel).toBeNull();
      const rows = await queryRows<{
        customer_key: string;
        p_alive: number | null;
        expected_order_cents: number;
        expected_purchases_90d: number;
      }>(db, `SELECT * FROM read_parquet('${join(dir, PREDICTIONS_FILE)}') ORDER BY customer_key`);
      expect(rows.length).toBe(40);
      expect(rows.every((r) => r.p_alive === null)).toBe(true);
      // c0: bought on day 0 and day 30, as of day 121: one repeat in 121 days → 90 × 1/121; spend = its repeat value.
      const c0 = rows.find((r) => r.customer_key === "c0")!;
      expect(c0.expected_purchases_90d).toBeCloseTo(90 / 121, 5);
      expect(c0.expected_order_cents).toBe(3000);
      // c39: one purchase: no repeat rate, own first purchase as spend.
      const c39 = rows.find((r) => r.customer_key === "c39")!;
      expect(c39.expected_purchases_90d).toBe(0);
      expect(c39.expected_order_cents).toBe(1039);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
