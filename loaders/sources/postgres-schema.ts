/**
 * The canonical tables as the PostgreSQL source expects them (raw customer ids; the loader
 * pseudonymizes). Extra columns are ignored: personal ones such as name, phone or email may be
 * there and are never selected. `feedback` and `stores` may be empty.
 */
export const POSTGRES_SCHEMA = `
CREATE TABLE stores (store_id text PRIMARY KEY, store_name text, region text, city text, city_tier integer, channel text);
CREATE TABLE customers (
  customer_id text PRIMARY KEY, signup_date date, birth_year integer, gender text, region text, city text,
  home_store text, channel text, tier text, points integer, marketing_consent boolean, opt_out_date date
);
CREATE TABLE orders (
  order_id text NOT NULL, customer_id text, ordered_at timestamptz NOT NULL, business_date date NOT NULL,
  store_id text, channel text, gross_cents bigint NOT NULL, discount_cents bigint NOT NULL, net_cents bigint NOT NULL,
  items integer NOT NULL, kind text NOT NULL CHECK (kind IN ('sale', 'return', 'cancellation', 'adjustment'))
);
CREATE TABLE feedback (customer_id text NOT NULL, feedback_date date NOT NULL, kind text NOT NULL, score integer);
CREATE INDEX orders_customer_date ON orders (customer_id, business_date);
`;
