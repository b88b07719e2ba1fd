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
import {drillSql, populationSql, rfmCellsSql, rfmViews, type RfmCell} from "../../src/lib/segments.js";
import {parseRules, ruleCounts, ruleCountsSql, segmentSql, type Rule} from "../../src/lib/rules.js";
import {evaluateRules, Superseded} from "../../src/lib/lab.js";
import {FOUR_TYPES, STANDARD_RFM, rulesOf} from "../../src/lib/rulesets.js";
import {DEFAULT_HIGH_VALUE, setLocale} from "../../src/lib/locale.js";
import {sampleDatabase} from "../helpers/sample-db.js";
import {NO_PREDICTIONS} from "../fixtures/activity.js";

const AS_OF = "2026-03-31";
let db: DuckDBConnection;

beforeAll(async () => {
  ({db} = await sampleDatabase());
});

interface Scored {
  customer_key: string;
  recency_days: number | null;
  orders: number;
  revenue_cents: number;
  r_score: number | null;
  f_score: number | null;
  m_score: number | null;
}

/** 1 + ⌊k × (buyers strictly worse) / buyers⌋, in plain TypeScript. */
function quantileScores(values: number[], k: number, worse: (a: number, b: number) => boolean): number[] {
  return values.map((v) => 1 + Math.floor((k * values.filter((w) => worse(w, v)).length) / values.length));
}

describe("rfmSql", () => {
  test("quantile scores match the documented rule for every buyer (1-5)", async () => {
    const rows = await queryRows<Scored>(db, rfmSql({asOf: AS_OF, scale: 5, method: "quantile"}));
    const buyers = rows.filter((r) => r.orders > 0);
    expect(buyers.length).toBeGreaterThan(1000);
    const r = quantileScores(
      buyers.map((b) => b.recency_days!),
      5,
      (w, v) => w > v
    );
    const f = quantileScores(
      buyers.map((b) => b.orders),
      5,
      (w, v) => w < v
    );
    const m = quantileScores(
      buyers.map((b) => b.revenue_cents),
      5,
      (w, v) => w < v
    );
    expect(buyers.map((b) => [b.r_score, b.f_score, b.m_score])).toEqual(buyers.map((_, i) => [r[i], f[i], m[i]]));
    expect(rows.filter((x) => x.orders === 0).every((x) => x.r_score === null)).toBe(true);
  });

  test("ties at a quantile boundary share the lower score (hand-computed)", async () => {
    const t = await openDuckDB();
    await t.run(NO_PREDICTIONS);
    await t.run(`CREATE TABLE customers AS SELECT 'c' || i AS customer_key, DATE '2024-01-01' AS signup_date, DATE '2024-06-01' AS first_purchase, 'R' AS region, 1 AS city_tier,
      'S' AS home_store, 'store' AS channel, 'Basic' AS tier, '25-34' AS age_band, 'F' AS gender, 'X' AS city, true AS consent, 0 AS points,
      0.0 AS discount_share, 0 AS complaints FROM range(10) r(i)`);
    // orders per customer: 1,1,1,1,1,2,2,3,3,10 — five tied at the bottom, two pairs.
    await t.run(`CREATE TABLE customer_day AS SELECT 'c' || i AS customer_key, DATE '2024-06-01' AS day,
      [1,1,1,1,1,2,2,3,3,10][i + 1]::INTEGER AS orders, 1000::BIGINT AS revenue_cents FROM range(10) r(i)`);
    const rows = await queryRows<{customer_key: string; f_score: number; m_score: number}>(
      t,
      `${rfmSql({asOf: "2024-06-30", scale: 5, method: "quantile"})} ORDER BY orders, customer_key`
    );
    expect(rows.map((r) => r.f_score)).toEqual([1, 1, 1, 1, 1, 3, 3, 4, 4, 5]);
    expect(new Set(rows.map((r) => r.m_score))).toEqual(new Set([1])); // all equal: all lowest
  });

  test("threshold scores follow the cut points", async () => {
    const thresholds = {recency: [90, 365], frequency: [2, 5], monetary: [500, 2000]};
    const rows = await queryRows<Scored>(db, rfmSql({asOf: AS_OF, scale: 3, method: "thresholds", thresholds}));
    expect(rows.filter((x) => x.orders > 0).length).toBeGreaterThan(100);
    for (const b of rows.filter((x) => x.orders > 0)) {
      expect(b.r_score).toBe(b.recency_days! <= 90 ? 3 : b.recency_days! <= 365 ? 2 : 1);
      expect(b.f_score).toBe(b.orders >= 5 ? 3 : b.orders >= 2 ? 2 : 1);
      expect(b.m_score).toBe(b.revenue_cents >= 200000 ? 3 : b.revenue_cents >= 50000 ? 2 : 1);
    }
  });

  test("an earlier as-of date ignores later purchases", async () => {
    const [early] = await queryRows<{n: number}>(
      db,
      `SELECT sum(orders)::INTEGER AS n FROM (${rfmSql({asOf: "2025-01-31", scale: 5, method: "quantile"})})`
    );
    const [direct] = await queryRows<{n: number}>(
      db,
      "SELECT sum(orders)::INTEGER AS n FROM customer_day WHERE day <= DATE '2025-01-31'"
    );
    expect(early.n).toBe(direct.n);
  });

  test("filters keep only the listed values", async () => {
    const rows = await queryRows<{region: string}>(
      db,
      rfmSql({asOf: AS_OF, scale: 5, method: "quantile", filters: {region: ["Shanghai", "Beijing"]}})
    );
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(["Shanghai", "Beijing"]));
  });
});

describe("rule engine", () => {
  const scored = rfmSql({asOf: AS_OF, scale: 5, method: "quantile"});
  const counts = async (baseline: Rule[], rules: Rule[], source: string) =>
    ruleCounts(baseline, rules, await queryRows(db, ruleCountsSql(baseline, rules, source)));

  test.each([
    [STANDARD_RFM, `SELECT * FROM (${scored}) WHERE orders > 0`],
    [FOUR_TYPES, scored]
  ])("$name covers every customer of its population exactly once", async (set, source) => {
    const rules = rulesOf(set);
    const {stats, unmatched, total} = await counts(rules, rules, source);
    expect(unmatched).toBe(0);
    expect(stats.reduce((s, x) => s + x.assigned, 0)).toBe(total);
    expect(stats.filter((s) => s.problem)).toEqual([]);
  });

  // Loyal takes the site's high-value revenue (high_value): the yuan default, and another currency's.
  test.each([3000, 700])(
    "segments are the first matching rule (checked in TypeScript), high value %i",
    async (highValue) => {
      const rules = rulesOf(FOUR_TYPES);
      setLocale({highValue});
      const rows = await queryRows<{orders: number; revenue: number; recency_days: number | null; segment: string}>(
        db,
        `SELECT orders, revenue, recency_days, ${segmentSql(rules)} AS segment FROM (${scored})`
      ).finally(() => setLocale({highValue: DEFAULT_HIGH_VALUE}));
      expect(new Set(rows.map((r) => r.segment)).size).toBe(4); // every type is reached, so each branch is checked
      // Customers the two settings class apart (loyal at 700, not at 3,000), so the setting is seen.
      expect(rows.some((r) => r.orders >= 4 && r.revenue >= 700 && r.revenue < 3000 && r.recency_days! <= 180)).toBe(
        true
      );
      for (const r of rows) {
        const expected =
          r.orders > 0 && r.recency_days! > 365
            ? "churned"
            : r.orders >= 4 && r.revenue >= highValue && r.recency_days! <= 180
              ? "loyal"
              : r.orders === 0 || (r.orders === 1 && r.recency_days! <= 180)
                ? "potential"
                : "drifting";
        expect(r.segment).toBe(expected);
      }
    }
  );

  test("rule checks flag rules that match nobody, unreachable rules and unmatched customers", async () => {
    const {rules} = parseRules("Big: orders >= 3\nNobody: orders > 100000\nShadowed: orders >= 5\nSome: orders = 1");
    const {stats, unmatched} = await counts(rulesOf(STANDARD_RFM), rules, `SELECT * FROM (${scored}) WHERE orders > 0`);
    expect(stats.map((s) => s.problem)).toEqual([
      undefined,
      "matches nobody",
      "unreachable: every customer it matches is taken by earlier rules",
      undefined
    ]);
    const [{two}] = await queryRows<{two: number}>(
      db,
      `SELECT count(*)::INTEGER AS two FROM (${scored}) WHERE orders = 2`
    );
    expect(unmatched).toBe(two);
  });

  test("migration counts customers moving from the baseline segments to the edited ones", async () => {
    const baseline = parseRules("A: orders >= 2\nB: orders >= 0").rules;
    const edited = parseRules("A: orders >= 3\nB: orders >= 0").rules;
    const {migration} = await counts(baseline, edited, scored);
    const [{two}] = await queryRows<{two: number}>(
      db,
      `SELECT count(*)::INTEGER AS two FROM (${scored}) WHERE orders = 2`
    );
    expect(migration.find((r) => r.from === "A" && r.to === "B")?.customers).toBe(two);
    expect(migration.find((r) => r.from === "B" && r.to === "A")).toBeUndefined();
  });

  test("one counting query gives the statistics, segment sizes and migration of each customer's first matches (checked in TypeScript)", async () => {
    // Two rules share a name, one matches nobody, some customers match no rule.
    const edited = parseRules("Top: m_score = 5\nRecent: r_score >= 4\nTop: f_score >= 4\nNobody: orders < 0").rules;
    const baseline = rulesOf(STANDARD_RFM);
    const source = `SELECT * FROM (${scored}) WHERE orders > 0`;
    const result = await counts(baseline, edited, source);
    const rows = await queryRows<{
      r_score: number;
      f_score: number;
      m_score: number;
      revenue_cents: number;
      base: string | null;
    }>(db, `SELECT r_score, f_score, m_score, revenue_cents, ${segmentSql(baseline)} AS base FROM (${source})`);
    const first = (r: (typeof rows)[number]) => (r.m_score === 5 ? 0 : r.r_score >= 4 ? 1 : r.f_score >= 4 ? 2 : null);
    const named = (i: number | null) => (i === null ? "(no rule)" : edited[i].name);
    const sum = (xs: typeof rows) => ({
      customers: xs.length,
      revenue_cents: xs.reduce((s, r) => s + Number(r.revenue_cents), 0)
    });
    expect(result.total).toBe(rows.length);
    expect(result.unmatched).toBe(rows.filter((r) => first(r) === null).length);
    expect(result.stats.map((s) => [s.matched, s.assigned, s.revenue_cents, s.problem])).toEqual([
      [
        rows.filter((r) => r.m_score === 5).length,
        sum(rows.filter((r) => first(r) === 0)).customers,
        sum(rows.filter((r) => first(r) === 0)).revenue_cents,
        undefined
      ],
      [
        rows.filter((r) => r.r_score >= 4).length,
        sum(rows.filter((r) => first(r) === 1)).customers,
        sum(rows.filter((r) => first(r) === 1)).revenue_cents,
        undefined
      ],
      [
        rows.filter((r) => r.f_score >= 4).length,
        sum(rows.filter((r) => first(r) === 2)).customers,
        sum(rows.filter((r) => first(r) === 2)).revenue_cents,
        undefined
      ],
      [0, 0, 0, "matches nobody"]
    ]);
    const total = sum(rows);
    for (const group of ["Top", "Recent", "(no rule)"]) {
      const expected = sum(rows.filter((r) => named(first(r)) === group));
      const got = result.summary.find((s) => s.group === group)!;
      expect([got.customers, got.revenue_cents]).toEqual([expected.customers, expected.revenue_cents]);
      expect(got.customer_share).toBeCloseTo(expected.customers / total.customers, 12);
      expect(got.revenue_share).toBeCloseTo(expected.revenue_cents / total.revenue_cents, 12);
    }
    expect(result.summary.map((s) => s.group).sort()).toEqual(["(no rule)", "Recent", "Top"]);
    const pairs = new Map<string, number>();
    for (const r of rows)
      pairs.set(
        `${r.base ?? "(no rule)"} → ${named(first(r))}`,
        (pairs.get(`${r.base ?? "(no rule)"} → ${named(first(r))}`) ?? 0) + 1
      );
    expect(new Map(result.migration.map((m) => [`${m.from} → ${m.to}`, m.customers]))).toEqual(pairs);
  });
});

test.each([STANDARD_RFM, FOUR_TYPES])(
  "the grid and segment table of $name from one scan equal a per-customer computation",
  async (set) => {
    const rules = rulesOf(set);
    const source = populationSql({asOf: AS_OF, scale: 5, method: "thresholds"}, set.population);
    const {grid, summary} = rfmViews(rules, await queryRows<RfmCell>(db, rfmCellsSql(source, rules)));
    const all = await queryRows<{
      r_score: number | null;
      f_score: number | null;
      orders: number;
      revenue_cents: number;
      recency_days: number | null;
      segment: string | null;
    }>(
      db,
      `SELECT r_score, f_score, orders, revenue_cents, recency_days, ${segmentSql(rules)} AS segment FROM (${source})`
    );
    const buyers = all.filter((c) => c.orders > 0);
    expect(grid.reduce((s, g) => s + g.customers, 0)).toBe(buyers.length);
    expect(grid.length).toBeGreaterThan(5);
    for (const g of grid) {
      const inCell = buyers.filter((c) => c.r_score === g.r_score && c.f_score === g.f_score);
      const revenue = inCell.reduce((s, c) => s + c.revenue_cents, 0);
      expect([g.customers, g.revenue_cents]).toEqual([inCell.length, revenue]);
      expect(g.avg_monetary).toBeCloseTo(revenue / inCell.length / 100, 9);
    }
    const totalRevenue = all.reduce((s, c) => s + c.revenue_cents, 0);
    expect(summary.map((s) => s.group).sort()).toEqual([...new Set(all.map((c) => c.segment ?? "(no rule)"))].sort());
    for (const s of summary) {
      const members = all.filter((c) => (c.segment ?? "(no rule)") === s.group);
      const orders = members.reduce((t, c) => t + c.orders, 0);
      const revenue = members.reduce((t, c) => t + c.revenue_cents, 0);
      const recent = members.filter((c) => c.recency_days !== null);
      expect([s.customers, s.orders, s.revenue_cents]).toEqual([members.length, orders, revenue]);
      if (orders) expect(s.aov_cents).toBeCloseTo(revenue / orders, 9);
      else expect(s.aov_cents).toBeNull();
      if (recent.length)
        expect(s.mean_recency_days).toBeCloseTo(recent.reduce((t, c) => t + c.recency_days!, 0) / recent.length, 9);
      else expect(s.mean_recency_days).toBeNull();
      expect(s.mean_frequency).toBeCloseTo(orders / members.length, 12);
      expect(s.customer_share).toBeCloseTo(members.length / all.length, 12);
      expect(s.revenue_share).toBeCloseTo(revenue / totalRevenue, 12);
    }
    expect(summary.map((s) => s.revenue_cents)).toEqual([...summary.map((s) => s.revenue_cents)].sort((a, b) => b - a));
    if (set === FOUR_TYPES) expect(all.some((c) => c.orders === 0)).toBe(true); // non-buyers are in the table, not the grid
  }
);

test("a drill-down lists the segment's or the cell's customers, largest revenue first (checked in TypeScript)", async () => {
  const rules = rulesOf(STANDARD_RFM);
  const source = `SELECT * FROM (${rfmSql({asOf: AS_OF, scale: 5, method: "quantile"})}) WHERE orders > 0`;
  const all = await queryRows<{
    customer_key: string;
    revenue_cents: number;
    r_score: number;
    f_score: number;
    segment: string;
  }>(db, `SELECT customer_key, revenue_cents, r_score, f_score, ${segmentSql(rules)} AS segment FROM (${source})`);
  const expected = (keep: (r: (typeof all)[number]) => boolean, limit: number) =>
    all
      .filter(keep)
      .sort((a, b) => Number(b.revenue_cents) - Number(a.revenue_cents) || (a.customer_key < b.customer_key ? -1 : 1))
      .slice(0, limit)
      .map((r) => r.customer_key);
  const keys = async (drill: Parameters<typeof drillSql>[2], limit?: number) =>
    (await queryRows<{customer_key: string}>(db, drillSql(source, rules, drill, limit))).map((r) => r.customer_key);
  expect(await keys({segment: "At Risk"})).toEqual(expected((r) => r.segment === "At Risk", Infinity));
  expect(await keys({segment: "Champions"}, 25)).toEqual(expected((r) => r.segment === "Champions", 25));
  expect(await keys({r: 2, f: 3})).toEqual(expected((r) => r.r_score === 2 && r.f_score === 3, Infinity));
  expect((await keys({segment: "At Risk"})).length).toBeGreaterThan(0);
  // The export asks without a limit: every customer of the segment, however many (there was a 100,000 cap).
  expect(drillSql(source, rules, {segment: "At Risk"})).not.toMatch(/LIMIT/);
});

describe("evaluateRules", () => {
  const source = () =>
    `SELECT * FROM (${rfmSql({asOf: "2026-06-30", scale: 5, method: "quantile"})}) AS scored WHERE orders > 0`;
  const query = (sql: string) => queryRows(db, sql);

  test("good rules: counts, and no errors", async () => {
    const result = await evaluateRules(
      query,
      "Big: revenue >= 3000\nRest: orders > 0",
      source(),
      rulesOf(STANDARD_RFM)
    );
    expect(result.errors).toEqual([]);
    expect(result.unmatched).toBe(0);
    expect(result.stats.map((s) => s.assigned).reduce((a, b) => a + b, 0)).toBe(result.total); // first match: each customer once
  });

  test("a condition that is not a true/false test, or does not type, is named with its line", async () => {
    const result = await evaluateRules(
      query,
      "Fine: orders > 1\nSum: revenue + 1\nTyped: lower(orders) = 'x'",
      source(),
      rulesOf(STANDARD_RFM)
    );
    expect(result.errors.map((e) => [e.rule, e.line])).toEqual([
      ["Sum", 2],
      ["Typed", 3]
    ]);
    expect(result.errors[0].message).toContain("not a true/false test");
  });

  test("a condition that types but fails on some row is named, with DuckDB's message; the others are not", async () => {
    const result = await evaluateRules(
      query,
      "Fine: orders > 1\nHuge: first_purchase > 'not a date'\nRest: orders > 0",
      source(),
      rulesOf(STANDARD_RFM)
    );
    expect(result.errors.map((e) => [e.rule, e.line])).toEqual([["Huge", 2]]);
    expect(result.errors[0].message).toMatch(/date/i);
    expect(result.total).toBe(0); // no counts: the page keeps its last good result
  });

  test("an edit describes only conditions it has not typed before; a superseded edit sends no counting query", async () => {
    const sent: string[] = [];
    const logged = (sql: string) => (sent.push(sql.trimStart().split(/\s/)[0]), query(sql));
    const types = new Map<string, string>();
    const first = await evaluateRules(
      logged,
      "Big: revenue >= 3000\nRest: orders > 0",
      source(),
      rulesOf(STANDARD_RFM),
      {types}
    );
    expect(sent).toEqual(["DESCRIBE", "SELECT"]);
    sent.length = 0;
    const again = await evaluateRules(
      logged,
      "Rest: orders > 0\nBig: revenue >= 3000",
      source(),
      rulesOf(STANDARD_RFM),
      {types}
    );
    expect(sent).toEqual(["SELECT"]);
    expect(again.total).toBe(first.total);
    sent.length = 0;
    // A cached type is still checked: a non-boolean condition stays an error on every edit.
    await evaluateRules(logged, "Sum: revenue + 1", source(), rulesOf(STANDARD_RFM), {types});
    const sum = await evaluateRules(logged, "Sum: revenue + 1", source(), rulesOf(STANDARD_RFM), {types});
    expect(sum.errors.map((e) => e.rule)).toEqual(["Sum"]);
    expect(sent).toEqual(["DESCRIBE"]);
    sent.length = 0;
    await expect(
      evaluateRules(logged, "New: orders > 2", source(), rulesOf(STANDARD_RFM), {types, superseded: () => true})
    ).rejects.toBeInstanceOf(Superseded);
    expect(sent).toEqual(["DESCRIBE"]);
  });
});
