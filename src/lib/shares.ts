/**
 * A segment table's shares and order, the same wherever one is made (the RFM explorer from its
 * cells, the rules lab from its counts, segmentSummarySql in SQL): each group's share of customers
 * and of revenue, largest revenue first, ties by name in code-point order (the order DuckDB's
 * ORDER BY "group" gives), so equal revenue never swaps rows between pages.
 */
export interface Counted {
  group: string;
  customers: number;
  revenue_cents: number;
}

const byRevenueThenName = (a: Counted, b: Counted): number =>
  b.revenue_cents - a.revenue_cents || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);

export function withShares<R extends Counted>(rows: R[]): (R & {customer_share: number; revenue_share: number})[] {
  const customers = rows.reduce((s, r) => s + r.customers, 0);
  const revenue = rows.reduce((s, r) => s + r.revenue_cents, 0);
  return rows
    .map((r) => ({
      ...r,
      customer_share: customers ? r.customers / customers : 0,
      revenue_share: revenue ? r.revenue_cents / revenue : 0
    }))
    .sort(byRevenueThenName);
}
