/**
 * Build-time results of the action pages (audiences, campaigns, loyalty) for their default
 * inputs: the pages' own SQL builders (src/lib) in native DuckDB over the published tables.
 * Aggregates only, with one exception that is not personal: the key's public fingerprint.
 */
import {loadConfig} from "./config.js";
import {queryRows} from "./duckdb.js";
import {MODEL_DEFAULTS} from "./derive/model-settings.js";
import {keyFingerprint, pseudonymKey} from "./privacy.js";
import {filterChoices, once, siteTables} from "./reports.js";
import {
  AUDIENCE_ATTRIBUTES,
  AUDIENCE_DEFAULTS,
  audienceCandidatesSql,
  audienceQueries,
  audienceResult,
  audienceRules,
  normalizeChoices
} from "../src/lib/audiences.js";
import {
  type CampaignGroup,
  campaignOutcomesSql,
  CAMPAIGN_PAGE_DEFAULTS,
  campaignSegmentsSql,
  campaignSettings
} from "../src/lib/campaigns.js";
import {loyaltyCustomersSql, loyaltyQueries, loyaltyRules} from "../src/lib/loyalty.js";
import {RULE_SETS} from "../src/lib/rulesets.js";

/** audiences.json: the default audience's funnel and segments, filter values, key fingerprint. */
export const audiencesReport = once("audiences", async (): Promise<string> => {
  const {db, asOf, info} = await siteTables();
  const {config} = await loadConfig();
  const riskThreshold = config.models?.riskThreshold ?? MODEL_DEFAULTS.riskThreshold;
  const {rules} = audienceRules(AUDIENCE_DEFAULTS, riskThreshold);
  const query = <T>(sql: string) => queryRows<T>(db, sql);
  await db.run(`CREATE TEMP TABLE audience_candidates AS ${audienceCandidatesSql(asOf, rules)}`);
  const result = await audienceResult(
    query,
    audienceQueries("SELECT * FROM audience_candidates", AUDIENCE_DEFAULTS.holdout)
  );
  return JSON.stringify({
    asOf,
    builtAt: info.builtAt,
    riskThreshold,
    keyFingerprint: keyFingerprint(pseudonymKey(process.env, config.source.type)),
    choices: await filterChoices(db, AUDIENCE_ATTRIBUTES),
    // Customers with a known birth month and a known consent: with none, the page hides the
    // birthday filter, and says that no audience can form.
    known: (
      await query<{birth_months: number; consent: number}>(
        "SELECT count(birth_month)::INTEGER AS birth_months, count(consent)::INTEGER AS consent FROM customers"
      )
    )[0],
    audience: {options: normalizeChoices(AUDIENCE_DEFAULTS), rows: [result]}
  });
});

/** campaigns.json: every campaign's outcomes by group, and by segment for the default rule set. */
export const campaignsReport = once("campaigns", async (): Promise<string> => {
  const {db, asOf, info} = await siteTables();
  const {config} = await loadConfig();
  const settings = campaignSettings(config.campaigns);
  const campaigns = await queryRows<{campaign_id: string; sent_date: string}>(
    db,
    "SELECT campaign_id, campaign_name, CAST(sent_date AS VARCHAR) AS sent_date, offer, window_days FROM campaigns ORDER BY sent_date, campaign_id"
  );
  const {window, ruleSet} = CAMPAIGN_PAGE_DEFAULTS;
  const set = RULE_SETS.find((s) => s.name === ruleSet)!;
  return JSON.stringify({
    asOf,
    settings,
    campaigns,
    groups: {options: {window}, rows: await queryRows<CampaignGroup>(db, campaignOutcomesSql({}))},
    segments: {
      options: {window, ruleSet},
      rows: await queryRows<CampaignGroup>(db, campaignOutcomesSql({segments: campaignSegmentsSql(campaigns, set)}))
    },
    // The built-in sample knows what each campaign really did: the page shows it beside the estimate.
    truth: info.sample?.campaigns ?? null
  });
});

/** loyalty.json: the tiers and moves under the configured rules (the what-if opens with them unedited). */
export const loyaltyReport = once("loyalty", async (): Promise<string> => {
  const {db, asOf} = await siteTables();
  const {config} = await loadConfig();
  const rules = loyaltyRules(config.loyalty);
  await db.run(`CREATE TEMP TABLE loyalty_customers AS ${loyaltyCustomersSql(asOf, rules)}`);
  const queries = loyaltyQueries("SELECT * FROM loyalty_customers");
  const results = Object.fromEntries(
    await Promise.all(Object.entries(queries).map(async ([name, sql]) => [name, await queryRows(db, sql)] as const))
  );
  return JSON.stringify({asOf, rules, prepared: {options: {edited: rules}, rows: [results]}});
});
