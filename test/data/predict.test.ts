/**
 * The predictions a build publishes (loaders/derive/predict.ts) on a generated sample: the SQL
 * histories against a TypeScript reference written independently (test/reference/history.ts),
 * every buyer scored once with values a reader can recompute from the models, the models telling
 * dropped-out customers from active ones (AUC against the simulator's truth), and the validation.
 */
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {allowedGapSql, buyerDaysSql, historiesSql, typicalGapSql} from "../../loaders/derive/histories.js";
import {MODEL_DEFAULTS, PREDICTIONS_FILE} from "../../loaders/derive/model-settings.js";
import {type ModelsReport, predict, RECENT_DAYS, trendDates} from "../../loaders/derive/predict.js";
import {queryRows} from "../../loaders/duckdb.js";
import {bgnbdTotalLogLikelihood, expectedPurchases, fitBgNbd, pAlive} from "../../loaders/models/bgnbd.js";
import {clv} from "../../loaders/models/clv.js";
import {expectedSpend} from "../../loaders/models/gammagamma.js";
import {simulate} from "../../loaders/sources/synthetic/simulate.js";
import {dayNumber} from "../../loaders/sources/synthetic/calendar.js";
import {sampleCampaigns} from "../../loaders/sources/synthetic/index.js";
import {allowedGapAt, type History, repeatValueAt, rfmAt, typicalGapAt} from "../reference/history.js";
import {sampleDatabase} from "../helpers/sample-db.js";

const AS_OF = "2026-06-30";
const CUSTOMERS = 3000;
const SEED = 5;
let db: DuckDBConnection;
let histories: Map<string, History>;
let report: ModelsReport;
let predictions: Record<string, number | boolean | string | null>[];
let dir: string;

beforeAll(async () => {
  ({db} = await sampleDatabase(CUSTOMERS, SEED, AS_OF));
  const days = await queryRows<{customer_key: string; day: number; cents: number}>(
    db,
    `SELECT customer_key, CAST(day - DATE '1970-01-01' AS INTEGER) AS day, revenue_cents AS cents
     FROM customer_day WHERE orders > 0 ORDER BY customer_key, day`
  );
  const lists = new Map<string, {days: number[]; cents: number[]}>();
  for (const d of days) {
    const h = lists.get(d.customer_key) ?? {days: [], cents: []};
    h.days.push(d.day);
    h.cents.push(d.cents);
    lists.set(d.customer_key, h);
  }
  histories = new Map(
    [...lists].map(([k, h]) => [k, {days: Int32Array.from(h.days), cents: Float64Array.from(h.cents)}])
  );
  dir = mkdtempSync(join(tmpdir(), "workbench-predict-"));
  report = await predict(db, "customer_day", dir, AS_OF);
  predictions = await queryRows(db, `SELECT * FROM read_parquet('${join(dir, PREDICTIONS_FILE)}')`);
}, 120_000);

afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("histories", () => {
  const DATES = ["2026-06-30", "2025-12-30", "2024-03-31"];
  test("x, t_x, T and the overdue rule at several dates at once equal the TypeScript reference", async () => {
    await db.run(buyerDaysSql("customer_day", AS_OF));
    const prefixes = DATES.map((_, i) => `d${i}_`);
    const sql = historiesSql(Object.fromEntries(DATES.map((date, i) => [prefixes[i], date])));
    const typical = await queryRows<Record<string, number | null>>(
      db,
      `SELECT ${prefixes.map((p) => `${typicalGapSql(p)} AS ${p}`).join(", ")} FROM (${sql})`
    );
    const rows = await queryRows<Record<string, number | string | null>>(
      db,
      `SELECT *, ${prefixes.map((p) => `${allowedGapSql(p, typical[0][p])} AS ${p}allowed_gap`).join(", ")} FROM (${sql})`
    );
    // A row per buyer with a purchase by the as-of date (the first date), and no one else.
    expect(rows.length).toBe(histories.size);
    DATES.forEach((date, i) => {
      const p = prefixes[i];
      const day = dayNumber(date);
      const at = rows.filter((r) => r[`${p}x`] !== null);
      expect(at.length).toBe([...histories.values()].filter((h) => h.days[0] <= day).length);
      expect(at.length).toBeGreaterThan(100);
      const typicalGap = typicalGapAt([...histories.values()], day);
      expect(typical[0][p]).toBeCloseTo(typicalGap, 9);
      for (const r of rows) {
        const h = histories.get(r.customer_key as string)!;
        const rfm = rfmAt(h, day);
        const x = r[`${p}x`] as number | null;
        if (!rfm) {
          expect([x, r[`${p}tx`], r[`${p}T`], r[`${p}recency`], r[`${p}allowed_gap`]]).toEqual([
            null,
            null,
            null,
            null,
            null
          ]);
          continue;
        }
        expect(rfm).toEqual({x, tx: r[`${p}tx`], T: r[`${p}T`]});
        expect(r[`${p}recency`]).toBe(day - h.days[rfm.x]);
        expect(r[`${p}allowed_gap`]).toBeCloseTo(allowedGapAt(h, day, typicalGap), 6);
      }
    });
  });

  test("repeat value, purchases in the last two years, orders and revenue to date equal the reference", async () => {
    await db.run(buyerDaysSql("customer_day", AS_OF));
    const rows = await queryRows<{
      customer_key: string;
      first_cents: number;
      m_cents: number | null;
      purchases_12m: number;
      purchases_prior_12m: number;
      orders_to_date: number;
      revenue_to_date_cents: number;
    }>(db, historiesSql({"": AS_OF}));
    // Orders and revenue to date count every day, return-only days too (as the customer table does).
    const toDate = new Map<string, {orders: number; cents: number}>();
    for (const d of await queryRows<{customer_key: string; orders: number; revenue_cents: number}>(
      db,
      `SELECT customer_key, orders, revenue_cents FROM customer_day WHERE day <= DATE '${AS_OF}'`
    )) {
      const t = toDate.get(d.customer_key) ?? {orders: 0, cents: 0};
      toDate.set(d.customer_key, {orders: t.orders + d.orders, cents: t.cents + d.revenue_cents});
    }
    let withReturnDays = 0;
    const day = dayNumber(AS_OF);
    expect(rows.length).toBe(histories.size);
    for (const r of rows) {
      const h = histories.get(r.customer_key)!;
      const m = repeatValueAt(h, day);
      if (m === undefined) expect(r.m_cents).toBeNull();
      else expect(r.m_cents).toBeCloseTo(m, 6);
      expect(r.first_cents).toBe(h.cents[0]);
      expect(r.purchases_12m).toBe(h.days.filter((d) => d > day - 365).length);
      expect(r.purchases_prior_12m).toBe(h.days.filter((d) => d > day - 730 && d <= day - 365).length);
      expect({orders: r.orders_to_date, cents: r.revenue_to_date_cents}).toEqual(toDate.get(r.customer_key));
      if (r.revenue_to_date_cents !== h.cents.reduce((s, c) => s + c, 0)) withReturnDays++;
    }
    // The sample has buyers with return-only days, so the difference is tested.
    expect(withReturnDays).toBeGreaterThan(10);
  });
});

describe("predictions", () => {
  test("every buyer has one row, and nobody else", () => {
    expect(predictions.length).toBe(histories.size);
    expect(new Set(predictions.map((p) => p.customer_key))).toEqual(new Set(histories.keys()));
    expect(report.buyers).toBe(histories.size);
  });

  test("the models fit, the checks pass on the sample, and the methods are the models", () => {
    expect(report.bgnbd?.converged).toBe(true);
    expect(report.gammaGamma?.converged).toBe(true);
    expect(report.diagnostics).toEqual([]);
    expect(report.methods).toEqual({purchases: "bgnbd", pAlive: "bgnbd", spend: "gammagamma"});
  });

  test("each buyer's P(alive), expected purchases, spend and CLV recompute from the fitted models", () => {
    const params = report.bgnbd!.params;
    const gg = report.gammaGamma!.params;
    const day = dayNumber(AS_OF);
    for (const p of predictions.slice(0, 300)) {
      const h = histories.get(p.customer_key as string)!;
      const rfm = rfmAt(h, day)!;
      expect(p.p_alive).toBeCloseTo(pAlive(params, rfm), 5);
      expect(p.expected_purchases_90d).toBeCloseTo(expectedPurchases(params, rfm, 90), 4);
      const m = repeatValueAt(h, day);
      const spend = 100 * expectedSpend(gg, m !== undefined && m > 0 ? {x: rfm.x, m: m / 100} : {x: 0, m: 0});
      expect(Math.abs((p.expected_order_cents as number) - spend)).toBeLessThanOrEqual(0.5);
      const value = clv((t) => expectedPurchases(params, rfm, t), spend, MODEL_DEFAULTS);
      expect(Math.abs((p.clv_cents as number) - value)).toBeLessThanOrEqual(1);
      expect(p.repeat_purchases).toBe(rfm.x);
    }
  });

  test("the signals now and RECENT_DAYS ago (early warning) equal the reference at both dates", () => {
    const params = report.bgnbd!.params;
    const all = [...histories.values()];
    const [now, before] = [dayNumber(AS_OF), dayNumber(AS_OF) - RECENT_DAYS];
    const [typicalNow, typicalBefore] = [typicalGapAt(all, now), typicalGapAt(all, before)];
    expect(report.typicalGapDays).toBeCloseTo(typicalNow, 9);
    let newBuyers = 0;
    for (const p of predictions) {
      const h = histories.get(p.customer_key as string)!;
      // Published as a single float: seven significant digits.
      const allowed = allowedGapAt(h, now, typicalNow);
      expect(Math.abs((p.allowed_gap_days as number) - allowed)).toBeLessThanOrEqual(1e-6 * allowed);
      const then = rfmAt(h, before);
      if (!then) {
        // First purchase within the last RECENT_DAYS: no history then, so no signal then.
        newBuyers++;
        expect([p.p_alive_before, p.overdue_before]).toEqual([null, false]);
        continue;
      }
      expect(p.p_alive_before).toBeCloseTo(pAlive(params, then), 5);
      expect(p.overdue_before).toBe(before - h.days[then.x] > allowedGapAt(h, before, typicalBefore));
    }
    expect(newBuyers).toBeGreaterThan(0);
    expect(predictions.filter((p) => p.overdue_before).length).toBeGreaterThan(10);
  });

  test("CLV percentiles run from 0 to 100 in CLV order; totals match the rows", () => {
    const sorted = [...predictions].sort((a, b) => (a.clv_cents as number) - (b.clv_cents as number));
    expect(sorted[0].clv_percentile).toBe(0);
    expect(sorted.at(-1)!.clv_percentile).toBe(100);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i].clv_percentile as number).toBeGreaterThanOrEqual(sorted[i - 1].clv_percentile as number);
    const total = predictions.reduce((s, p) => s + (p.clv_cents as number), 0);
    expect(Math.abs(report.totals.clvCents - total)).toBeLessThan(predictions.length);
    expect(report.clvBands.reduce((s, b) => s + b.customers, 0)).toBe(predictions.length);
    expect(report.totals.atRiskRule).toBe(predictions.filter((p) => (p.overdue_days as number) > 0).length);
  });

  test("P(alive) tells the customers the simulator dropped from the active ones (AUC)", () => {
    const dropped = new Map<string, boolean>();
    simulate(CUSTOMERS, SEED, dayNumber("2023-07-01"), dayNumber(AS_OF), sampleCampaigns(AS_OF), {
      customer: (c) => dropped.set(`kC${String(c.index + 1).padStart(7, "0")}`, c.droppedOut),
      order: () => {},
      feedback: () => {},
      contact: () => {}
    });
    // AUC: the chance that an active buyer scores above a dropped one (ties count half).
    const auc = (rows: typeof predictions, score: (p: (typeof predictions)[number]) => number) => {
      const pos = rows.filter((p) => !dropped.get(p.customer_key as string)).map(score);
      const neg = rows.filter((p) => dropped.get(p.customer_key as string)).map(score);
      let wins = 0;
      for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
      return wins / (pos.length * neg.length);
    };
    expect(predictions.every((p) => dropped.has(p.customer_key as string))).toBe(true);
    const alive = (p: (typeof predictions)[number]) => p.p_alive as number;
    const onTime = (p: (typeof predictions)[number]) => -(p.overdue_days as number);
    const repeat = predictions.filter((p) => (p.repeat_purchases as number) > 0);
    const all = auc(predictions, alive);
    const repeaters = auc(repeat, alive);
    console.log(
      `AUC of P(alive): all buyers ${all.toFixed(3)}, repeat buyers ${repeaters.toFixed(3)}; ` +
        `of the overdue rule: all ${auc(predictions, onTime).toFixed(3)}, repeat ${auc(repeat, onTime).toFixed(3)}`
    );
    // One-time buyers all have P(alive) = 1 (BG/NBD lets no one leave before a repeat purchase), so
    // among all buyers they tie; among repeat buyers the model must separate well.
    expect(all).toBeGreaterThan(0.6);
    expect(repeaters).toBeGreaterThan(0.8);
  });

  test("the holdout validation predicts the holdout's purchases within 10 %", () => {
    const v = report.validation!;
    expect(v.calibrationEnd).toBe("2025-12-30");
    expect(Math.abs(v.totals.predicted - v.totals.actual) / v.totals.actual).toBeLessThan(0.1);
    expect(v.mae.model).toBeLessThan(v.mae.naive);
    expect(v.byRepeats.reduce((s, b) => s + b.customers, 0)).toBe(v.customers);
  });

  test("the validation's fit (started from the as-of fit) is the optimum a cold fit on the calibration histories finds", () => {
    const v = report.validation!;
    const end = dayNumber(v.calibrationEnd);
    const calibration = [...histories.values()].flatMap((h) => rfmAt(h, end) ?? []);
    expect(calibration.length).toBe(v.customers);
    const cold = fitBgNbd(calibration);
    expect(cold.converged).toBe(true);
    const at = (p: typeof cold.params) => bgnbdTotalLogLikelihood(p, calibration);
    expect(Math.abs(at(v.params) - cold.logLikelihood)).toBeLessThan(1e-6 * Math.abs(cold.logLikelihood));
    for (const k of ["r", "alpha", "a", "b"] as const)
      expect(Math.abs(v.params[k] - cold.params[k]) / cold.params[k], k).toBeLessThan(1e-3);
  });

  test("the validation's groups, totals and errors equal the reference's, buyer by buyer", () => {
    const v = report.validation!;
    const [end, asOf] = [dayNumber(v.calibrationEnd), dayNumber(AS_OF)];
    const buyers = [...histories.values()].flatMap((h) => {
      const c = rfmAt(h, end);
      if (!c) return [];
      const actual = rfmAt(h, asOf)!.x - c.x;
      const predicted = expectedPurchases(v.params, c, v.holdoutDays);
      const naive = c.T > 0 ? (c.x / c.T) * v.holdoutDays : 0;
      return [{repeats: Math.min(c.x, 7), actual, predicted, naive}];
    });
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b)));
    expect(v.customers).toBe(buyers.length);
    close(
      v.totals.actual,
      buyers.reduce((s, b) => s + b.actual, 0)
    );
    close(
      v.totals.predicted,
      buyers.reduce((s, b) => s + b.predicted, 0)
    );
    close(
      v.totals.naive,
      buyers.reduce((s, b) => s + b.naive, 0)
    );
    close(v.mae.model, buyers.reduce((s, b) => s + Math.abs(b.predicted - b.actual), 0) / buyers.length);
    close(v.mae.naive, buyers.reduce((s, b) => s + Math.abs(b.naive - b.actual), 0) / buyers.length);
    expect(v.byRepeats.map((g) => g.repeats)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const g of v.byRepeats) {
      const members = buyers.filter((b) => b.repeats === g.repeats);
      expect(g.customers).toBe(members.length);
      close(g.actual, members.reduce((s, b) => s + b.actual, 0) / members.length);
      close(g.predicted, members.reduce((s, b) => s + b.predicted, 0) / members.length);
    }
  });

  test("the trend has a point per month end of the last year, ending at the as-of date", () => {
    expect(report.trend.map((p) => p.date)).toEqual(trendDates(AS_OF));
    expect(trendDates(AS_OF)[0]).toBe("2025-07-31");
    expect(report.trend.at(-1)!.atRiskRule).toBe(report.totals.atRiskRule);
    expect(report.trend.at(-1)!.buyers).toBe(report.buyers);
  });

  test("each trend point counts the buyers, and those at risk by each signal, as the reference does at that date", () => {
    const params = report.bgnbd!.params;
    const threshold = report.settings.riskThreshold;
    const all = [...histories.values()];
    for (const point of report.trend) {
      const day = dayNumber(point.date);
      const typical = typicalGapAt(all, day);
      const buyers = all.filter((h) => h.days[0] <= day);
      const overdue = buyers.filter((h) => {
        const x = rfmAt(h, day)!.x;
        return day - h.days[x] > allowedGapAt(h, day, typical);
      });
      expect(point.buyers, point.date).toBe(buyers.length);
      expect(point.atRiskRule, point.date).toBe(overdue.length);
      expect(point.atRiskModel, point.date).toBe(
        buyers.filter((h) => pAlive(params, rfmAt(h, day)!) < threshold).length
      );
    }
    // Not a flat line: the counts move over the year.
    expect(new Set(report.trend.map((p) => p.atRiskRule)).size).toBeGreaterThan(3);
  });

  test("the default clusters cover every buyer, named by revenue per member", () => {
    const counts = new Map<number, number>();
    for (const p of predictions) counts.set(p.cluster as number, (counts.get(p.cluster as number) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4]);
    const centres = report.clusters!.centres;
    expect(centres.map((c) => c.customers)).toEqual([1, 2, 3, 4].map((c) => counts.get(c)));
    const perMember = centres.map((c) => c.revenueShare / c.customers);
    for (let i = 1; i < perMember.length; i++) expect(perMember[i]).toBeLessThanOrEqual(perMember[i - 1]);
    expect(centres.reduce((s, c) => s + c.revenueShare, 0)).toBeCloseTo(1, 9);
  });

  test("models.json carries aggregates only: no customer key", () => {
    const text = JSON.stringify(report);
    for (const p of predictions.slice(0, 200)) expect(text).not.toContain(p.customer_key as string);
    expect(readFileSync(join(dir, PREDICTIONS_FILE)).length).toBeGreaterThan(0);
  });
});
