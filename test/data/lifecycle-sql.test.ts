/**
 * lifecycleSql, stageSql/stageFlowSql and conversionSql on a real DuckDB: hand-computed
 * figures on a five-customer fixture and an independent TypeScript implementation on a
 * generated sample, including the reconciliation active(m − 1) = returning(m) + dormant(m).
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {lifecycleSql, type LifecycleMonth} from "../../src/lib/lifecycle.js";
import {
  conversionSql,
  NOT_YET,
  stageCountsSql,
  stageFlowSql,
  stageSql,
  type Conversion,
  type StageOptions
} from "../../src/lib/stages.js";
import {handFixture} from "../fixtures/activity.js";
import {sampleDatabase, type SampleDatabase} from "../helpers/sample-db.js";
import {referenceConversion, referenceLifecycle, referenceStages} from "../reference/activity.js";

const states = (m: LifecycleMonth) => [
  m.month,
  m.active,
  m.new,
  m.returning,
  m.resurrecting,
  m.dormant,
  m.orders,
  m.revenue_cents
];

describe("on the hand fixture", () => {
  let db: DuckDBConnection;
  beforeAll(async () => {
    db = await handFixture();
  });

  test("lifecycleSql: new, returning, resurrecting and dormant per month", async () => {
    const months = await queryRows<LifecycleMonth>(db, lifecycleSql());
    // Jan: A, B new. Feb: C new; A (return only) and B dormant. Mar: A resurrecting, C returning.
    expect(months.map(states)).toEqual([
      ["2024-01", 2, 2, 0, 0, 0, 3, 40000],
      ["2024-02", 1, 1, 0, 0, 2, 1, 6000],
      ["2024-03", 2, 0, 1, 1, 0, 2, 9000]
    ]);
    expect(months.map((m) => m.retention_rate)).toEqual([null, 0, 1]);
    expect(months.map((m) => m.repeat_rate)).toEqual([0, 0, 1]);
    expect(months[0].aov_cents).toBeCloseTo(40000 / 3, 9);
    expect(months.map((m) => m.frequency)).toEqual([1.5, 1, 1]);
  });

  const thresholds = {atRiskDays: 30, churnDays: 60, highValue: 250};
  const stagesAt = async (o: StageOptions) =>
    Object.fromEntries(
      (await queryRows<{customer_key: string; stage: string}>(db, `${stageSql(o)} ORDER BY 1`)).map((r) => [
        r.customer_key,
        r.stage
      ])
    );

  test("stageSql: stages at two dates, thresholds as inputs", async () => {
    // F (no signup date, never bought) is a prospect at every date; C (no signup date, first
    // bought 2024-02-05) is not yet a customer before that; E (signup 2024-04-10) never here.
    expect(await stagesAt({asOf: "2024-03-31", ...thresholds})).toEqual({
      A: "Repeat",
      B: "Churned",
      C: "Repeat",
      D: "Prospect",
      F: "Prospect"
    });
    expect(await stagesAt({asOf: "2024-03-31", ...thresholds, highValue: 125})).toEqual({
      A: "High value",
      B: "Churned",
      C: "Repeat",
      D: "Prospect",
      F: "Prospect"
    });
    expect(await stagesAt({asOf: "2024-02-29", ...thresholds})).toEqual({
      A: "At risk",
      B: "At risk",
      C: "First purchase",
      D: "Prospect",
      F: "Prospect"
    });
    expect(await stagesAt({asOf: "2024-01-15", ...thresholds})).toEqual({
      A: "First purchase",
      D: "Prospect",
      F: "Prospect"
    });
    expect(() => stageSql({asOf: "2024-03-31", atRiskDays: 60, churnDays: 60, highValue: 1})).toThrow(/churn/);
  });

  test("stageFlowSql: who moved between stages, new customers from NOT_YET", async () => {
    const flows = await queryRows(db, stageFlowSql("2024-01-15", {asOf: "2024-03-31", ...thresholds}));
    expect(flows.map((f) => [f.from, f.to, f.customers, f.revenue_cents])).toEqual([
      [NOT_YET, "Churned", 1, 30000],
      [NOT_YET, "Repeat", 1, 12000],
      ["First purchase", "Repeat", 1, 13000],
      ["Prospect", "Prospect", 2, 0]
    ]);
  });

  test("conversionSql: prospect → first and first → second purchase with median days", async () => {
    const [c] = await queryRows<Conversion>(db, conversionSql("2024-03-31"));
    // Registered by then: A, B, D (F has no signup date: a prospect, but not in the rate); bought: A (5 days after signup),
    // B (same day). Second orders: A 70 days, B same day, C 49 days.
    expect(c).toEqual({
      registered: 3,
      converted: 2,
      prospect_rate: 2 / 3,
      median_days_to_first: 2.5,
      buyers: 3,
      repeaters: 3,
      repeat_rate: 1,
      median_days_to_second: 49
    });
  });
});

describe("on a generated sample", () => {
  let sample: SampleDatabase;
  beforeAll(async () => {
    sample = await sampleDatabase();
  });

  for (const filters of [{}, {gender: ["F"], channel: ["store"]}] as Record<string, string[]>[]) {
    test(`lifecycleSql matches the TypeScript implementation and reconciles: ${JSON.stringify(filters)}`, async () => {
      const months = await queryRows<LifecycleMonth>(sample.db, lifecycleSql(filters));
      expect(months.length).toBeGreaterThan(30);
      expect(months.map(states)).toEqual(
        referenceLifecycle(sample.customers, sample.months, filters).map((m) => states(m as LifecycleMonth))
      );
      for (let i = 1; i < months.length; i++) {
        expect(months[i - 1].active).toBe(months[i].returning + months[i].dormant);
        expect(months[i].active).toBe(months[i].new + months[i].returning + months[i].resurrecting);
      }
    });
  }

  test("stageSql and stageCountsSql match the TypeScript implementation at two dates", async () => {
    for (const asOf of ["2025-09-30", "2026-06-30"]) {
      const o = {asOf, atRiskDays: 120, churnDays: 300, highValue: 2000};
      const rows = await queryRows<{customer_key: string; stage: string}>(sample.db, stageSql(o));
      const expected = referenceStages(sample.customers, sample.days, o);
      expect(new Map(rows.map((r) => [r.customer_key, r.stage]))).toEqual(expected);
      const counts = await queryRows<{stage: string; customers: number}>(sample.db, stageCountsSql(o));
      expect(counts.length).toBe(6); // every stage is populated on the sample
      expect(counts.reduce((s, c) => s + c.customers, 0)).toBe(expected.size);
    }
  });

  test("conversionSql matches the TypeScript implementation", async () => {
    const [c] = await queryRows<Conversion>(sample.db, conversionSql("2026-03-31"));
    expect(c).toEqual(referenceConversion(sample.customers, sample.days, "2026-03-31"));
  });
});
