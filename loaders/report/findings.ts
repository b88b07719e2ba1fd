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
import type {PeriodReport, ValueCell} from "./report.js";

export const Z = 1.96;

export interface Finding {
  /** The id of the figure the sentence comes from (report page element, without language prefix). */
  figure: string;
  text: string;
}

const known = (c: ValueCell | null | undefined): c is ValueCell & {value: number} =>
  !!c && !c.suppressed && typeof c.value === "number";

/** Whether two rates (value and base = n) differ by more than their noise. */
export function rateChanged(a: ValueCell, b: ValueCell): boolean {
  if (!known(a) || !known(b) || !a.base || !b.base) return false;
  const se = Math.sqrt((a.value * (1 - a.value)) / a.base + (b.value * (1 - b.value)) / b.base);
  return Math.abs(a.value - b.value) > Z * se;
}

/** Whether two counts differ by more than their Poisson noise. */
export function countChanged(a: ValueCell, b: ValueCell): boolean {
  if (!known(a) || !known(b)) return false;
  return Math.abs(a.value - b.value) > Z * Math.sqrt(a.value + b.value);
}

/** Whether two means (value, spread = standard deviation, base = n) differ by more than Welch's noise. */
export function meanChanged(a: ValueCell, b: ValueCell): boolean {
  if (!known(a) || !known(b) || !a.base || !b.base || a.spread == null || b.spread == null) return false;
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
  const countFinding = (name: "active" | "new", changedText: typeof m.active, sameText: typeof m.activeSame) => {
    const [now, then] = [k[name].current, yearAgo ? k[name].yearAgo : k[name].previous];
    const label = yearAgo ?? previous;
    if (!known(now) || !known(then)) return;
    out.push({
      figure: `kpi-${name}`,
      text: countChanged(now, then)
        ? changedText(
            formatCount(now.value),
            now.value > then.value ? m.more : m.fewer,
            formatCount(Math.abs(now.value - then.value)),
            label
          )
        : sameText(formatCount(now.value), label)
    });
  };
  countFinding("active", m.active, m.activeSame);
  countFinding("new", m.newBuyers, m.newSame);
  const retention = [k.retention.current, k.retention.previous];
  if (known(retention[0]) && known(retention[1]))
    out.push({
      figure: "kpi-retention",
      text: rateChanged(retention[0], retention[1])
        ? m.retention(
            formatShare(retention[0].value),
            retention[0].value > retention[1].value ? m.up : m.down,
            formatShare(retention[1].value),
            previous
          )
        : m.retentionSame(formatShare(retention[0].value), previous)
    });
  const perBuyer = [k.revenuePerBuyer.current, yearAgo ? k.revenuePerBuyer.yearAgo : k.revenuePerBuyer.previous];
  if (known(perBuyer[0]) && known(perBuyer[1])) {
    const label = yearAgo ?? previous;
    out.push({
      figure: "kpi-revenuePerBuyer",
      text: meanChanged(perBuyer[0], perBuyer[1])
        ? m.perBuyer(
            formatCents(perBuyer[0].value),
            perBuyer[0].value > perBuyer[1].value ? m.up : m.down,
            formatCents(perBuyer[1].value),
            label
          )
        : m.perBuyerSame(formatCents(perBuyer[0].value), label)
    });
  }
  if (known(k.topShare.current)) out.push({figure: "kpi-topShare", text: m.top(formatShare(k.topShare.current.value))});
  // The largest move between types (not counting customers new to the data).
  const flow = report.migration
    .filter((f) => f.from !== f.to && f.from !== "(not in population)" && f.customers !== null)
    .sort((a, b) => (b.customers ?? 0) - (a.customers ?? 0))[0];
  if (flow)
    out.push({
      figure: "migration",
      text: m.flow(formatCount(flow.customers!), segmentName(flow.from), segmentName(flow.to))
    });
  for (const dimension of ["region", "home_store"] as const) {
    const best = report.groups[dimension].top[0];
    if (best && known(best.revenuePerBuyer))
      out.push({
        figure: `groups-${dimension}`,
        text: m.best(t().report[dimension], best.group, formatCents(best.revenuePerBuyer.value))
      });
  }
  return out;
}
