/**
 * The RFM explorer's inputs as scoring options: the threshold texts read and checked, scoring
 * falling back to quantiles while they have an error (the page says why), and the cheaper
 * activity source at the build date. Pure, so the page stays thin and tests can check that the
 * page's defaults give the key of the build-time results (rfm.json).
 */
import type {Filters} from "./sql.js";
import {type FilterColumn, type RfmOptions, type Thresholds, defaultThresholds} from "./rfm.js";
import {DEFAULT_RULE_SET} from "./rulesets.js";
import {parseThresholds} from "./thresholds.js";

export interface RfmPageInputs {
  /** The date picked (ISO) and the build's as-of date. */
  asOf: string;
  buildAsOf: string;
  method: "quantile" | "thresholds";
  scale: 3 | 5;
  /** The three threshold inputs as typed. */
  recency: string;
  frequency: string;
  monetary: string;
  filters: Filters<FilterColumn>;
}

/** The page's default inputs (the rule set select starts on the default rule set). */
export const RFM_PAGE_DEFAULTS = {method: "quantile", scale: 5, ruleSet: DEFAULT_RULE_SET.name} as const;

/** The page's inputs as it opens, for the build's as-of date. */
export function defaultRfmPageInputs(buildAsOf: string): RfmPageInputs {
  const {method, scale} = RFM_PAGE_DEFAULTS;
  return {asOf: buildAsOf, buildAsOf, method, scale, ...defaultThresholdTexts(scale), filters: {}};
}

/** The threshold inputs' default texts for a scale. */
export const defaultThresholdTexts = (scale: 3 | 5) => {
  const cuts = defaultThresholds(scale);
  return {recency: cuts.recency.join(", "), frequency: cuts.frequency.join(", "), monetary: cuts.monetary.join(", ")};
};

/** Scoring options for the inputs, and the threshold errors (empty when the texts read). */
export function rfmPageOptions(inputs: RfmPageInputs): {rfm: RfmOptions; thresholdErrors: string[]} {
  const count = inputs.scale - 1;
  const cuts = {
    recency: parseThresholds(inputs.recency, count, "recency"),
    frequency: parseThresholds(inputs.frequency, count, "frequency"),
    monetary: parseThresholds(inputs.monetary, count, "monetary")
  };
  const thresholdErrors = Object.values(cuts).filter((c): c is string => typeof c === "string");
  const ok = thresholdErrors.length === 0;
  return {
    rfm: {
      asOf: inputs.asOf,
      scale: inputs.scale,
      method: inputs.method === "thresholds" && ok ? "thresholds" : "quantile",
      thresholds: ok ? (cuts as Thresholds) : undefined,
      filters: inputs.filters,
      // At the build date the customer table already holds each customer's purchases: no day-level scan.
      activity: inputs.asOf === inputs.buildAsOf ? "customers" : "customer_day"
    },
    thresholdErrors: inputs.method === "thresholds" ? thresholdErrors : []
  };
}
