/**
 * The built-in sample: a deterministic clothing chain written straight into the canonical
 * tables. Its true parameters travel with it (SampleMetadata) so models can be checked.
 */
import type {DuckDBAppender, DuckDBConnection} from "@duckdb/node-api";
import {dayNumber, isoDate} from "./calendar.js";
import {type Campaign, type SimCustomer, TRUE_PARAMETERS, simulate} from "./simulate.js";
import {ALL_STORES} from "./stores.js";

export interface SampleOptions {
  /** Customers on the master list (prospects included); orders come to about 4 per customer. */
  customers: number;
  seed: number;
  /** First and last day of the data (ISO dates); the last is the sample's as-of date. */
  start: string;
  end: string;
  /** Purchase intensity (default 1, the true parameters); benchmark sizes use 3. See simulate(). */
  intensity?: number;
}

/** The default sample: builds in a few seconds for `npm run dev`. */
export const DEFAULT_SAMPLE: SampleOptions = {
  customers: 20_000,
  seed: 20260630,
  start: "2023-07-01",
  end: "2026-06-30"
};

export interface SampleMetadata {
  options: SampleOptions;
  parameters: typeof TRUE_PARAMETERS;
  campaigns: {
    campaign_id: string;
    sent_date: string;
    window_days: number;
    holdout_share: number;
    true_uplift: number;
  }[];
  counts: {customers: number; orders: number};
}

/** The sample's campaigns: a win-back of lapsed customers and a VIP preview before 618. */
export function sampleCampaigns(end: string): Campaign[] {
  const endDay = dayNumber(end);
  const consented = (c: {consent: boolean | null; optOutDay: number | null}, day: number) =>
    c.consent === true && (c.optOutDay === null || c.optOutDay > day);
  return [
    {
      campaign_id: "WINBACK",
      campaign_name: "Win-back: lapsed 120-540 days",
      sent_day: endDay - 270,
      offer: "20% off one order",
      window_days: 30,
      holdout_share: 0.2,
      trueUplift: 0.1,
      eligible: (c, day) => {
        const before = c.purchases.filter((d) => d < day);
        const last = before[before.length - 1];
        return consented(c, day) && last !== undefined && day - last >= 120 && day - last <= 540;
      }
    },
    {
      campaign_id: "VIP618",
      campaign_name: "618 VIP preview",
      sent_day: endDay - 36,
      offer: "early access + double points",
      window_days: 21,
      holdout_share: 0.1,
      trueUplift: 0.06,
      eligible: (c, day) => consented(c, day) && c.purchases.filter((d) => d < day).length >= 3
    }
  ];
}

/** Generates the sample into the (empty) canonical tables of `db`. */
export async function loadSample(
  db: DuckDBConnection,
  options: SampleOptions,
  pseudonym: (raw: string) => string
): Promise<SampleMetadata> {
  const campaigns = sampleCampaigns(options.end);
  await db.run(`CREATE TEMP TABLE gen_orders (order_id VARCHAR, customer_key VARCHAR, day INTEGER, minute INTEGER,
    store_id VARCHAR, channel VARCHAR, gross BIGINT, discount BIGINT, items INTEGER, kind VARCHAR)`);
  await db.run(`CREATE TEMP TABLE gen_customers (customer_key VARCHAR, signup INTEGER, birth_year INTEGER, gender VARCHAR,
    region VARCHAR, city VARCHAR, home_store VARCHAR, channel VARCHAR, tier VARCHAR, points INTEGER, consent BOOLEAN, opt_out INTEGER)`);
  await db.run(`CREATE TEMP TABLE gen_feedback (customer_key VARCHAR, day INTEGER, kind VARCHAR, score INTEGER)`);
  await db.run(
    `CREATE TEMP TABLE gen_contacts (campaign_id VARCHAR, customer_key VARCHAR, grp VARCHAR, redeemed BOOLEAN)`
  );
  const orders = await db.createAppender("gen_orders");
  const customers = await db.createAppender("gen_customers");
  const feedback = await db.createAppender("gen_feedback");
  const contacts = await db.createAppender("gen_contacts");

  const keys = new Map<number, string>();
  const keyOf = (c: SimCustomer) => {
    let key = keys.get(c.index);
    if (!key) keys.set(c.index, (key = pseudonym(`C${String(c.index + 1).padStart(7, "0")}`)));
    return key;
  };
  const text = (a: DuckDBAppender, v: string | null) => (v === null ? a.appendNull() : a.appendVarchar(v));
  let orderCount = 0;

  simulate(
    options.customers,
    options.seed,
    dayNumber(options.start),
    dayNumber(options.end),
    campaigns,
    {
      customer(c, tier, points) {
        text(customers, keyOf(c));
        customers.appendInteger(c.signupDay);
        customers.appendInteger(c.birthYear);
        text(customers, c.gender);
        text(customers, c.region);
        text(customers, c.city);
        text(customers, c.home.store_id);
        text(customers, c.channel);
        text(customers, tier);
        customers.appendInteger(points);
        if (c.consent === null) customers.appendNull();
        else customers.appendBoolean(c.consent);
        if (c.optOutDay === null) customers.appendNull();
        else customers.appendInteger(c.optOutDay);
        customers.endRow();
        keys.delete(c.index); // every row of this customer is written: keep memory flat
      },
      order(c, o) {
        orderCount++;
        text(orders, `${o.kind === "return" ? "R" : "O"}${String(orderCount).padStart(9, "0")}`);
        text(orders, c ? keyOf(c) : null);
        orders.appendInteger(o.day);
        orders.appendInteger(o.minute);
        text(orders, o.store.store_id);
        text(orders, o.store.channel);
        orders.appendBigInt(BigInt(o.gross));
        orders.appendBigInt(BigInt(o.discount));
        orders.appendInteger(o.items);
        text(orders, o.kind);
        orders.endRow();
      },
      feedback(c, day, kind, score) {
        text(feedback, keyOf(c));
        feedback.appendInteger(day);
        text(feedback, kind);
        feedback.appendInteger(score);
        feedback.endRow();
      },
      contact(c, campaign, group, redeemed) {
        text(contacts, campaign.campaign_id);
        text(contacts, keyOf(c));
        text(contacts, group);
        contacts.appendBoolean(redeemed);
        contacts.endRow();
      }
    },
    options.intensity ?? 1
  );
  for (const a of [orders, customers, feedback, contacts]) a.closeSync();

  // Store-local time is China Standard Time (UTC+8, no daylight saving): UTC = local - 8 h.
  const date = (col: string) => `(DATE '1970-01-01' + ${col})`;
  await db.run(
    `INSERT INTO stores VALUES ${ALL_STORES.map(
      (s) =>
        `('${s.store_id}', '${s.store_name}', '${s.region}', '${s.city}', ${s.city_tier ?? "NULL"}, '${s.channel}')`
    ).join(", ")}`
  );
  // The sample's birth months come from a hash of the key, not the simulation's random stream,
  // which every other figure of the sample depends on.
  await db.run(`INSERT INTO customers SELECT customer_key, ${date("signup")}, birth_year,
    CASE WHEN birth_year IS NOT NULL THEN 1 + CAST(('0x' || left(md5(customer_key), 4))::INTEGER % 12 AS INTEGER) END,
    gender, region, city, home_store, channel, tier, points, consent, ${date("opt_out")} FROM gen_customers`);
  await db.run(`INSERT INTO orders SELECT order_id, customer_key,
      to_timestamp(day * 86400 + (minute - 480) * 60), ${date("day")}, store_id, channel,
      gross, discount, gross - discount, items, kind
    FROM gen_orders ORDER BY day, order_id`);
  await db.run(`INSERT INTO feedback SELECT customer_key, ${date("day")}, kind, score FROM gen_feedback`);
  await db.run(
    `INSERT INTO campaigns VALUES ${campaigns
      .map(
        (c) =>
          `('${c.campaign_id}', '${c.campaign_name}', DATE '${isoDate(c.sent_day)}', '${c.offer}', ${c.window_days})`
      )
      .join(", ")}`
  );
  await db.run(
    `INSERT INTO campaign_contacts SELECT campaign_id, customer_key, grp, grp = 'treatment', redeemed FROM gen_contacts`
  );
  for (const t of ["gen_orders", "gen_customers", "gen_feedback", "gen_contacts"]) await db.run(`DROP TABLE ${t}`);
  // The sample is clean by construction; its rows are still accounted for like a file's.
  await db.run(`INSERT INTO quality
    SELECT 'orders', 'built-in sample', CASE WHEN kind = 'sale' AND customer_key IS NOT NULL THEN 'accepted' ELSE 'classified' END,
      CASE WHEN kind <> 'sale' THEN kind WHEN customer_key IS NULL THEN 'no customer id' END, NULL, count(*), sum(net_cents)
    FROM orders GROUP BY ALL
    UNION ALL SELECT 'customers', 'built-in sample', 'accepted', NULL, NULL, count(*), NULL FROM customers`);

  return {
    options,
    parameters: TRUE_PARAMETERS,
    campaigns: campaigns.map((c) => ({
      campaign_id: c.campaign_id,
      sent_date: isoDate(c.sent_day),
      window_days: c.window_days,
      holdout_share: c.holdout_share,
      true_uplift: c.trueUplift
    })),
    counts: {customers: options.customers, orders: orderCount}
  };
}
