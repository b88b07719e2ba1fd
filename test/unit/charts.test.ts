// @vitest-environment jsdom
/**
 * SVG snapshots of the report chart components on small fixed inputs, plus what each must
 * draw: a change to a chart's marks, scales or labels shows as a snapshot difference to review
 * (`npx vitest run -u` accepts it).
 */
import {describe, expect, test} from "vitest";
import {CohortHeatmap} from "../../src/components/CohortHeatmap.js";
import {CrossTab} from "../../src/components/CrossTab.js";
import {KpiTrends} from "../../src/components/KpiTrends.js";
import {LifecycleBars} from "../../src/components/LifecycleBars.js";
import {LorenzCurve} from "../../src/components/LorenzCurve.js";
import {LtvCurves} from "../../src/components/LtvCurves.js";
import {StageBars} from "../../src/components/StageBars.js";
import {ALL_COHORTS, type CohortCell} from "../../src/lib/cohorts.js";
import {crossCells} from "../../src/lib/crosstab.js";
import type {LifecycleMonth} from "../../src/lib/lifecycle.js";
import {setLocale} from "../../src/lib/locale.js";

// Snapshots in English and yuan; jsdom has no site meta tags (the default would be zh-CN).
setLocale({language: "en", currency: "CNY"});

const cell = (cohort: string, period: number, members: number, active: number, revenue: number, first: number, cumulative: number): CohortCell => ({
  cohort, period, members, active, revenue_cents: revenue, retention: active / members, revenue_retention: revenue / first, ltv_cents: cumulative / members
});
const COHORTS: CohortCell[] = [
  cell(ALL_COHORTS, 0, 30, 30, 60000, 60000, 60000), cell(ALL_COHORTS, 1, 30, 9, 24000, 60000, 84000), cell(ALL_COHORTS, 2, 10, 2, 3000, 20000, 33000),
  cell("2024-01", 0, 10, 10, 20000, 20000, 20000), cell("2024-01", 1, 10, 4, 10000, 20000, 30000), cell("2024-01", 2, 10, 2, 3000, 20000, 33000),
  cell("2024-02", 0, 20, 20, 40000, 40000, 40000), cell("2024-02", 1, 20, 5, 14000, 40000, 54000)
];
const month = (m: string, n: number, r: number, s: number, d: number): LifecycleMonth => ({
  month: m, active: n + r + s, new: n, returning: r, resurrecting: s, dormant: d, orders: n + 2 * r + s, revenue_cents: 10000 * (n + r + s),
  repeat_rate: (r + s) / (n + r + s), retention_rate: r + d ? r / (r + d) : null, aov_cents: 7000, frequency: 1.2
});
const MONTHS = [month("2024-01", 5, 0, 0, 0), month("2024-02", 3, 2, 0, 3), month("2024-03", 4, 3, 1, 2)];

describe("chart components", () => {
  test("CohortHeatmap: one cell per cohort and period, All cohorts first", () => {
    const svg = CohortHeatmap(COHORTS, {width: 600, measure: "revenue_retention"});
    expect(svg.outerHTML).toMatchSnapshot();
    expect(svg.querySelectorAll("g[aria-label=cell] rect").length).toBe(COHORTS.length);
    expect(Array.from(svg.querySelectorAll("g[aria-label='y-axis tick label'] text"), (t) => t.textContent)).toEqual([ALL_COHORTS, "2024-01", "2024-02"]);
  });

  test("LtvCurves: one line per cohort and the pooled line", () => {
    const svg = LtvCurves(COHORTS, {width: 500});
    expect(svg.outerHTML).toMatchSnapshot();
    expect(svg.querySelectorAll("g[aria-label=line] path").length).toBe(3);
  });

  test("LifecycleBars: dormant below zero", () => {
    const svg = LifecycleBars(MONTHS, {width: 500});
    expect(svg.outerHTML).toMatchSnapshot();
    expect(svg.querySelectorAll("g[aria-label=bar] rect").length).toBe(12);
  });

  test("KpiTrends: one chart per KPI with the latest value in its caption", () => {
    const grid = KpiTrends(MONTHS, {width: 800});
    expect(grid.outerHTML).toMatchSnapshot();
    expect(grid.querySelector("[data-kpi=retention_rate] figcaption")!.textContent).toBe("Retention rate: 60.0%");
    expect(grid.querySelectorAll("svg").length).toBe(6);
  });

  test("LorenzCurve: the curve, the diagonal and the top-x % marker", () => {
    const svg = LorenzCurve([{customer_share: 0, revenue_share: 0}, {customer_share: 0.5, revenue_share: 0.8}, {customer_share: 1, revenue_share: 1}], {width: 400, topPercent: 50, topShare: 0.8, gini: 0.3});
    expect(svg.outerHTML).toMatchSnapshot();
    expect(svg.textContent).toContain("top 50.0% → 80.0%");
    expect(svg.textContent).toContain("Gini 0.300");
  });

  test("CrossTab: shaded cells with counts and mix bars; small cells show their count only", () => {
    const cells = crossCells([
      {row: "25-34", col: "F", segment: "Loyal", customers: 30, revenue_cents: 90000},
      {row: "25-34", col: "F", segment: "Lost", customers: 10, revenue_cents: 10000},
      {row: "25-34", col: "M", segment: "Lost", customers: 12, revenue_cents: 6000},
      {row: "55+", col: "M", segment: "Lost", customers: 4, revenue_cents: 800}
    ]);
    const svg = CrossTab(cells, {width: 600, rowLabel: "Age band", colLabel: "Gender", segments: ["Loyal", "Lost"]});
    expect(svg.outerHTML).toMatchSnapshot();
    expect(svg.textContent).toContain("40 customers");
    expect(svg.textContent).toContain("< 10 customers");
    // Two shaded cells (the small one is not shaded) and three mix segments.
    expect(svg.querySelectorAll("g[aria-label=rect] rect").length).toBe(2 + 3);
  });

  test("StageBars: stages in lifecycle order", () => {
    const svg = StageBars([{stage: "Churned", customers: 5}, {stage: "Prospect", customers: 9}], {width: 400});
    expect(svg.outerHTML).toMatchSnapshot();
    expect(Array.from(svg.querySelectorAll("g[aria-label='y-axis tick label'] text"), (t) => t.textContent)).toEqual(["Prospect", "First purchase", "Repeat", "High value", "At risk", "Churned"]);
  });

  test("every component shows the empty state when nothing matches", () => {
    for (const element of [CohortHeatmap([]), LtvCurves([]), LifecycleBars([]), KpiTrends([]), LorenzCurve([]), CrossTab([]), StageBars([])]) {
      expect(element.className).toBe("empty-state");
    }
  });
});
