/**
 * The canonical tables every source is ingested into (one native DuckDB per build).
 *
 * Keys are pseudonyms already: raw customer ids never reach these tables (see privacy.ts).
 * Money is integer cents (BIGINT): sums are exact in every engine. Timestamps are UTC
 * (TIMESTAMPTZ) with a business date in the store's time zone beside them.
 * Personal fields (name, phone, email, exact birth date) have no column here on purpose.
 * No PRIMARY KEY constraints: DuckDB's index checks would slow bulk loads severalfold, and
 * ingestion itself makes keys unique (duplicates are classified, not inserted).
 */

/** Stores and the online shop. */
export const STORES = `
CREATE TABLE stores (
  store_id   VARCHAR NOT NULL,
  store_name VARCHAR NOT NULL,
  region     VARCHAR NOT NULL,   -- province
  city       VARCHAR NOT NULL,
  city_tier  INTEGER,            -- 1 = largest cities; NULL for the online shop
  channel    VARCHAR NOT NULL    -- 'store' | 'online'
)`;

/** One row per customer of the master list. */
export const CUSTOMERS = `
CREATE TABLE customers (
  customer_key      VARCHAR NOT NULL,    -- HMAC-SHA-256 pseudonym of the raw id
  signup_date       DATE,
  birth_year        INTEGER,             -- only the year and the month survive ingestion
  birth_month       INTEGER,             -- 1..12, for birthday audiences; the day is dropped
  gender            VARCHAR,             -- 'F' | 'M' | 'U'
  region            VARCHAR,
  city              VARCHAR,
  home_store        VARCHAR,
  channel           VARCHAR,             -- acquisition channel: 'store' | 'online'
  tier              VARCHAR,             -- member tier
  points            INTEGER,
  marketing_consent BOOLEAN,             -- NULL (missing) counts as no
  opt_out_date      DATE
)`;

/**
 * Orders. kind is the ingestion's classification: 'sale' rows are customer purchases; the
 * others are kept for sales totals and the data-quality page but left out of customer metrics.
 */
export const ORDERS = `
CREATE TABLE orders (
  order_id       VARCHAR NOT NULL,
  customer_key   VARCHAR,                -- NULL: sale without a customer id (walk-in)
  ordered_at     TIMESTAMPTZ NOT NULL,
  business_date  DATE NOT NULL,
  store_id       VARCHAR,
  channel        VARCHAR,
  gross_cents    BIGINT NOT NULL,
  discount_cents BIGINT NOT NULL,
  net_cents      BIGINT NOT NULL,
  items          INTEGER NOT NULL,
  kind           VARCHAR NOT NULL        -- 'sale' | 'return' | 'cancellation' | 'adjustment'
)`;

/** Optional order lines. */
export const ORDER_LINES = `
CREATE TABLE order_lines (
  order_id         VARCHAR NOT NULL,
  sku              VARCHAR,
  category         VARCHAR,
  qty              INTEGER NOT NULL,
  unit_price_cents BIGINT          -- NULL for a line valued by its total with no quantity
)`;

/** Marketing campaigns and who was contacted or held out. */
export const CAMPAIGNS = `
CREATE TABLE campaigns (
  campaign_id   VARCHAR NOT NULL,
  campaign_name VARCHAR NOT NULL,
  sent_date     DATE NOT NULL,
  offer         VARCHAR,
  window_days   INTEGER            -- response window; NULL: the config's campaigns.window
)`;

export const CAMPAIGN_CONTACTS = `
CREATE TABLE campaign_contacts (
  campaign_id  VARCHAR NOT NULL,
  customer_key VARCHAR NOT NULL,
  grp          VARCHAR NOT NULL,   -- 'treatment' | 'holdout'
  sent         BOOLEAN NOT NULL,
  redeemed     BOOLEAN NOT NULL
)`;

/** Complaints and praise. */
export const FEEDBACK = `
CREATE TABLE feedback (
  customer_key  VARCHAR NOT NULL,
  feedback_date DATE NOT NULL,
  kind          VARCHAR NOT NULL,  -- 'complaint' | 'praise'
  score         INTEGER            -- 1..5
)`;

/**
 * Data quality: for each input file, how many rows were accepted, classified (with reason) or
 * rejected (with reason and column), and for order rows what they are worth, so that a user can
 * reconcile with their own finance figures. Per file, the rows add up to the rows read.
 */
export const QUALITY = `
CREATE TABLE quality (
  source      VARCHAR NOT NULL,  -- 'orders' | 'customers' | 'sample'
  file        VARCHAR NOT NULL,  -- file name only (no folders)
  outcome     VARCHAR NOT NULL,  -- 'accepted' | 'classified' | 'rejected'
  reason      VARCHAR,
  column_name VARCHAR,
  rows        BIGINT NOT NULL,
  amount_cents BIGINT              -- what the order rows are worth (credits negative); NULL for rejected rows and master lists
)`;

/**
 * How each input file was read: its format and, for a CSV, the encoding (and how it was chosen),
 * the delimiter as found or declared, the header's line, and how many lines were not valid in the
 * encoding. Shown on the data-quality page, so that what was settled without the user is visible.
 */
export const INPUT_FILES = `
CREATE TABLE input_files (
  source            VARCHAR NOT NULL,
  file              VARCHAR NOT NULL,  -- file name only (no folders)
  format            VARCHAR NOT NULL,  -- 'csv' | 'parquet' | 'json'
  encoding          VARCHAR,
  detected          VARCHAR,           -- how the encoding was chosen (decode.ts)
  delimiter         VARCHAR,           -- ',' ';' '\t' '|' or 'whitespace'
  header_line       INTEGER,
  undecodable_lines BIGINT,
  footer_lines      INTEGER            -- lines at the end not read as rows (footerLines)
)`;

/** Every canonical table, in creation order. */
export const CANONICAL_TABLES = [
  STORES,
  CUSTOMERS,
  ORDERS,
  ORDER_LINES,
  CAMPAIGNS,
  CAMPAIGN_CONTACTS,
  FEEDBACK,
  QUALITY,
  INPUT_FILES
];
