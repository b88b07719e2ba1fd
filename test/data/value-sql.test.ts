/**
 * Pareto, cross-tab and store SQL on a real DuckDB, against hand-computed figures and an
 * independent TypeScript implementation; and the report pages' scoring from the customer
 * table equal to scoring from the customer × day table at the build date.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {
  crossCells,
  segmentedPopulationSql,
  segmentMixSql,
  storeComparisonSql,
  type MixRow,
  type StoreRow
} from "../../src/lib/crosstab.js";
import {lorenzSql, paretoSummarySql, type LorenzPoint, type ParetoSummary} from "../../src/lib/pareto.js";
import {rfmSql} from "../../src/lib/rfm.js";
import {FOUR_TYPES, segmentOptions, STANDARD_RFM} from "../../src/lib/rulesets.js";
import {handFixture} from "../fixtures/activity.js";
import {sampleDatabase, type SampleDatabase} from "../helpers/sample-db.js";
import {referencePareto} from "../reference/activity.js";

describe("on the hand fixture", () => {
  let db: DuckDBConnection;
  beforeAll(async () => {
    db = await handFixture();
  });

  test("paretoSummarySql: Gini and the top share (buyers A ¥130, B ¥300, C ¥120)", async () => {
    const [s] = await queryRows<ParetoSummary>(db, paretoSummarySql(34));
    // Top ⌈3 × 34 %⌉ = 2 buyers: (300 + 130) / 550. Gini: Σ|xᵢ − xⱼ| over pairs 10 + 180 + 170 = 360, ÷ (3 × 550).
    expect(s).toEqual({
      buyers: 3,
      clipped: 0,
      revenue_cents: 55000,
      gini: expect.closeTo(360 / 1650, 12),
      top_customers: 2,
      top_share: expect.closeTo(430 / 550, 12)
    });
    const lorenz = await queryRows<LorenzPoint>(db, lorenzSql({}, 3));
    expect(lorenz.map((p) => [p.customer_share, p.revenue_share])).toEqual([
      [0, 0],
      [1 / 3, 300 / 550],
      [2 / 3, 430 / 550],
      [1, 1]
    ]);
    expect(() => paretoSummarySql(0)).toThrow(/top percent/);
  });

  test("crossCells: customers, revenue per customer and segment mix; small cells suppressed", () => {
    const rows: MixRow[] = [
      {row: "25-34", col: "F", segment: "Loyal", customers: 30, revenue_cents: 90000},
      {row: "25-34", col: "F", segment: "Lost", customers: 10, revenue_cents: 10000},
      {row: "55+", col: "M", segment: "Lost", customers: 4, revenue_cents: 800}
    ];
    const [big, small] = crossCells(rows);
    expect(big).toEqual({
      row: "25-34",
      col: "F",
      customers: 40,
      revenue_cents: 100000,
      revenue_per_customer_cents: 2500,
      suppressed: false,
      mix: [
        {segment: "Loyal", customers: 30, share: 0.75},
        {segment: "Lost", customers: 10, share: 0.25}
      ]
    });
    expect(small).toEqual({
      row: "55+",
      col: "M",
      customers: 4,
      revenue_cents: 0,
      revenue_per_customer_cents: null,
      suppressed: true,
      mix: []
    });
  });
});

describe("on a generated sample", () => {
  let sample: SampleDatabase;
  beforeAll(async () => {
    sample = await sampleDatabase();
  });

  const cases: [number, Record<string, string[]>][] = [
    [20, {}],
    [5, {channel: ["online"]}],
    [50, {region: ["Guangdong"], gender: ["F", "M"]}]
  ];
  for (const [top, filters] of cases) {
    test(`paretoSummarySql matches the TypeScript implementation: top ${top} %, ${JSON.stringify(filters)}`, async () => {
      const [s] = await queryRows<ParetoSummary>(sample.db, paretoSummarySql(top, filters));
      const r = referencePareto(sample.customers, top, filters);
      expect(s.buyers).toBe(r.buyers);
      expect(s.buyers).toBeGreaterThan(100);
      expect(s.top_customers).toBe(r.top_customers);
      expect(s.revenue_cents).toBe(r.revenue_cents);
      expect(s.gini).toBeCloseTo(r.gini, 10);
      expect(s.top_share).toBeCloseTo(r.top_share, 12);
      // The curve passes through the same point as the read-out, when a slice ends there.
      const lorenz = await queryRows<LorenzPoint>(sample.db, lorenzSql(filters, 200));
      expect(lorenz.length).toBe(201);
      // With one slice per buyer, a point ends exactly at the top share's last buyer.
      const perBuyer = await queryRows<LorenzPoint>(sample.db, lorenzSql(filters, r.buyers));
      const at = perBuyer.find((p) => Math.abs(p.customer_share - r.top_customers / r.buyers) < 1e-12);
      expect(at).toBeDefined();
      expect(at!.revenue_share).toBeCloseTo(r.top_share, 12);
    });
  }

  test("scoring from the customer table equals scoring from the day table at the build date", async () => {
    const asOf = "2026-06-30";
    const fromDays = await queryRows(
      sample.db,
      `${rfmSql({asOf, scale: 5, method: "quantile"})} ORDER BY customer_key`
    );
    const fromCustomers = await queryRows(sample.db, `${rfmSql(segmentOptions(asOf, {}))} ORDER BY customer_key`);
    expect(fromCustomers.length).toBe(3000);
    expect(fromCustomers).toEqual(fromDays);
  });

  test("segmentMixSql and storeComparisonSql match plain TypeScript counts", async () => {
    for (const set of [STANDARD_RFM, FOUR_TYPES]) {
      const segmented = segmentedPopulationSql("2026-06-30", {}, set);
      const people = await queryRows<{
        customer_key: string;
        segment: string;
        age_band: string;
        gender: string;
        home_store: string | null;
        orders: number;
        revenue_cents: number;
      }>(sample.db, segmented);
      const mix = await queryRows<MixRow>(sample.db, segmentMixSql(segmented, "age_band", "gender"));
      const expected = new Map<string, number>();
      for (const p of people)
        expected.set(
          `${p.age_band}|${p.gender}|${p.segment}`,
          (expected.get(`${p.age_band}|${p.gender}|${p.segment}`) ?? 0) + 1
        );
      expect(new Map(mix.map((m) => [`${m.row}|${m.col}|${m.segment}`, m.customers]))).toEqual(expected);
      expect(people.every((p) => p.segment !== "(no rule)")).toBe(true); // both sets cover everyone
      const stores = await queryRows<StoreRow>(sample.db, storeComparisonSql(segmented));
      for (const s of stores) {
        const mine = people.filter((p) => (p.home_store ?? "unknown") === s.store);
        const buyers = mine.filter((p) => p.orders > 0);
        expect([s.customers, s.buyers, s.revenue_cents]).toEqual([
          mine.length,
          buyers.length,
          mine.reduce((t, p) => t + p.revenue_cents, 0)
        ]);
        expect(s.repeat_rate).toBeCloseTo(buyers.filter((p) => p.orders >= 2).length / buyers.length, 12);
      }
    }
  });
});
