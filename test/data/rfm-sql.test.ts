/**
 * rfmSql and the rule engine on a real DuckDB, against independent TypeScript computations:
 * quantile scores with ties at the boundaries, threshold scores, first-match segments, rule
 * checks (nobody, unreachable, unmatched), migration, and the shipped rule sets covering every
 * customer of the sample exactly once.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {rfmSql} from "../../src/lib/rfm.js";
import {migrationSql, parseRules, ruleStats, ruleStatsSql, segmentSql} from "../../src/lib/rules.js";
import {evaluateRules} from "../../src/lib/lab.js";
import {FOUR_TYPES, STANDARD_RFM, rulesOf} from "../../src/lib/rulesets.js";
import {sampleDatabase} from "../helpers/sample-db.js";

const AS_OF = "2026-03-31";
let db: DuckDBConnection;

beforeAll(async () => {
  ({db} = await sampleDatabase());
});

interface Scored {customer_key: string; recency_days: number | null; orders: number; revenue_cents: number; r_score: number | null; f_score: number | null; m_score: number | null}

/** 1 + ⌊k × (buyers strictly worse) / buyers⌋, in plain TypeScript. */
function quantileScores(values: number[], k: number, worse: (a: number, b: number) => boolean): number[] {
  return values.map((v) => 1 + Math.floor((k * values.filter((w) => worse(w, v)).length) / values.length));
}

describe("rfmSql", () => {
  test("quantile scores match the documented rule for every buyer (1-5)", async () => {
    const rows = await queryRows<Scored>(db, rfmSql({asOf: AS_OF, scale: 5, method: "quantile"}));
    const buyers = rows.filter((r) => r.orders > 0);
    expect(buyers.length).toBeGreaterThan(1000);
    const r = quantileScores(buyers.map((b) => b.recency_days!), 5, (w, v) => w > v);
    const f = quantileScores(buyers.map((b) => b.orders), 5, (w, v) => w < v);
    const m = quantileScores(buyers.map((b) => b.revenue_cents), 5, (w, v) => w < v);
    expect(buyers.map((b) => [b.r_score, b.f_score, b.m_score])).toEqual(buyers.map((_, i) => [r[i], f[i], m[i]]));
    expect(rows.filter((x) => x.orders === 0).every((x) => x.r_score === null)).toBe(true);
  });

  test("ties at a quantile boundary share the lower score (hand-computed)", async () => {
    const t = await openDuckDB();
    await t.run(`CREATE TABLE customers AS SELECT 'c' || i AS customer_key, DATE '2024-01-01' AS signup_date, 'R' AS region, 1 AS city_tier,
      'S' AS home_store, 'store' AS channel, 'Basic' AS tier, '25-34' AS age_band, 'F' AS gender, 'X' AS city, true AS consent, 0 AS points,
      0.0 AS discount_share, 0 AS complaints FROM range(10) r(i)`);
    // orders per customer: 1,1,1,1,1,2,2,3,3,10 — five tied at the bottom, two pairs.
    await t.run(`CREATE TABLE customer_day AS SELECT 'c' || i AS customer_key, DATE '2024-06-01' AS day,
      [1,1,1,1,1,2,2,3,3,10][i + 1]::INTEGER AS orders, 1000::BIGINT AS revenue_cents FROM range(10) r(i)`);
    const rows = await queryRows<{customer_key: string; f_score: number; m_score: number}>(t, `${rfmSql({asOf: "2024-06-30", scale: 5, method: "quantile"})} ORDER BY orders, customer_key`);
    expect(rows.map((r) => r.f_score)).toEqual([1, 1, 1, 1, 1, 3, 3, 4, 4, 5]);
    expect(new Set(rows.map((r) => r.m_score))).toEqual(new Set([1])); // all equal: all lowest
  });

  test("threshold scores follow the cut points", async () => {
    const thresholds = {recency: [90, 365], frequency: [2, 5], monetary: [500, 2000]};
    const rows = await queryRows<Scored>(db, rfmSql({asOf: AS_OF, scale: 3, method: "thresholds", thresholds}));
    for (const b of rows.filter((x) => x.orders > 0)) {
      expect(b.r_score).toBe(b.recency_days! <= 90 ? 3 : b.recency_days! <= 365 ? 2 : 1);
      expect(b.f_score).toBe(b.orders >= 5 ? 3 : b.orders >= 2 ? 2 : 1);
      expect(b.m_score).toBe(b.revenue_cents >= 200000 ? 3 : b.revenue_cents >= 50000 ? 2 : 1);
    }
  });

  test("an earlier as-of date ignores later purchases", async () => {
    const [early] = await queryRows<{n: number}>(db, `SELECT sum(orders)::INTEGER AS n FROM (${rfmSql({asOf: "2025-01-31", scale: 5, method: "quantile"})})`);
    const [direct] = await queryRows<{n: number}>(db, "SELECT sum(orders)::INTEGER AS n FROM customer_day WHERE day <= DATE '2025-01-31'");
    expect(early.n).toBe(direct.n);
  });

  test("filters keep only the listed values", async () => {
    const rows = await queryRows<{region: string}>(db, rfmSql({asOf: AS_OF, scale: 5, method: "quantile", filters: {region: ["Shanghai", "Beijing"]}}));
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(["Shanghai", "Beijing"]));
  });
});

describe("rule engine", () => {
  const scored = rfmSql({asOf: AS_OF, scale: 5, method: "quantile"});

  test.each([
    [STANDARD_RFM, `SELECT * FROM (${scored}) WHERE orders > 0`],
    [FOUR_TYPES, scored]
  ])("$name covers every customer of its population exactly once", async (set, source) => {
    const rules = rulesOf(set);
    const [row] = await queryRows(db, ruleStatsSql(rules, source));
    const {stats, unmatched, total} = ruleStats(rules, row);
    expect(unmatched).toBe(0);
    expect(stats.reduce((s, x) => s + x.assigned, 0)).toBe(total);
    expect(stats.filter((s) => s.problem)).toEqual([]);
  });

  test("segments are the first matching rule (checked in TypeScript)", async () => {
    const rules = rulesOf(FOUR_TYPES);
    const rows = await queryRows<{orders: number; revenue: number; recency_days: number | null; segment: string}>(db,
      `SELECT orders, revenue, recency_days, ${segmentSql(rules)} AS segment FROM (${scored})`);
    for (const r of rows) {
      const expected = r.orders > 0 && r.recency_days! > 365 ? "churned"
        : r.orders >= 4 && r.revenue >= 3000 && r.recency_days! <= 180 ? "loyal"
        : r.orders === 0 || (r.orders === 1 && r.recency_days! <= 180) ? "potential" : "drifting";
      expect(r.segment).toBe(expected);
    }
  });

  test("rule checks flag rules that match nobody, unreachable rules and unmatched customers", async () => {
    const {rules} = parseRules("Big: orders >= 3\nNobody: orders > 100000\nShadowed: orders >= 5\nSome: orders = 1");
    const [row] = await queryRows(db, ruleStatsSql(rules, `SELECT * FROM (${scored}) WHERE orders > 0`));
    const {stats, unmatched} = ruleStats(rules, row);
    expect(stats.map((s) => s.problem)).toEqual([undefined, "matches nobody", "unreachable: every customer it matches is taken by earlier rules", undefined]);
    const [{two}] = await queryRows<{two: number}>(db, `SELECT count(*)::INTEGER AS two FROM (${scored}) WHERE orders = 2`);
    expect(unmatched).toBe(two);
  });

  test("migration counts customers moving from the baseline segments to the edited ones", async () => {
    const baseline = parseRules("A: orders >= 2\nB: orders >= 0").rules;
    const edited = parseRules("A: orders >= 3\nB: orders >= 0").rules;
    const rows = await queryRows<{from: string; to: string; customers: number}>(db, migrationSql(baseline, edited, scored));
    const [{two}] = await queryRows<{two: number}>(db, `SELECT count(*)::INTEGER AS two FROM (${scored}) WHERE orders = 2`);
    expect(rows.find((r) => r.from === "A" && r.to === "B")?.customers).toBe(two);
    expect(rows.find((r) => r.from === "B" && r.to === "A")).toBeUndefined();
  });
});

describe("evaluateRules", () => {
  const source = () => `SELECT * FROM (${rfmSql({asOf: "2026-06-30", scale: 5, method: "quantile"})}) AS scored WHERE orders > 0`;
  const query = (sql: string) => queryRows(db, sql);

  test("good rules: counts, and no errors", async () => {
    const result = await evaluateRules(query, "Big: revenue >= 3000\nRest: orders > 0", source(), rulesOf(STANDARD_RFM));
    expect(result.errors).toEqual([]);
    expect(result.unmatched).toBe(0);
    expect(result.stats.map((s) => s.assigned).reduce((a, b) => a + b, 0)).toBe(result.total); // first match: each customer once
  });

  test("a condition that is not a true/false test, or does not type, is named with its line", async () => {
    const result = await evaluateRules(query, "Fine: orders > 1\nSum: revenue + 1\nTyped: lower(orders) = 'x'", source(), rulesOf(STANDARD_RFM));
    expect(result.errors.map((e) => [e.rule, e.line])).toEqual([["Sum", 2], ["Typed", 3]]);
    expect(result.errors[0].message).toContain("not a true/false test");
  });
});
