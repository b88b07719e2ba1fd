/**
 * The leadership report's pure parts: reporting periods, small-cell suppression (primary and
 * secondary) and the noise rule of the written findings, against values worked out by hand.
 */
import {expect, test} from "vitest";
import {completePeriods, periodContaining, shiftPeriod} from "../../src/lib/periods.js";
import {countChanged, meanChanged, rateChanged} from "../../loaders/report/findings.js";
import {type Cell, cellsOf, suppress} from "../../loaders/report/suppress.js";
import {REPORT_DEFAULTS, reportSettings} from "../../loaders/report/index.js";
import {reportViolations} from "../helpers/report-scan.js";

test("periods are calendar months or quarters; only complete ones are reported", () => {
  expect(periodContaining("2026-02-14", "month")).toEqual({id: "2026-02", start: "2026-02-01", end: "2026-02-28"});
  expect(periodContaining("2024-02-29", "month").end).toBe("2024-02-29");
  expect(periodContaining("2026-05-31", "quarter")).toEqual({id: "2026-Q2", start: "2026-04-01", end: "2026-06-30"});
  expect(shiftPeriod(periodContaining("2026-01-10", "month"), "month", -1).id).toBe("2025-12");
  expect(shiftPeriod(periodContaining("2026-01-10", "quarter"), "quarter", -4).id).toBe("2025-Q1");
  // On the last day of a month that month is complete; on any other day it is not.
  expect(completePeriods("2026-06-30", "month", 3).map((p) => p.id)).toEqual(["2026-04", "2026-05", "2026-06"]);
  expect(completePeriods("2026-06-29", "month", 2).map((p) => p.id)).toEqual(["2026-04", "2026-05"]);
  expect(completePeriods("2026-06-29", "quarter", 2).map((p) => p.id)).toEqual(["2025-Q4", "2026-Q1"]);
});

const cell = (label: string, customers: number, extra: Record<string, unknown> = {}): Cell => ({
  label,
  customers,
  ...extra
});

test("primary suppression blanks every number of a cell from 1 to k − 1 customers; zero and k stay", () => {
  const cells = [
    cell("a", 0, {value: 0}),
    cell("b", 1, {value: 5.5}),
    cell("c", 9, {value: 1}),
    cell("d", 10, {value: 2})
  ];
  suppress(cells, [], 10);
  expect(cells).toEqual([
    {label: "a", customers: 0, value: 0},
    {label: "b", customers: null, value: null, suppressed: true},
    {label: "c", customers: null, value: null, suppressed: true},
    {label: "d", customers: 10, value: 2}
  ]);
});

test("secondary suppression: one blanked cell of a published total takes the next smallest with it", () => {
  const total = cell("total", 130);
  const cells = [cell("a", 3), cell("b", 50), cell("c", 20), cell("d", 57), cell("zero", 0)];
  suppress([total, ...cells], [{cells, total}], 10);
  expect(cells.filter((c) => c.suppressed).map((c) => c.label)).toEqual(["a", "c"]);
  expect(total.suppressed).toBeUndefined();
  // With no other non-zero cell, the total goes: the cell would be the total less nothing.
  const lonely = [cell("a", 3), cell("zero", 0)];
  const sum = cell("total", 30);
  suppress(lonely, [{cells: lonely, total: sum}], 10);
  expect(sum.suppressed).toBe(true);
  // Groups chain: a cell blanked for one group is counted in the others.
  const rowA = [cell("a1", 4), cell("a2", 40)];
  const rowB = [cell("b1", 30), cell("b2", 35)];
  const colTotal1 = cell("c1", 34);
  const colTotal2 = cell("c2", 75);
  suppress(
    [...rowA, ...rowB],
    [
      {cells: rowA, total: cell("ra", 44)},
      {cells: rowB, total: cell("rb", 65)},
      {cells: [rowA[0], rowB[0]], total: colTotal1},
      {cells: [rowA[1], rowB[1]], total: colTotal2}
    ],
    10
  );
  expect([...rowA, ...rowB].map((c) => Boolean(c.suppressed))).toEqual([true, true, true, true]);
});

test("cellsOf finds every object with a customers count, however deep", () => {
  const report = {kpis: {a: {current: cell("x", 1), previous: cell("y", 20)}}, rows: [cell("z", 3)], other: {n: 1}};
  expect(cellsOf(report).map((c) => c.label)).toEqual(["x", "y", "z"]);
});

test("the report scan finds a small cell, a half-blanked cell and a lone suppressed cell beside its total", () => {
  const ok = {minCell: 10, kpis: {a: {current: {value: 5, customers: 12}}}, lifecycle: [{state: "new", customers: 0}]};
  expect(reportViolations(ok, 10)).toEqual([]);
  expect(reportViolations({x: {value: 5, customers: 4}}, 10)).toHaveLength(1);
  expect(reportViolations({x: {value: 5, customers: null, suppressed: true}}, 10)).toHaveLength(1);
  const lone = {
    kpis: {active: {current: {value: 100, customers: 100}}},
    lifecycle: [
      {state: "new", customers: null, suppressed: true},
      {state: "returning", customers: 60},
      {state: "resurrecting", customers: 36},
      {state: "dormant", customers: 5}
    ]
  };
  expect(reportViolations(lone, 10).join("\n")).toMatch(/lifecycle/);
});

test("changes count only beyond 1.96 standard errors", () => {
  // Rates: 0.50 of 400 vs 0.45 of 400: se = √(.25/400 + .2475/400) = 0.03527; 0.05 < 1.96 × se = 0.0691.
  expect(rateChanged({value: 0.5, customers: 200, base: 400}, {value: 0.45, customers: 180, base: 400})).toBe(false);
  // 0.50 vs 0.40 of 400: 0.10 > 0.0686.
  expect(rateChanged({value: 0.5, customers: 200, base: 400}, {value: 0.4, customers: 160, base: 400})).toBe(true);
  // Counts: 100 vs 80: 20 < 1.96 × √180 = 26.3; 100 vs 70: 30 > 25.5.
  expect(countChanged({value: 100, customers: 100}, {value: 80, customers: 80})).toBe(false);
  expect(countChanged({value: 100, customers: 100}, {value: 70, customers: 70})).toBe(true);
  // Means: 500 vs 450, sd 300, n 100 each: se = 42.4, 50 < 83.2; with n 1000: se = 13.4, 50 > 26.3.
  const mean = (value: number, base: number) => ({value, customers: base, base, spread: 300});
  expect(meanChanged(mean(500, 100), mean(450, 100))).toBe(false);
  expect(meanChanged(mean(500, 1000), mean(450, 1000))).toBe(true);
  // A suppressed figure is never compared.
  expect(countChanged({value: null, customers: null, suppressed: true}, {value: 1, customers: 1})).toBe(false);
});

test("report settings: defaults, and a clear error for each bad value", () => {
  expect(reportSettings({})).toEqual(REPORT_DEFAULTS);
  expect(reportSettings({report: {grain: "quarter"}})).toEqual({grain: "quarter", periods: 12, minCell: 10});
  expect(() => reportSettings({report: {grain: "week" as "month"}})).toThrow(
    /report.grain must be "month" or "quarter"/
  );
  expect(() => reportSettings({report: {periods: 0}})).toThrow(/report.periods must be a whole number/);
  expect(() => reportSettings({report: {minCell: 1}})).toThrow(/report.minCell must be a whole number of at least 2/);
});
