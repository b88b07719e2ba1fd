/**
 * cohortSql on a real DuckDB: against hand-computed figures on a five-customer fixture, and
 * against an independent TypeScript implementation on a generated sample (both grains, both
 * retention modes, with and without filters).
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {
  ALL_COHORTS,
  cohortCubeSql,
  cohortMembersSql,
  cohortSql,
  type CohortCell,
  type CohortOptions
} from "../../src/lib/cohorts.js";
import {handFixture} from "../fixtures/activity.js";
import {sampleDatabase, type SampleDatabase} from "../helpers/sample-db.js";
import {referenceCohorts} from "../reference/activity.js";

const pick = (cells: CohortCell[], cohort: string) =>
  cells.filter((c) => c.cohort === cohort).map((c) => [c.period, c.members, c.active, c.revenue_cents]);

describe("cohortSql on the hand fixture", () => {
  let db: DuckDBConnection;
  const run = (o: CohortOptions) => queryRows<CohortCell>(db, cohortSql(o));
  beforeAll(async () => {
    db = await handFixture();
    await db.run(
      `CREATE TABLE cohort_cube AS ${cohortCubeSql()}; CREATE TABLE cohort_members AS ${cohortMembersSql()}`
    );
  });

  test("monthly recurring retention, revenue retention and LTV", async () => {
    const cells = await run({grain: "month", mode: "recurring"});
    // 2024-01: A and B; A's February holds only a return (not active, revenue −¥20).
    expect(pick(cells, "2024-01")).toEqual([
      [0, 2, 2, 40000],
      [1, 2, 0, -2000],
      [2, 2, 1, 5000]
    ]);
    expect(pick(cells, "2024-02")).toEqual([
      [0, 1, 1, 8000],
      [1, 1, 1, 4000]
    ]);
    const jan = cells.filter((c) => c.cohort === "2024-01");
    expect(jan.map((c) => c.retention)).toEqual([1, 0, 0.5]);
    expect(jan.map((c) => c.revenue_retention)).toEqual([1, -0.05, 0.125]);
    expect(jan.map((c) => c.ltv_cents)).toEqual([20000, 19000, 21500]);
    // Pooled: period 1 has both cohorts, period 2 only January's.
    const all = cells.filter((c) => c.cohort === ALL_COHORTS);
    expect(all.map((c) => [c.period, c.members, c.active, c.revenue_cents])).toEqual([
      [0, 3, 3, 48000],
      [1, 3, 1, 2000],
      [2, 2, 1, 5000]
    ]);
    expect(all[1].revenue_retention).toBeCloseTo(2000 / 48000, 12);
    expect(all[1].ltv_cents).toBeCloseTo(50000 / 3, 9);
    expect(all[2].revenue_retention).toBe(5000 / 40000);
  });

  test("on-or-after retention counts customers who buy in the period or later", async () => {
    const cells = await run({grain: "month", mode: "on-or-after"});
    expect(cells.filter((c) => c.cohort === "2024-01").map((c) => c.retention)).toEqual([1, 0.5, 0.5]);
  });

  test("quarterly cohorts put everyone in 2024-Q1, period 0", async () => {
    const cells = await run({grain: "quarter", mode: "recurring"});
    expect(pick(cells, "2024-Q1")).toEqual([[0, 3, 3, 55000]]);
  });

  test("filters keep only the chosen customers", async () => {
    const cells = await run({grain: "month", mode: "recurring", filters: {channel: ["online"]}});
    expect(pick(cells, "2024-01")).toEqual([
      [0, 1, 1, 30000],
      [1, 1, 0, 0],
      [2, 1, 0, 0]
    ]);
    expect(pick(cells, "2024-02")).toEqual([]);
  });

  test("a filter value cannot inject SQL and an unknown filter column is refused", async () => {
    const cells = await run({grain: "month", mode: "recurring", filters: {region: ["North' OR '1'='1"]}});
    expect(cells).toEqual([]);
    expect(() => cohortSql({grain: "month", mode: "recurring", filters: {"1=1; --": ["x"]} as never})).toThrow(
      /filter/
    );
  });
});

describe("cohortSql on a generated sample", () => {
  let sample: SampleDatabase;
  beforeAll(async () => {
    sample = await sampleDatabase();
    await sample.db.run(
      `CREATE TABLE cohort_cube AS ${cohortCubeSql()}; CREATE TABLE cohort_members AS ${cohortMembersSql()}`
    );
  });

  const cases: CohortOptions[] = [
    {grain: "month", mode: "recurring"},
    {grain: "month", mode: "on-or-after"},
    {grain: "quarter", mode: "recurring", filters: {channel: ["online"]}},
    {grain: "quarter", mode: "on-or-after", filters: {region: ["Guangdong", "Beijing"], tier: ["Gold", "Silver"]}}
  ];
  for (const options of cases) {
    test(`matches the TypeScript implementation: ${JSON.stringify(options)}`, async () => {
      const actual = await queryRows<CohortCell>(sample.db, cohortSql(options));
      const expected = referenceCohorts(sample.customers, sample.months, options);
      expect(actual.length).toBeGreaterThan(20);
      expect(actual.map((c) => [c.cohort, c.period, c.members, c.active, c.revenue_cents])).toEqual(
        expected.map((c) => [c.cohort, c.period, c.members, c.active, c.revenue_cents])
      );
      actual.forEach((c, i) => {
        expect(c.retention).toBeCloseTo(expected[i].retention, 12);
        expect(c.ltv_cents).toBeCloseTo(expected[i].ltv_cents, 6);
        if (expected[i].revenue_retention === null) expect(c.revenue_retention).toBeNull();
        else expect(c.revenue_retention).toBeCloseTo(expected[i].revenue_retention!, 12);
      });
    });
  }

  test("period 0 is 100 % for every cohort and revenue retention differs from customer retention", async () => {
    const cells = await queryRows<CohortCell>(sample.db, cohortSql({grain: "month", mode: "recurring"}));
    expect(cells.filter((c) => c.period === 0).every((c) => c.retention === 1 && c.active === c.members)).toBe(true);
    const later = cells.filter((c) => c.period > 0 && c.revenue_retention !== null);
    expect(later.filter((c) => Math.abs(c.revenue_retention! - c.retention) > 0.01).length).toBeGreaterThan(
      later.length / 2
    );
  });
});
