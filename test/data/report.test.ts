/**
 * The leadership report's figures on a real DuckDB over a generated sample, against
 * independent TypeScript computations over the same rows; the published files pass the
 * suppression scan (and unsuppressed figures fail it); and a period's report is the same
 * whether it was built when the period had just ended or months later.
 */
import {mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {coreFigures, detailFigures, prepareReport} from "../../loaders/report/figures.js";
import {REPORT_DEFAULTS, writeReports} from "../../loaders/report/index.js";
import {type PeriodReport, campaignRows, periodReport} from "../../loaders/report/report.js";
import {type CampaignGroup, campaignOutcomesSql, evaluateCampaigns} from "../../src/lib/campaigns.js";
import {lifecycleSql} from "../../src/lib/lifecycle.js";
import {completePeriods, type Period, periodActivitySql, shiftPeriod} from "../../src/lib/periods.js";
import {reportViolations} from "../helpers/report-scan.js";
import {type SampleDatabase, sampleDatabase} from "../helpers/sample-db.js";
import {knownAt, referenceConversion, referencePareto} from "../reference/activity.js";

let sample: SampleDatabase;
const AS_OF = "2026-06-30";
const BUILT = "2026-07-01T00:00:00.000Z";

beforeAll(async () => {
  sample = await sampleDatabase(3000, 5);
}, 300_000);

/** Per customer, what they did by `end` and in the period: from the day rows alone. */
function reference(period: Period, previous: Period) {
  const inRange = (d: string, p: Period) => d >= p.start && d <= p.end;
  const by = new Map<string, {day: string; orders: number; revenue_cents: number}[]>();
  for (const d of sample.days) if (d.day <= period.end) by.set(d.customer_key, [...(by.get(d.customer_key) ?? []), d]);
  let [active, fresh, returning, resurrecting, dormant, orders, revenue] = [0, 0, 0, 0, 0, 0, 0];
  const buyers: {customer_key: string; orders: number; revenue_cents: number}[] = [];
  const types = new Map<string, number>();
  for (const c of sample.customers) {
    const days = by.get(c.customer_key) ?? [];
    const bought = days.filter((d) => d.orders > 0);
    const now = bought.some((d) => inRange(d.day, period));
    const before = bought.some((d) => inRange(d.day, previous));
    const earlier = bought.some((d) => d.day < previous.start);
    if (now) active++;
    if (now && !before && !earlier) fresh++;
    if (now && before) returning++;
    if (now && !before && earlier) resurrecting++;
    if (before && !now) dormant++;
    const here = days.filter((d) => inRange(d.day, period));
    orders += here.reduce((s, d) => s + d.orders, 0);
    revenue += here.reduce((s, d) => s + d.revenue_cents, 0);
    if (here.length)
      buyers.push({
        customer_key: c.customer_key,
        orders: here.reduce((s, d) => s + d.orders, 0),
        revenue_cents: here.reduce((s, d) => s + d.revenue_cents, 0)
      });
    // The clothing-store four types at the period's end, by their rules (src/lib/rulesets.ts).
    if (!knownAt(c, period.end)) continue;
    const n = bought.reduce((s, d) => s + d.orders, 0);
    const yuan = days.reduce((s, d) => s + d.revenue_cents, 0) / 100;
    const last = bought
      .map((d) => d.day)
      .sort()
      .at(-1);
    const recency = last ? (Date.parse(period.end) - Date.parse(last)) / 86_400_000 : null;
    const type =
      n > 0 && recency! > 365
        ? "churned"
        : n >= 4 && yuan >= 3000 && recency! <= 180
          ? "loyal"
          : n === 0 || (n === 1 && recency! <= 180)
            ? "potential"
            : "drifting";
    types.set(type, (types.get(type) ?? 0) + 1);
  }
  return {active, new: fresh, returning, resurrecting, dormant, orders, revenue_cents: revenue, buyers, types};
}

describe("a period's figures", () => {
  const periods = completePeriods(AS_OF, "month", 12);
  for (const period of [periods[0], periods[6], periods[11], completePeriods(AS_OF, "quarter", 1)[0]]) {
    test(`${period.id}: activity, customers, conversion, value and types match an independent count`, async () => {
      const grain = period.id.includes("Q") ? "quarter" : "month";
      const previous = shiftPeriod(period, grain, -1);
      const f = await coreFigures(sample.db, await prepareReport(sample.db, grain), period);
      const r = reference(period, previous);
      expect(f.activity).toMatchObject({
        active: r.active,
        new: r.new,
        returning: r.returning,
        resurrecting: r.resurrecting,
        dormant: r.dormant,
        orders: r.orders,
        revenue_cents: r.revenue_cents
      });
      expect(f.known).toBe(sample.customers.filter((c) => knownAt(c, period.end)).length);
      const conversion = referenceConversion(sample.customers, sample.days, period.end);
      expect(f.conversion).toMatchObject({
        registered: conversion.registered,
        converted: conversion.converted,
        buyers: conversion.buyers,
        repeaters: conversion.repeaters
      });
      const pareto = referencePareto(
        r.buyers.map((b) => ({...b, signup_date: null, first_purchase: null})),
        20
      );
      expect(f.value.top_share).toBeCloseTo(pareto.top_share, 12);
      expect(Object.fromEntries(f.types.map((t) => [t.type, t.customers]))).toEqual(Object.fromEntries(r.types));
    });
  }

  test("monthly periods have lifecycle.ts's states, month by month", async () => {
    const months = await queryRows<{
      month: string;
      active: number;
      new: number;
      returning: number;
      resurrecting: number;
      dormant: number;
    }>(sample.db, lifecycleSql({}));
    const periods = await queryRows<Record<string, number | string>>(sample.db, periodActivitySql("month"));
    const states = (r: Record<string, unknown>) => ({
      active: r.active,
      new: r.new,
      returning: r.returning,
      resurrecting: r.resurrecting,
      dormant: r.dormant
    });
    expect(periods.length).toBeGreaterThan(30);
    for (const l of months) expect(states(periods.find((p) => p.period === l.month)!), l.month).toEqual(states(l));
  });
});

describe("published reports", () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "workbench-report-"));
    await writeReports(sample.db, AS_OF, BUILT, REPORT_DEFAULTS, 0.5, dir);
    files = readdirSync(dir).map((f) => join(dir, f));
  }, 300_000);
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  test("twelve months and an index, each with no cell that breaks the small-cell rule", () => {
    expect(files.filter((f) => /\d{4}-\d{2}\.json$/.test(f))).toHaveLength(12);
    for (const file of files) expect(reportViolations(JSON.parse(readFileSync(file, "utf-8")), 10), file).toEqual([]);
    // Suppression did happen: a sample of 3,000 has small cells (the scan is not vacuous).
    const suppressed = files.filter((f) => readFileSync(f, "utf-8").includes('"suppressed": true'));
    expect(suppressed.length).toBeGreaterThan(0);
  });

  test("the same figures without suppression break the rule, and the scan says where", async () => {
    const period = completePeriods(AS_OF, "month", 1)[0];
    const previous = shiftPeriod(period, "month", -1);
    const prepared = await prepareReport(sample.db, "month");
    const core = await coreFigures(sample.db, prepared, period);
    const raw = periodReport(
      "month",
      core,
      await coreFigures(sample.db, prepared, previous),
      null,
      [core],
      await detailFigures(sample.db, prepared, period, previous),
      {minCell: 1, builtAt: BUILT}
    );
    // A source without home stores: every customer's is unknown, so no store is ranked and the page says the data lacks them.
    const detail = await detailFigures(sample.db, prepared, period, previous);
    const storeless = periodReport(
      "month",
      core,
      await coreFigures(sample.db, prepared, previous),
      null,
      [core],
      {...detail, groups: {...detail.groups, home_store: [{...detail.groups.home_store[0], group: "unknown"}]}},
      {minCell: 10, builtAt: BUILT}
    );
    expect(storeless.groups.home_store).toEqual({top: [], bottom: [], groups: 0, shown: 0});
    expect(storeless.groups.region.shown).toBeGreaterThan(1);
    const violations = reportViolations(raw, 10);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.join("\n")).toMatch(/customers \(fewer than 10\)/);
  });

  test("a campaign is evaluated in the period its window closes, listed as running in the period it was sent", async () => {
    const read = (id: string) => JSON.parse(readFileSync(join(dir, `${id}.json`), "utf-8")) as PeriodReport;
    const outcomes = await queryRows<CampaignGroup>(sample.db, campaignOutcomesSql());
    // Win-back: sent 2025-10-03, 30 days; the VIP preview: sent 2026-05-25, 21 days.
    expect(read("2025-10").campaigns.closed).toEqual([]);
    expect(read("2025-10").campaigns.open.map((c) => [c.campaign_id, c.closes])).toEqual([["WINBACK", "2025-11-02"]]);
    const [winBack] = read("2025-11").campaigns.closed;
    const expected = evaluateCampaigns(outcomes).find((e) => e.campaign_id === "WINBACK")!;
    expect(winBack.contacted).toBe(expected.treated.customers);
    expect(winBack.heldOut).toBe(expected.holdout.customers);
    expect(winBack.uplift!.estimate).toBeCloseTo(expected.responseUplift.estimate, 12);
    expect(winBack.uplift!.low).toBeCloseTo(expected.responseUplift.low, 12);
    expect(read("2026-05").campaigns.open.map((c) => c.campaign_id)).toEqual(["VIP618"]);
    expect(read("2026-06").campaigns.closed.map((c) => c.campaign_id)).toEqual(["VIP618"]);
    expect(read("2026-04").campaigns).toEqual({closed: [], open: []});
    // A group under k customers: the campaign keeps its name and dates, nothing else.
    const [small] = campaignRows(
      outcomes.map((o) => (o.grp === "holdout" ? {...o, customers: 5, responders: 1} : o)),
      10
    );
    expect(small).toMatchObject({customers: null, uplift: null, contactedRate: null, suppressed: true});
    expect(reportViolations({campaigns: {closed: [small]}}, 10)).toEqual([]);
  });

  test("quarterly reports: the last four complete quarters, named 2026-Q2 and so on, each passing the scan", async () => {
    const quarters = mkdtempSync(join(tmpdir(), "workbench-report-q-"));
    try {
      const index = await writeReports(
        sample.db,
        AS_OF,
        BUILT,
        {...REPORT_DEFAULTS, grain: "quarter", periods: 4},
        0.5,
        quarters
      );
      expect(index.periods.map((p) => p.id)).toEqual(["2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3"]);
      const q2 = JSON.parse(readFileSync(join(quarters, "2026-Q2.json"), "utf-8")) as PeriodReport;
      expect([q2.previous.id, q2.yearAgo?.id, q2.trend.length]).toEqual(["2026-Q1", "2025-Q2", 5]);
      for (const p of index.periods)
        expect(reportViolations(JSON.parse(readFileSync(join(quarters, `${p.id}.json`), "utf-8")), 10)).toEqual([]);
    } finally {
      rmSync(quarters, {recursive: true, force: true});
    }
  });

  test("a period's report does not change when later data arrives", async () => {
    // The same sample as built on 2026-03-31, before April to June existed for it.
    const early = await sampleDatabase(3000, 5, AS_OF, "2026-03-31");
    const earlyDir = mkdtempSync(join(tmpdir(), "workbench-report-early-"));
    try {
      const index = await writeReports(early.db, "2026-03-31", BUILT, REPORT_DEFAULTS, 0.5, earlyDir);
      expect(index.periods[0].id).toBe("2026-03");
      for (const id of ["2026-03", "2026-01", "2025-07"]) {
        const before = JSON.parse(readFileSync(join(earlyDir, `${id}.json`), "utf-8")) as PeriodReport;
        const after = JSON.parse(readFileSync(join(dir, `${id}.json`), "utf-8")) as PeriodReport;
        expect(after, id).toEqual(before);
      }
      // The later data is there: the front pages differ.
      expect(JSON.parse(readFileSync(join(dir, "index.json"), "utf-8")).periods[0].id).toBe("2026-06");
    } finally {
      rmSync(earlyDir, {recursive: true, force: true});
    }
  }, 300_000);
});
