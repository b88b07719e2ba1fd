/**
 * The published tables written as Parquet files. Their rows are in no particular order (who
 * reads them sorts): sorting them took a fifth of the publishing time at 1M orders, and the
 * files came out no smaller (the rows of a day or month end up together anyway). Apart from
 * publish.ts, which writes them, for the data loaders that copy them out without DuckDB (kept.ts).
 */
export const PUBLISHED_FILES: Record<string, string> = {
  out_customers: "customers.parquet",
  out_customer_month: "customer-month.parquet",
  out_customer_day: "customer-day.parquet",
  out_campaigns: "campaigns.parquet",
  out_campaign_contacts: "campaign-contacts.parquet",
  // Written by derive/predict.ts after the others, not by publishTo.
  out_predictions: "predictions.parquet"
};
