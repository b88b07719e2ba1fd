/**
 * Independent reference implementations, in plain TypeScript loops, of what the cohort,
 * lifecycle, stage and Pareto SQL computes. Written from the definitions in the pages and
 * README, not from the SQL, so a mistake in either shows as a difference.
 */
import type {CohortCell} from "../../src/lib/cohorts.js";
import type {LifecycleMonth} from "../../src/lib/lifecycle.js";
import type {ActivityRow, CustomerRow, DayRow} from "../helpers/sample-db.js";

type Filters = Record<string, (string | number)[]>;

/** January of year 0 = 0: consecutive months differ by one. */
export const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/**
 * Known at a date, from the README's rule: signed up or bought by then; a customer with neither
 * a signup date nor any purchase (on the list, joined at an unknown date) at every date.
 * `first_purchase` is the customer's first purchase ever (to the build date).
 */
export function knownAt(c: Pick<CustomerRow, "signup_date" | "first_purchase">, asOf: string): boolean {
  if (c.signup_date === null && c.first_purchase === null) return true;
  return (c.signup_date !== null && c.signup_date <= asOf) || (c.first_purchase !== null && c.first_purchase <= asOf);
}

export function matches(c: CustomerRow, filters: Filters = {}): boolean {
  return Object.entries(filters).every(
    ([k, values]) => values.length === 0 || values.map(String).includes(String(c[k]))
  );
}

/** Reference rows have the shape of the SQL's (the types are shared; the computation is not). */
type RefCohortCell = CohortCell;

export function referenceCohorts(
  customers: CustomerRow[],
  months: ActivityRow[],
  o: {grain: "month" | "quarter"; mode: "recurring" | "on-or-after"; filters?: Filters}
): RefCohortCell[] {
  const step = o.grain === "month" ? 1 : 3;
  const last = Math.floor(Math.max(...months.map((m) => monthIndex(m.month))) / step);
  const firstMonth = new Map(
    customers.filter((c) => c.first_purchase).map((c) => [c.customer_key, monthIndex(c.first_purchase!)])
  );
  const members = new Map(
    customers
      .filter((c) => c.orders > 0 && matches(c, o.filters))
      .map((c) => [c.customer_key, Math.floor(monthIndex(c.first_purchase!) / step)])
  );
  // customer → period → {bought, cents}
  const activity = new Map<string, Map<number, {bought: boolean; cents: number}>>();
  for (const m of months) {
    const cohort = members.get(m.customer_key);
    if (cohort === undefined) continue;
    if (monthIndex(m.month) < firstMonth.get(m.customer_key)!) continue;
    const period = Math.floor(monthIndex(m.month) / step) - cohort;
    const periods = activity.get(m.customer_key) ?? new Map();
    const cell = periods.get(period) ?? {bought: false, cents: 0};
    cell.bought ||= m.orders > 0;
    cell.cents += m.revenue_cents;
    periods.set(period, cell);
    activity.set(m.customer_key, periods);
  }
  const cells: RefCohortCell[] = [];
  const pooled = new Map<number, {members: number; active: number; cents: number; cumulative: number; first: number}>();
  for (const cohort of [...new Set(members.values())].sort((a, b) => a - b)) {
    const keys = [...members].filter(([, c]) => c === cohort).map(([k]) => k);
    let cumulative = 0;
    let first = 0;
    for (let p = 0; p <= last - cohort; p++) {
      const active = keys.filter((k) => {
        const periods = activity.get(k) ?? new Map();
        if (o.mode === "recurring") return periods.get(p)?.bought === true;
        return [...periods].some(([q, cell]) => q >= p && cell.bought);
      }).length;
      const cents = keys.reduce((s, k) => s + (activity.get(k)?.get(p)?.cents ?? 0), 0);
      if (p === 0) first = cents;
      cumulative += cents;
      const index = cohort * step;
      const label =
        o.grain === "month"
          ? `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`
          : `${Math.floor(index / 12)}-Q${Math.floor((index % 12) / 3) + 1}`;
      cells.push({
        cohort: label,
        period: p,
        members: keys.length,
        active,
        revenue_cents: cents,
        retention: active / keys.length,
        revenue_retention: first > 0 ? cents / first : null,
        ltv_cents: cumulative / keys.length
      });
      const all = pooled.get(p) ?? {members: 0, active: 0, cents: 0, cumulative: 0, first: 0};
      pooled.set(p, {
        members: all.members + keys.length,
        active: all.active + active,
        cents: all.cents + cents,
        cumulative: all.cumulative + cumulative,
        first: all.first + first
      });
    }
  }
  const all = [...pooled]
    .sort(([a], [b]) => a - b)
    .map(([period, t]) => ({
      cohort: "All cohorts",
      period,
      members: t.members,
      active: t.active,
      revenue_cents: t.cents,
      retention: t.active / t.members,
      revenue_retention: t.first > 0 ? t.cents / t.first : null,
      ltv_cents: t.cumulative / t.members
    }));
  return [...all, ...cells];
}

type RefLifecycleMonth = Pick<
  LifecycleMonth,
  "month" | "active" | "new" | "returning" | "resurrecting" | "dormant" | "orders" | "revenue_cents"
>;

export function referenceLifecycle(
  customers: CustomerRow[],
  months: ActivityRow[],
  filters: Filters = {}
): RefLifecycleMonth[] {
  const keep = new Set(customers.filter((c) => matches(c, filters)).map((c) => c.customer_key));
  const rows = months.filter((m) => keep.has(m.customer_key));
  const activeIn = new Map<number, Set<string>>();
  for (const m of rows)
    if (m.orders > 0)
      activeIn.set(monthIndex(m.month), (activeIn.get(monthIndex(m.month)) ?? new Set()).add(m.customer_key));
  const firstMonth = new Map<string, number>();
  for (const [i, keys] of [...activeIn].sort(([a], [b]) => a - b))
    for (const k of keys) if (!firstMonth.has(k)) firstMonth.set(k, i);
  const start = Math.min(...activeIn.keys());
  const end = Math.max(...months.map((m) => monthIndex(m.month)));
  const out: RefLifecycleMonth[] = [];
  for (let i = start; i <= end; i++) {
    const now = activeIn.get(i) ?? new Set<string>();
    const before = activeIn.get(i - 1) ?? new Set<string>();
    const r = {new: 0, returning: 0, resurrecting: 0};
    for (const k of now) {
      if (firstMonth.get(k) === i) r.new++;
      else if (before.has(k)) r.returning++;
      else r.resurrecting++;
    }
    const monthRows = rows.filter((m) => monthIndex(m.month) === i);
    out.push({
      month: `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
      active: now.size,
      ...r,
      dormant: [...before].filter((k) => !now.has(k)).length,
      orders: monthRows.reduce((s, m) => s + m.orders, 0),
      revenue_cents: monthRows.reduce((s, m) => s + m.revenue_cents, 0)
    });
  }
  return out;
}

/** Day rows per customer, up to and including `asOf`. */
function daysByCustomer(dayRows: DayRow[], asOf: string): Map<string, DayRow[]> {
  const by = new Map<string, DayRow[]>();
  for (const d of dayRows) {
    if (d.day > asOf) continue;
    const mine = by.get(d.customer_key);
    if (mine) mine.push(d);
    else by.set(d.customer_key, [d]);
  }
  return by;
}

export function referenceStages(
  customers: CustomerRow[],
  dayRows: DayRow[],
  o: {asOf: string; atRiskDays: number; churnDays: number; highValue: number}
): Map<string, string> {
  const stages = new Map<string, string>();
  const by = daysByCustomer(dayRows, o.asOf);
  for (const c of customers) {
    const mine = by.get(c.customer_key) ?? [];
    const orders = mine.reduce((s, d) => s + d.orders, 0);
    const cents = mine.reduce((s, d) => s + d.revenue_cents, 0);
    const bought = mine
      .filter((d) => d.orders > 0)
      .map((d) => d.day)
      .sort();
    if (!knownAt(c, o.asOf)) continue;
    const recency = bought.length ? days(bought.at(-1)!, o.asOf) : null;
    stages.set(
      c.customer_key,
      orders === 0
        ? "Prospect"
        : recency! > o.churnDays
          ? "Churned"
          : recency! > o.atRiskDays
            ? "At risk"
            : cents >= o.highValue * 100
              ? "High value"
              : orders >= 2
                ? "Repeat"
                : "First purchase"
    );
  }
  return stages;
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function referenceConversion(customers: CustomerRow[], dayRows: DayRow[], asOf: string) {
  let registered = 0,
    converted = 0,
    buyers = 0,
    repeaters = 0;
  const toFirst: number[] = [];
  const toSecond: number[] = [];
  const by = daysByCustomer(dayRows, asOf);
  for (const c of customers) {
    const bought = (by.get(c.customer_key) ?? [])
      .filter((d) => d.orders > 0)
      .sort((a, b) => a.day.localeCompare(b.day));
    if (!knownAt(c, asOf)) continue;
    if (c.signup_date !== null) registered++;
    if (bought.length === 0) continue;
    buyers++;
    if (c.signup_date !== null) {
      converted++;
      if (bought[0].day >= c.signup_date) toFirst.push(days(c.signup_date, bought[0].day));
    }
    let count = 0;
    const second = bought.find((d) => (count += d.orders) >= 2);
    if (second) {
      repeaters++;
      toSecond.push(days(bought[0].day, second.day));
    }
  }
  return {
    registered,
    converted,
    prospect_rate: converted / registered,
    median_days_to_first: median(toFirst),
    buyers,
    repeaters,
    repeat_rate: repeaters / buyers,
    median_days_to_second: median(toSecond)
  };
}

/** Gini over buyers' net revenue clipped at zero, by the mean absolute difference. */
export function referencePareto(customers: CustomerRow[], topPercent: number, filters: Filters = {}) {
  const v = customers
    .filter((c) => c.orders > 0 && matches(c, filters))
    .map((c) => Math.max(c.revenue_cents, 0))
    .sort((a, b) => b - a);
  const total = v.reduce((s, x) => s + x, 0);
  // Gini = Σᵢ Σⱼ |xᵢ − xⱼ| ÷ (2 n² mean) = Σ_{i<j} (xⱼ − xᵢ) ÷ (n Σx) over ascending values, in O(n).
  const asc = [...v].reverse();
  let pairs = 0,
    prefix = 0;
  asc.forEach((x, i) => {
    pairs += x * i - prefix;
    prefix += x;
  });
  const n = v.length;
  const k = Math.ceil((n * topPercent) / 100);
  return {
    buyers: n,
    revenue_cents: total,
    gini: pairs / (n * total),
    top_customers: k,
    top_share: v.slice(0, k).reduce((s, x) => s + x, 0) / total
  };
}
