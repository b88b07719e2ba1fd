/**
 * The segment table is made in three places (the RFM explorer from its cells, the rules lab from
 * its counts, segmentSummarySql in SQL); all three must give the same shares and the same order,
 * ties in revenue included (they used to break them three different ways).
 */
import {expect, test} from "vitest";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {parseRules, ruleCounts} from "../../src/lib/rules.js";
import {rfmViews, segmentSummarySql} from "../../src/lib/segments.js";

// Four segments; "b", "B" and "a" tie on revenue (100 each), "z" has more.
const {rules} = parseRules("b: k = 'b'\nB: k = 'B'\nz: k = 'z'\na: k = 'a'");
const customers = [
  {k: "b", revenue_cents: 100},
  {k: "B", revenue_cents: 60},
  {k: "B", revenue_cents: 40},
  {k: "z", revenue_cents: 500},
  {k: "a", revenue_cents: 100}
];
const EXPECTED = ["z", "B", "a", "b"]; // revenue first, then code-point order (uppercase before lowercase)

test("RFM explorer, rules lab and SQL order equal-revenue segments the same way, with the same shares", async () => {
  const index = (k: string) => rules.findIndex((r) => r.name === k);
  const cells = customers.map((c) => ({
    r_score: 1,
    f_score: 1,
    rule_index: index(c.k),
    customers: 1,
    orders: 1,
    revenue_cents: c.revenue_cents,
    recency_days: 10,
    with_recency: 1
  }));
  const explorer = rfmViews(rules, cells).summary;
  const lab = ruleCounts(
    [],
    rules,
    customers.map((c) => ({base_index: null, rule_index: index(c.k), customers: 1, revenue_cents: c.revenue_cents}))
  ).summary;
  const db = await openDuckDB();
  const source = `SELECT * FROM (VALUES ${customers.map((c) => `('${c.k}', ${c.revenue_cents}, 1, 10)`).join(", ")}) t(k, revenue_cents, orders, recency_days)`;
  const sql = await queryRows<{group: string; customer_share: number; revenue_share: number}>(
    db,
    segmentSummarySql(source, rules)
  );
  for (const summary of [explorer, lab, sql]) {
    expect(summary.map((s) => s.group)).toEqual(EXPECTED);
    expect(summary.map((s) => s.revenue_share)).toEqual([500 / 800, 100 / 800, 100 / 800, 100 / 800]);
    expect(summary.map((s) => s.customer_share)).toEqual([1 / 5, 2 / 5, 1 / 5, 1 / 5]);
  }
});
