// @vitest-environment jsdom
/** format.ts in each language and currency (Intl), and the markers of partial and first months on the charts. */
import {afterEach, expect, test} from "vitest";
import {CohortHeatmap} from "../../src/components/CohortHeatmap.js";
import {LifecycleBars} from "../../src/components/LifecycleBars.js";
import {ALL_COHORTS, type CohortCell} from "../../src/lib/cohorts.js";
import {partialMonth, periodOf} from "../../src/lib/dates.js";
import {currencySymbol, formatCents, formatCount, formatPoints, formatShare} from "../../src/lib/format.js";
import type {LifecycleMonth} from "../../src/lib/lifecycle.js";
import {setLocale} from "../../src/lib/locale.js";

afterEach(() => setLocale({language: "en", currency: "CNY"}));

test("money follows the configured currency: no sign is hard-wired", () => {
  setLocale({language: "en", currency: "CNY"});
  expect([formatCents(123450), formatCents(1230), formatCents(-290)]).toEqual(["¥1,235", "¥12.30", "-¥2.90"]);
  setLocale({language: "en", currency: "GBP"});
  expect([formatCents(16847250), formatCents(290), currencySymbol()]).toEqual(["£168,473", "£2.90", "£"]);
  setLocale({language: "en", currency: "USD"});
  expect(formatCents(99)).toBe("$0.99");
});

test("in Chinese, large sums are written in 万 and 亿; counts and shares follow the locale", () => {
  setLocale({language: "zh-CN", currency: "CNY"});
  expect([formatCents(123456_00), formatCents(1_2345_6789_00), formatCents(9999_00)]).toEqual([
    "¥12.35万",
    "¥1.23亿",
    "¥9,999"
  ]);
  expect([formatCount(1234567), formatShare(0.1234)]).toEqual(["1,234,567", "12.3%"]);
});

test("uplifts read in signed percentage points with one decimal", () => {
  expect([formatPoints(0.0974), formatPoints(-0.002), formatPoints(0)]).toEqual(["+9.7", "-0.2", "+0.0"]);
});

test("a month is partial when the data stop before its last day; periods are named as cohorts name them", () => {
  expect([partialMonth("2026-06-30"), partialMonth("2026-06-17"), partialMonth("2024-02-29")]).toEqual([
    false,
    true,
    false
  ]);
  expect([periodOf("2023-07-15"), periodOf("2023-08-01", "quarter")]).toEqual(["2023-07", "2023-Q3"]);
});

const cell = (cohort: string, period: number, retention: number): CohortCell => ({
  cohort,
  period,
  members: 10,
  active: 10 * retention,
  revenue_cents: 100,
  retention,
  revenue_retention: retention,
  ltv_cents: 100
});

test("CohortHeatmap stars the first month of data and outlines a partial last month dashed; period 0 is grey", () => {
  const cells = [
    cell(ALL_COHORTS, 0, 1),
    cell(ALL_COHORTS, 1, 0.4),
    cell("2024-01", 0, 1),
    cell("2024-01", 1, 0.4),
    cell("2024-02", 0, 1)
  ];
  const svg = CohortHeatmap(cells, {width: 600, dataStart: "2024-01", partial: true}) as SVGSVGElement;
  const labels = Array.from(svg.querySelectorAll("g[aria-label='y-axis tick label'] text"), (t) => t.textContent);
  expect(labels).toEqual(["All cohorts", "2024-01 *", "2024-02"]);
  expect(svg.querySelectorAll("[stroke-dasharray='2 2'] rect, rect[stroke-dasharray='2 2']").length).toBe(3); // each cohort's last period
  expect(svg.querySelectorAll("g[fill='#e0e0e0'] rect").length).toBe(3);
  const whole = CohortHeatmap(cells, {width: 600}) as SVGSVGElement;
  expect(whole.querySelectorAll("[stroke-dasharray='2 2']").length).toBe(0);
});

test("LifecycleBars stars the first month and outlines a partial last month", () => {
  const month = (m: string): LifecycleMonth => ({
    month: m,
    active: 3,
    new: 1,
    returning: 1,
    resurrecting: 1,
    dormant: 1,
    orders: 3,
    revenue_cents: 100,
    repeat_rate: 0.5,
    retention_rate: 0.5,
    aov_cents: 30,
    frequency: 1
  });
  const svg = LifecycleBars([month("2024-01"), month("2024-02")], {
    width: 600,
    dataStart: "2024-01",
    partial: true
  }) as SVGSVGElement;
  expect(Array.from(svg.querySelectorAll("g[aria-label='x-axis tick label'] text"), (t) => t.textContent)).toEqual([
    "2024-01 *",
    "2024-02"
  ]);
  expect(svg.querySelectorAll("[stroke-dasharray='3 2']").length).toBeGreaterThan(0);
});
