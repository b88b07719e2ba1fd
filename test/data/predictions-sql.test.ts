/**
 * The prediction pages' SQL (src/lib/predictions.ts) and the rule columns from the models, on a
 * generated sample with its predictions: every figure recomputed in TypeScript from the rows.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {segmentedPopulationSql} from "../../src/lib/crosstab.js";
import {
  clvByGroupSql,
  consentSplit,
  earlyWarningSql,
  signalsSql,
  topClvSql,
  valueAtRiskSql,
  winBackSql,
  withPredictionsSql
} from "../../src/lib/predictions.js";
import {rfmSql} from "../../src/lib/rfm.js";
import {parseRules, segmentSql} from "../../src/lib/rules.js";
import {FOUR_TYPES} from "../../src/lib/rulesets.js";
import {sampleDatabase} from "../helpers/sample-db.js";

const AS_OF = "2026-06-30";
let db: DuckDBConnection;
let source: string;
type Row = Record<string, number | string | boolean | null>;
let rows: Row[];

beforeAll(async () => {
  ({db} = await sampleDatabase(3000, 5, AS_OF));
  source = segmentedPopulationSql(AS_OF, {}, FOUR_TYPES);
  rows = await queryRows<Row>(db, withPredictionsSql(source));
}, 120_000);

const atRisk = (r: Row, t = 0.5) => (r.p_alive !== null && (r.p_alive as number) < t) || (r.overdue_days as number) > 0;

describe("prediction pages' SQL", () => {
  test("the population joined to predictions is its buyers, each once", async () => {
    const [{buyers}] = await queryRows<{buyers: number}>(
      db,
      `SELECT count(*) AS buyers FROM (${source}) WHERE orders > 0`
    );
    expect(rows.length).toBe(buyers);
    expect(new Set(rows.map((r) => r.customer_key)).size).toBe(rows.length);
  });

  test("CLV by segment: buyers, CLV and mean P(alive) per group", async () => {
    const got = await queryRows<Row>(db, clvByGroupSql(source, "segment"));
    for (const g of got) {
      const members = rows.filter((r) => r.segment === g.group);
      expect(g.buyers).toBe(members.length);
      expect(g.clv_cents).toBe(members.reduce((s, r) => s + (r.clv_cents as number), 0));
      expect(g.mean_p_alive as number).toBeCloseTo(
        members.reduce((s, r) => s + (r.p_alive as number), 0) / members.length,
        5
      );
    }
    expect(got.reduce((s, g) => s + (g.buyers as number), 0)).toBe(rows.length);
  });

  test("top CLV: the highest CLVs in order", async () => {
    const got = await queryRows<Row>(db, topClvSql(source, 20));
    const expected = [...rows].sort((a, b) => (b.clv_cents as number) - (a.clv_cents as number)).slice(0, 20);
    expect(got.map((r) => r.clv_cents)).toEqual(expected.map((r) => r.clv_cents));
  });

  test("signals and value at risk by region against a count of the rows", async () => {
    const signals = await queryRows<Row>(db, signalsSql(source, 0.5));
    for (const s of signals) {
      const members = rows.filter(
        (r) => (r.p_alive as number) < 0.5 === s.model && (r.overdue_days as number) > 0 === s.rule
      );
      expect(s.buyers).toBe(members.length);
    }
    const byRegion = await queryRows<Row>(db, valueAtRiskSql(source, "region", 0.5));
    for (const g of byRegion) {
      const members = rows.filter((r) => r.region === g.group && atRisk(r));
      expect(g.at_risk).toBe(members.length);
      expect(g.clv_at_risk_cents).toBe(members.reduce((s, r) => s + (r.clv_cents as number), 0));
    }
  });

  test("early warning: valuable buyers whose risk is new, none whose risk is old", async () => {
    const got = await queryRows<Row>(db, earlyWarningSql(source, {threshold: 0.5, valuable: 80, limit: 10_000}));
    const expected = rows.filter(
      (r) =>
        (r.clv_percentile as number) >= 80 &&
        (((r.p_alive as number) < 0.5 && (r.p_alive_before as number) >= 0.5) ||
          ((r.overdue_days as number) > 0 && !r.overdue_before))
    );
    expect(got.length).toBe(expected.length);
    expect(got.length).toBeGreaterThan(0);
    expect(new Set(got.map((r) => r.customer_key))).toEqual(new Set(expected.map((r) => r.customer_key)));
  });

  test("win-back: lapsed buyers by value; the export keeps consent IS TRUE only and counts the rest", async () => {
    const got = await queryRows<Row & {consent: boolean | null}>(db, winBackSql(source, 50, 0.5));
    expect(got.length).toBe(rows.filter((r) => atRisk(r)).length);
    for (let i = 1; i < got.length; i++)
      expect(got[i].win_back_cents as number).toBeLessThanOrEqual(got[i - 1].win_back_cents as number);
    const split = consentSplit(got);
    expect(split.exportable.every((r) => r.consent === true)).toBe(true);
    expect(split.exportable.length + split.refused + split.unknown).toBe(got.length);
    // The sample has all three: consenting, refusing (or opted out) and unknown.
    expect(split.refused).toBeGreaterThan(0);
    expect(split.unknown).toBeGreaterThan(0);
  });

  test("win-back without a typical interval (no repeat buyer): one-time buyers' value is unknown and ranks last", async () => {
    const got = await queryRows<Row>(db, winBackSql(source, null, 0.5));
    const gaps = new Map(
      (await queryRows<Row>(db, "SELECT customer_key, mean_gap_days FROM predictions")).map((p) => [
        p.customer_key,
        p.mean_gap_days
      ])
    );
    const oneTime = got.filter((r) => gaps.get(r.customer_key) === null);
    expect(oneTime.length).toBeGreaterThan(0);
    expect(oneTime.every((r) => r.win_back_cents === null)).toBe(true);
    const known = got.findIndex((r) => r.win_back_cents === null);
    expect(known).toBe(got.length - oneTime.length);
    expect(got.slice(known).every((r) => r.win_back_cents === null)).toBe(true);
    // Repeat buyers keep their value, from their own interval.
    const withTypical = new Map(
      (await queryRows<Row>(db, winBackSql(source, 50, 0.5))).map((r) => [r.customer_key, r.win_back_cents])
    );
    for (const r of got.slice(0, known)) expect(r.win_back_cents).toBe(withTypical.get(r.customer_key));
  });
});

describe("rules on the models' columns", () => {
  test("p_alive, clv, expected_purchases_90d and cluster segment customers as the predictions say", async () => {
    const {rules, errors} = parseRules(
      "Slipping: p_alive < 0.4\nValuable: clv >= 1000 AND expected_purchases_90d > 0.5\nFirst cluster: cluster = 1\nOthers: orders > 0"
    );
    expect(errors).toEqual([]);
    const scored = rfmSql({asOf: AS_OF, scale: 5, method: "quantile", activity: "customers"});
    const got = await queryRows<{customer_key: string; segment: string | null}>(
      db,
      `SELECT customer_key, ${segmentSql(rules)} AS segment FROM (${scored})`
    );
    const predictions = new Map(
      (await queryRows<Row>(db, "SELECT * FROM predictions")).map((p) => [p.customer_key as string, p])
    );
    for (const r of got) {
      const p = predictions.get(r.customer_key);
      const expected = !p
        ? null
        : (p.p_alive as number) < 0.4
          ? "Slipping"
          : (p.clv_cents as number) / 100 >= 1000 && (p.expected_purchases_90d as number) > 0.5
            ? "Valuable"
            : p.cluster === 1
              ? "First cluster"
              : "Others";
      expect(r.segment, r.customer_key).toBe(expected);
    }
    expect(got.filter((r) => r.segment === "Slipping").length).toBeGreaterThan(0);
    expect(got.filter((r) => r.segment === "Valuable").length).toBeGreaterThan(0);
  });
});
