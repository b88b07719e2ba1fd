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
import {FlowChart} from "../../src/components/FlowChart.js";
import {MigrationMatrix} from "../../src/components/MigrationMatrix.js";
import {QualityBars} from "../../src/components/QualityBars.js";
import {RfmGrid} from "../../src/components/RfmGrid.js";
import {ShareBars} from "../../src/components/ShareBars.js";
import {UpliftChart} from "../../src/components/UpliftChart.js";
import {ALL_COHORTS, type CohortCell} from "../../src/lib/cohorts.js";
import {crossCells} from "../../src/lib/crosstab.js";
import type {LifecycleMonth} from "../../src/lib/lifecycle.js";
import {setLocale} from "../../src/lib/locale.js";

// Snapshots in English and yuan; jsdom has no site meta tags (the default would be zh-CN).
setLocale({language: "en", currency: "CNY"});

// Continuous colour legends paint a ramp on a canvas, which jsdom lacks: a stand-in that draws
// nothing (the legend's ticks and label are still in the snapshot).
HTMLCanvasElement.prototype.getContext = (() => ({fillStyle: "", fillRect: () => undefined})) as never;
HTMLCanvasElement.prototype.toDataURL = () => "data:image/png;base64,";

/**
 * Compares a chart with its snapshot file (one per chart, __snapshots__/charts/NAME.html),
 * normalized as Plot's own tests do: generated class names and long decimals would change with
 * nothing a reader could see.
 */
async function snapshot(name: string, element: Element): Promise<void> {
  const html = element.outerHTML
    .replace(/plot-[0-9a-f]{6}/g, "plot")
    .replace(/(\d+\.\d{3,})/g, (n) => String(Math.round(Number(n) * 100) / 100));
  await expect(html).toMatchFileSnapshot(`./__snapshots__/charts/${name}.html`);
}

const cell = (
  cohort: string,
  period: number,
  members: number,
  active: number,
  revenue: number,
  first: number,
  cumulative: number
): CohortCell => ({
  cohort,
  period,
  members,
  active,
  revenue_cents: revenue,
  retention: active / members,
  revenue_retention: revenue / first,
  ltv_cents: cumulative / members
});
const COHORTS: CohortCell[] = [
  cell(ALL_COHORTS, 0, 30, 30, 60000, 60000, 60000),
  cell(ALL_COHORTS, 1, 30, 9, 24000, 60000, 84000),
  cell(ALL_COHORTS, 2, 10, 2, 3000, 20000, 33000),
  cell("2024-01", 0, 10, 10, 20000, 20000, 20000),
  cell("2024-01", 1, 10, 4, 10000, 20000, 30000),
  cell("2024-01", 2, 10, 2, 3000, 20000, 33000),
  cell("2024-02", 0, 20, 20, 40000, 40000, 40000),
  cell("2024-02", 1, 20, 5, 14000, 40000, 54000)
];
const month = (m: string, n: number, r: number, s: number, d: number): LifecycleMonth => ({
  month: m,
  active: n + r + s,
  new: n,
  returning: r,
  resurrecting: s,
  dormant: d,
  orders: n + 2 * r + s,
  revenue_cents: 10000 * (n + r + s),
  repeat_rate: (r + s) / (n + r + s),
  retention_rate: r + d ? r / (r + d) : null,
  aov_cents: 7000,
  frequency: 1.2
});
const MONTHS = [month("2024-01", 5, 0, 0, 0), month("2024-02", 3, 2, 0, 3), month("2024-03", 4, 3, 1, 2)];

describe("chart components", () => {
  test("CohortHeatmap: one cell per cohort and period, All cohorts first", async () => {
    const svg = CohortHeatmap(COHORTS, {width: 600, measure: "revenue_retention"});
    await snapshot("CohortHeatmap", svg);
    expect(svg.querySelectorAll("g[aria-label=cell] rect").length).toBe(COHORTS.length);
    expect(Array.from(svg.querySelectorAll("g[aria-label='y-axis tick label'] text"), (t) => t.textContent)).toEqual([
      ALL_COHORTS,
      "2024-01",
      "2024-02"
    ]);
  });

  test("LtvCurves: one line per cohort and the pooled line", async () => {
    const svg = LtvCurves(COHORTS, {width: 500});
    await snapshot("LtvCurves", svg);
    expect(svg.querySelectorAll("g[aria-label=line] path").length).toBe(3);
  });

  test("LifecycleBars: dormant below zero", async () => {
    const svg = LifecycleBars(MONTHS, {width: 500});
    await snapshot("LifecycleBars", svg);
    expect(svg.querySelectorAll("g[aria-label=bar] rect").length).toBe(12);
  });

  test("KpiTrends: one chart per KPI with the latest value in its caption", async () => {
    const grid = KpiTrends(MONTHS, {width: 800});
    await snapshot("KpiTrends", grid);
    expect(grid.querySelector("[data-kpi=retention_rate] figcaption")!.textContent).toBe("Retention rate: 60.0%");
    expect(grid.querySelectorAll("svg").length).toBe(6);
  });

  test("LorenzCurve: the curve, the diagonal and the top-x % marker", async () => {
    const svg = LorenzCurve(
      [
        {customer_share: 0, revenue_share: 0},
        {customer_share: 0.5, revenue_share: 0.8},
        {customer_share: 1, revenue_share: 1}
      ],
      {width: 400, topPercent: 50, topShare: 0.8, gini: 0.3}
    );
    await snapshot("LorenzCurve", svg);
    expect(svg.textContent).toContain("top 50.0% → 80.0%");
    expect(svg.textContent).toContain("Gini 0.300");
  });

  test("CrossTab: shaded cells with counts and mix bars; small cells show their count only", async () => {
    const cells = crossCells([
      {row: "25-34", col: "F", segment: "Loyal", customers: 30, revenue_cents: 90000},
      {row: "25-34", col: "F", segment: "Lost", customers: 10, revenue_cents: 10000},
      {row: "25-34", col: "M", segment: "Lost", customers: 12, revenue_cents: 6000},
      {row: "55+", col: "M", segment: "Lost", customers: 4, revenue_cents: 800}
    ]);
    const svg = CrossTab(cells, {width: 600, rowLabel: "Age band", colLabel: "Gender", segments: ["Loyal", "Lost"]});
    await snapshot("CrossTab", svg);
    expect(svg.textContent).toContain("40 customers");
    expect(svg.textContent).toContain("< 10 customers");
    // Two shaded cells (the small one is not shaded) and three mix segments.
    expect(svg.querySelectorAll("g[aria-label=rect] rect").length).toBe(2 + 3);
  });

  test("StageBars: stages in lifecycle order", async () => {
    const svg = StageBars(
      [
        {stage: "Churned", customers: 5},
        {stage: "Prospect", customers: 9}
      ],
      {width: 400}
    );
    await snapshot("StageBars", svg);
    expect(Array.from(svg.querySelectorAll("g[aria-label='y-axis tick label'] text"), (t) => t.textContent)).toEqual([
      "Prospect",
      "First purchase",
      "Repeat",
      "High value",
      "At risk",
      "Churned"
    ]);
  });

  test("RfmGrid: one cell per R × F pair, coloured by the chosen measure", async () => {
    const grid = [
      {r_score: 1, f_score: 1, customers: 10, revenue_cents: 50000, avg_monetary: 50},
      {r_score: 3, f_score: 2, customers: 4, revenue_cents: 90000, avg_monetary: 225}
    ];
    const svg = RfmGrid(grid, {width: 400, scale: 3, measure: "revenue_cents"});
    await snapshot("RfmGrid", svg);
    expect(svg.querySelectorAll("g[aria-label=cell] rect").length).toBe(2);
    expect(svg.textContent).toContain("¥900.00");
  });

  test("ShareBars: customers and revenue share per group", async () => {
    const svg = ShareBars(
      [
        {group: "North", customers: 3, revenue_cents: 100, customer_share: 0.6, revenue_share: 0.2},
        {group: "South", customers: 2, revenue_cents: 400, customer_share: 0.4, revenue_share: 0.8}
      ],
      {width: 500, label: "Region"}
    );
    await snapshot("ShareBars", svg);
    expect(svg.querySelectorAll("g[aria-label=bar] rect").length).toBe(4);
  });

  const MOVES = [
    {from: "Loyal", to: "Loyal", customers: 20, revenue_cents: 90000},
    {from: "Loyal", to: "At Risk", customers: 5, revenue_cents: 9000},
    {from: "New", to: "Loyal", customers: 3, revenue_cents: 3000}
  ];

  test("MigrationMatrix: a cell per move, the stayers outlined", async () => {
    const svg = MigrationMatrix(MOVES, {width: 500});
    await snapshot("MigrationMatrix", svg);
    // Everyone in one cell (a scheme with one tier): the legend still runs from 0 in whole customers.
    const one = MigrationMatrix([{from: "Basic", to: "Basic", customers: 3934, revenue_cents: 1}], {width: 500});
    const ticks = Array.from(one.querySelectorAll("svg:first-of-type .tick text"), (t) => t.textContent);
    expect(ticks[0]).toBe("0");
    expect(ticks.at(-1)).toMatch(/^\d{1,3}(,\d{3})*$/); // "3,934.000000" before
    expect(svg.querySelectorAll("g[aria-label=cell] rect").length).toBe(3);
  });

  test("FlowChart: a link per move, grey for the stayers", async () => {
    const svg = FlowChart(MOVES, {width: 500, fromLabel: "2026-03-31", toLabel: "2026-06-30"});
    await snapshot("FlowChart", svg);
    expect(Array.from(svg.querySelectorAll("g[aria-label=link] path"), (p) => p.getAttribute("stroke"))).toEqual([
      "#999",
      "#7b3294",
      "#7b3294"
    ]);
  });

  test("QualityBars: rows by reason, coloured by outcome", async () => {
    const svg = QualityBars(
      [
        {outcome: "accepted", reason: null, rows: 90},
        {outcome: "classified", reason: "return", rows: 7},
        {outcome: "rejected", reason: "missing date", rows: 3}
      ],
      {width: 500}
    );
    await snapshot("QualityBars", svg);
    expect(Array.from(svg.querySelectorAll("g[aria-label='y-axis tick label'] text"), (t) => t.textContent)).toEqual([
      "accepted",
      "return",
      "missing date"
    ]);
  });

  test("UpliftChart draws each estimate with its interval, grey where groups are too small, and the true uplift as a ring", async () => {
    const svg = UpliftChart(
      [
        {label: "Win-back", estimate: 0.097, low: 0.073, high: 0.117, truth: 0.1},
        {label: "VIP", estimate: 0.044, low: -0.002, high: 0.085, truth: 0.06},
        {label: "Tiny", estimate: 0.2, low: -0.1, high: 0.5, small: true}
      ],
      {width: 500}
    ) as SVGSVGElement;
    await snapshot("UpliftChart", svg);
    const links = Array.from(svg.querySelectorAll("g[aria-label=link] path"));
    expect(links.map((l) => l.getAttribute("stroke"))).toEqual(["#4269d0", "#4269d0", "#aaa"]);
    expect(svg.querySelectorAll("g[aria-label=dot]")[1].querySelectorAll("circle").length).toBe(2);
  });

  test("every component shows the empty state when nothing matches", () => {
    for (const element of [
      CohortHeatmap([]),
      LtvCurves([]),
      LifecycleBars([]),
      KpiTrends([]),
      LorenzCurve([]),
      CrossTab([]),
      StageBars([]),
      RfmGrid([]),
      ShareBars([]),
      MigrationMatrix([]),
      FlowChart([]),
      QualityBars([]),
      UpliftChart([])
    ]) {
      expect(element.className).toBe("empty-state");
    }
  });
});
