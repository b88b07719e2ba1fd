/**
 * The two rule sets the workbench ships, in the page-source format (see rules.ts).
 *
 * Standard RFM segments: a clean partition of the 1–5 R × F grid (M splits Champions from Loyal
 * and Can't Lose from At Risk), so every buyer lands in exactly one of the eleven segments and
 * each segment is reachable:
 *
 *          F=1            F=2-3               F=4-5
 *   R=5    New            Potential Loyalist  Champions (M≥4) / Loyal
 *   R=4    Promising      Potential Loyalist  Champions (M≥4) / Loyal
 *   R=3    About to Sleep Need Attention      Loyal
 *   R=2    Hibernating    Hib. (F=2) / At Risk (F=3)   Can't Lose (M≥4) / At Risk
 *   R=1    Lost           Lost (F=2) / At Risk (F=3)   Can't Lose (M≥4) / At Risk
 *
 * Clothing-store four types, over every customer on the master list (prospects included). Loyal
 * takes `high_value` (rules.ts), the site's high-value revenue, so the set holds in any currency.
 *
 * Each segment's one-line playbook is in the message catalogues (src/lib/messages/), in both
 * languages, keyed by the segment's name.
 */
import type {RfmOptions} from "./rfm.js";
import {parseRules, type Rule} from "./rules.js";

export interface RuleSet {
  name: string;
  /** Who the rules classify: buyers only (RFM scores need a purchase) or everyone. */
  population: "buyers" | "everyone";
  text: string;
}

export const STANDARD_RFM: RuleSet = {
  name: "Standard RFM segments",
  population: "buyers",
  text: `# Standard RFM segments (1-5 quantile scores); first match wins
Champions: r_score >= 4 AND f_score >= 4 AND m_score >= 4
Loyal: r_score >= 3 AND f_score >= 4
Potential Loyalist: r_score >= 4 AND f_score IN (2, 3)
New: r_score = 5 AND f_score = 1
Promising: r_score = 4 AND f_score = 1
Need Attention: r_score = 3 AND f_score IN (2, 3)
About to Sleep: r_score = 3 AND f_score = 1
Can't Lose: r_score <= 2 AND f_score >= 4 AND m_score >= 4
At Risk: r_score <= 2 AND f_score >= 3
Hibernating: r_score = 2 AND f_score <= 2
Lost: r_score = 1 AND f_score <= 2`
};

export const FOUR_TYPES: RuleSet = {
  name: "Clothing-store four types",
  population: "everyone",
  text: `# Clothing-store customer types; first match wins
churned: orders > 0 AND recency_days > 365
loyal: orders >= 4 AND revenue >= high_value AND recency_days <= 180
potential: orders = 0 OR (orders = 1 AND recency_days <= 180)
drifting: orders > 0`
};

export const RULE_SETS = [STANDARD_RFM, FOUR_TYPES];
/** The rule set report pages segment by unless the reader picks another. */
export const DEFAULT_RULE_SET = STANDARD_RFM;

/**
 * Scoring for report pages: 1–5 quantile scores as of the build date, read from the customer
 * table (no day-level scan), optionally for a filtered population.
 */
export function segmentOptions(asOf: string, filters: RfmOptions["filters"]): RfmOptions {
  return {asOf, scale: 5, method: "quantile", activity: "customers", filters};
}

/** The rules of a shipped set (they parse without errors; tested). */
export function rulesOf(set: RuleSet): Rule[] {
  return parseRules(set.text).rules;
}
