/**
 * Campaign and contact exports (files source), so a retailer can evaluate its own past
 * promotions: a campaign list (id, name, send date, offer, response window) and who each
 * campaign contacted or held out. Rows are parsed, rejected and counted like order rows (the
 * data-quality page shows them); a contact of a campaign the list does not have is rejected, and
 * a customer listed twice in one campaign is a duplicate.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {reasonSql} from "../../../src/lib/quality.js";
import {sqlString} from "../../../src/lib/sql.js";
import type {CampaignsFile, ContactsFile} from "./mapping.js";
import {trimSql} from "../../ids.js";
import {
  blankRow,
  customerId,
  dateReason,
  flag,
  idInExponent,
  integer,
  plausibleDate,
  text,
  timestamp,
  undecodableColumn
} from "./parse.js";
import type {TextCheck} from "./read.js";
import {markRepeats} from "./repeats.js";

/** Values of the group column, compared trimmed and in lower case, unless the mapping names its own. */
export const DEFAULT_GROUPS = {treatment: ["treatment", "test", "contacted"], holdout: ["holdout", "control"]};

/** Longest response window a campaign may state (days). */
const MAX_WINDOW = 365;

/** The query (over `raw`, the mapped columns as text) that parses the campaign list. */
export function parseCampaignsSql(raw: string, file: CampaignsFile, mapped: string[], check?: TextCheck): string {
  const has = (f: string) => mapped.includes(f);
  const sent = `${timestamp("sent_date", file.dateFormat, file.timeZone)}::DATE`;
  const window = has("window_days") ? integer("window_days") : "NULL::INTEGER";
  return `
WITH p AS (
  SELECT ${text("campaign_id")} AS campaign_id,
    coalesce(${has("campaign_name") ? text("campaign_name") : "NULL"}, ${text("campaign_id")}) AS campaign_name,
    ${sent} AS sent_date,
    ${has("offer") ? text("offer") : "NULL::VARCHAR"} AS offer,
    CASE WHEN ${window} BETWEEN 1 AND ${MAX_WINDOW} THEN ${window} END AS window_days,
    ${has("window_days") ? `${text("window_days")} IS NOT NULL` : "false"} AS has_window,
    ${text("sent_date")} IS NULL AS no_date,
    sent_date AS sent_text,
    ${undecodableColumn(mapped, check)} AS bad_text,
    ${blankRow(mapped, "campaign_id")} AS blank_row
  FROM ${raw}
)
SELECT campaign_id, campaign_name, sent_date, offer, CAST(window_days AS INTEGER) AS window_days,
  CASE WHEN bad_text IS NOT NULL THEN bad_text WHEN campaign_id IS NULL THEN 'campaign_id'
    WHEN sent_date IS NULL OR NOT ${plausibleDate("sent_date", file.dates)} THEN 'sent_date'
    WHEN has_window AND window_days IS NULL THEN 'window_days' END AS reject_column,
  CASE WHEN reject_column IS NULL THEN 'accepted' ELSE 'rejected' END AS outcome,
  CASE WHEN bad_text IS NOT NULL THEN ${reasonSql("undecodable")}
    WHEN campaign_id IS NULL THEN CASE WHEN blank_row THEN ${reasonSql("blankRow")} ELSE ${reasonSql("missingCampaignId")} END
    WHEN no_date THEN ${reasonSql("missingDate")}
    WHEN sent_date IS NULL THEN ${dateReason("sent_text")}
    WHEN reject_column = 'sent_date' THEN ${reasonSql("implausibleDate")}
    WHEN reject_column = 'window_days' THEN ${reasonSql("unreadableWindow")} END AS reason
FROM p`;
}

/**
 * The query that parses the contact list: the canonical campaign_contacts columns, the id
 * pseudonymized by `pseudonym` (a SQL expression of the raw id), then the working columns.
 */
export function parseContactsSql(
  raw: string,
  file: ContactsFile,
  mapped: string[],
  pseudonym: (raw: string) => string,
  check?: TextCheck
): string {
  const has = (f: string) => mapped.includes(f);
  const groups = file.groups ?? DEFAULT_GROUPS;
  const list = (values: string[]) => values.map((v) => sqlString(v.trim().toLowerCase())).join(", ");
  const yesNo = (f: string, blank: string) =>
    has(f) ? `CASE WHEN ${text(f)} IS NULL THEN ${blank} ELSE ${flag(f)} END` : blank;
  return `
WITH p AS (
  SELECT ${text("campaign_id")} AS campaign_id,
    ${customerId("customer_id", file.idCase)} AS customer_raw,
    ${idInExponent("customer_id")} AS rounded_id,
    CASE WHEN lower(${trimSql('"group"')}) IN (${list(groups.treatment)}) THEN 'treatment'
      WHEN lower(${trimSql('"group"')}) IN (${list(groups.holdout)}) THEN 'holdout' END AS grp,
    ${undecodableColumn(mapped, check)} AS bad_text,
    "group" AS group_text,
    ${has("sent") ? `${text("sent")} IS NOT NULL AND ${flag("sent")} IS NULL` : "false"} AS bad_sent,
    ${has("redeemed") ? `${text("redeemed")} IS NOT NULL AND ${flag("redeemed")} IS NULL` : "false"} AS bad_redeemed,
    ${has("sent") ? `CASE WHEN ${text("sent")} IS NULL THEN NULL ELSE ${flag("sent")} END` : "NULL::BOOLEAN"} AS sent_flag,
    ${yesNo("redeemed", "false")} AS redeemed,
    ${blankRow(mapped, "campaign_id")} AS blank_row
  FROM ${raw}
)
SELECT campaign_id, ${pseudonym("customer_raw")} AS customer_key, grp,
  -- not mapped (or blank): the treated were sent the campaign, the held out were not
  coalesce(sent_flag, grp = 'treatment') AS sent, coalesce(redeemed, false) AS redeemed,
  customer_raw,
  CASE WHEN bad_text IS NOT NULL THEN bad_text WHEN campaign_id IS NULL THEN 'campaign_id'
    WHEN customer_raw IS NULL OR rounded_id THEN 'customer_id' WHEN grp IS NULL THEN 'group'
    WHEN bad_sent THEN 'sent' WHEN bad_redeemed THEN 'redeemed' END AS reject_column,
  CASE WHEN reject_column IS NULL THEN 'accepted' ELSE 'rejected' END AS outcome,
  CASE WHEN bad_text IS NOT NULL THEN ${reasonSql("undecodable")}
    WHEN campaign_id IS NULL THEN CASE WHEN blank_row THEN ${reasonSql("blankRow")} ELSE ${reasonSql("missingCampaignId")} END
    WHEN customer_raw IS NULL THEN ${reasonSql("missingCustomerId")}
    WHEN rounded_id THEN ${reasonSql("exponentId")}
    WHEN grp IS NULL THEN ${reasonSql("unknownGroup")}
    WHEN bad_sent OR bad_redeemed THEN ${reasonSql("unreadableFlag")} END AS reason
FROM p`;
}

/**
 * Classifies exact repeats of a campaign row as duplicates, and rejects every row of an id that
 * is still repeated with different values (which send date would be right cannot be told).
 */
export async function checkCampaigns(db: DuckDBConnection): Promise<void> {
  await markRepeats(db, "parsed_campaigns", "campaign_id", ["campaign_name", "sent_date", "offer", "window_days"]);
  await db.run(`UPDATE parsed_campaigns SET outcome = 'rejected', reject_column = 'campaign_id', reason = ${reasonSql("repeatedCampaignId")}
    WHERE outcome = 'accepted' AND campaign_id IN (
      SELECT campaign_id FROM parsed_campaigns WHERE outcome = 'accepted' GROUP BY campaign_id HAVING count(*) > 1)`);
}

/** Rejects contacts of campaigns the list does not have, and classifies a customer's repeats within a campaign. */
export async function checkContacts(db: DuckDBConnection): Promise<void> {
  await db.run(`UPDATE parsed_contacts SET outcome = 'rejected', reject_column = 'campaign_id', reason = ${reasonSql("unknownCampaign")}
    WHERE outcome = 'accepted' AND campaign_id NOT IN (SELECT campaign_id FROM campaigns)`);
  // A customer once per campaign: a repeat is the same customer and campaign again.
  await markRepeats(db, "parsed_contacts", "customer_raw", ["campaign_id"]);
}

/** The accepted campaigns and contacts into the canonical tables. */
export async function insertCampaigns(db: DuckDBConnection): Promise<void> {
  await db.run(
    "INSERT INTO campaigns SELECT campaign_id, campaign_name, sent_date, offer, window_days FROM parsed_campaigns WHERE outcome = 'accepted'"
  );
}

export async function insertContacts(db: DuckDBConnection): Promise<void> {
  await db.run(
    "INSERT INTO campaign_contacts SELECT campaign_id, customer_key, grp, sent, redeemed FROM parsed_contacts WHERE outcome = 'accepted'"
  );
}
