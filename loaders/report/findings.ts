/**
 * Written findings: short sentences generated from a period's published (suppressed) figures,
 * each tied to the figure it reads, in the current language (src/lib/locale.ts).
 *
 * No sentence states a change smaller than its noise. A change counts when it exceeds Z = 1.96
 * standard errors (95 %): for a rate p of n customers, the binomial error √(p(1 − p)/n) of each
 * period; for a count, the Poisson error √(a + b); for revenue per buyer (a mean), Welch's
 * √(s₁²/n₁ + s₂²/n₂). The periods share customers, so these are approximations, stated as such
 * in the README; within the noise a finding says the figure held, or says nothing about change.
 * A suppressed figure is never read.
 */
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {segmentName, t} from "../../src/lib/messages.js";
import {REPORT_DIMENSIONS} from "../../src/lib/periods.js";
import {hasValue, type KpiName, type PeriodReport, type ValueCell} from "./report.js";

export const Z = 1.96;

export interface Finding {
  /** The id of the figure the sentence comes from (report page element, without language prefix). */
  figure: string;
  text: string;
}

/** Whether two rates (value and base = n) differ by more than their noise. */
export function rateChanged(a: ValueCell, b: ValueCell): boolean {
  if (!hasValue(a) || !hasValue(b) || !a.base || !b.base) return false;
  const se = Math.sqrt((a.value * (1 - a.value)) / a.base + (b.value * (1 - b.value)) / b.base);
  return Math.abs(a.value - b.value) > Z * se;
}

/** Whether two counts differ by more than their Poisson noise. */
export function countChanged(a: ValueCell, b: ValueCell): boolean {
  if (!hasValue(a) || !hasValue(b)) return false;
  return Math.abs(a.value - b.value) > Z * Math.sqrt(a.value + b.value);
}

/** Whether two means (value, spread = standard deviation, base = n) differ by more than Welch's noise. */
export function meanChanged(a: ValueCell, b: ValueCell): boolean {
  if (!hasValue(a) || !hasValue(b) || !a.base || !b.base || a.spread == null || b.spread == null) return false;
  const se = Math.sqrt(a.spread ** 2 / a.base + b.spread ** 2 / b.base);
  return Math.abs(a.value - b.value) > Z * se;
}

export function findings(report: PeriodReport): Finding[] {
  const m = t().report.findings;
  const k = report.kpis;
  const out: Finding[] = [];
  const previous = report.previous.id;
  const yearAgo = report.yearAgo?.id;
  const loyal = report.types.find((x) => x.type === "loyal");
  const loyalBefore = report.typesBefore.find((x) => x.type === "loyal");
  const loyalRevenue = report.typeRevenue.find((x) => x.type === "loyal");
  if (loyal?.customer_share != null && loyalRevenue?.revenue_share != null) {
    const [share, revenue] = [formatShare(loyal.customer_share), formatShare(loyalRevenue.revenue_share)];
    const before = loyalBefore?.customers != null ? loyalBefore.customers / (k.customers.previous.value ?? 0) : null;
    const changed =
      before !== null &&
      Number.isFinite(before) &&
      rateChanged(
        {value: loyal.customer_share, customers: loyal.customers, base: k.customers.current.value},
        {value: before, customers: loyalBefore!.customers, base: k.customers.previous.value}
      );
    out.push({
      figure: "types",
      text: changed
        ? m.loyalChange(share, revenue, loyal.customer_share > before ? m.up : m.down, formatShare(before), previous)
        : m.loyal(share, revenue)
    });
  }
  // A KPI against an earlier period: `say` gets both values and whether the change beats its noise.
  const label = yearAgo ?? previous;
  const yearOrPrevious = (name: KpiName) => (yearAgo ? k[name].yearAgo : k[name].previous);
  const compare = (
    name: KpiName,
    then: ValueCell | null,
    changed: (a: ValueCell, b: ValueCell) => boolean,
    say: (now: number, then: number, moved: boolean) => string
  ) => {
    const now = k[name].current;
    if (hasValue(now) && hasValue(then))
      out.push({figure: `kpi-${name}`, text: say(now.value, then.value, changed(now, then))});
  };
  const direction = (a: number, b: number) => (a > b ? m.up : m.down);
  compare("active", yearOrPrevious("active"), countChanged, (a, b, moved) =>
    moved
      ? m.active(formatCount(a), a > b ? m.more : m.fewer, formatCount(Math.abs(a - b)), label)
      : m.activeSame(formatCount(a), label)
  );
  compare("new", yearOrPrevious("new"), countChanged, (a, b, moved) =>
    moved
      ? m.newBuyers(formatCount(a), a > b ? m.more : m.fewer, formatCount(Math.abs(a - b)), label)
      : m.newSame(formatCount(a), label)
  );
  compare("retention", k.retention.previous, rateChanged, (a, b, moved) =>
    moved
      ? m.retention(formatShare(a), direction(a, b), formatShare(b), previous)
      : m.retentionSame(formatShare(a), previous)
  );
  compare("revenuePerBuyer", yearOrPrevious("revenuePerBuyer"), meanChanged, (a, b, moved) =>
    moved ? m.perBuyer(formatCents(a), direction(a, b), formatCents(b), label) : m.perBuyerSame(formatCents(a), label)
  );
  if (hasValue(k.topShare.current))
    out.push({figure: "kpi-topShare", text: m.top(formatShare(k.topShare.current.value))});
  // The largest move between types (not counting customers new to the data).
  const flow = report.migration
    .filter((f) => f.from !== f.to && f.from !== "(not in population)" && f.customers !== null)
    .sort((a, b) => (b.customers ?? 0) - (a.customers ?? 0))[0];
  if (flow)
    out.push({
      figure: "migration",
      text: m.flow(formatCount(flow.customers!), segmentName(flow.from), segmentName(flow.to))
    });
  for (const dimension of REPORT_DIMENSIONS) {
    const best = report.groups[dimension].top[0];
    if (best && hasValue(best.revenuePerBuyer))
      out.push({
        figure: `groups-${dimension}`,
        text: m.best(t().report[dimension], best.group, formatCents(best.revenuePerBuyer.value))
      });
  }
  return out;
}
