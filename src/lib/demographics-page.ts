/**
 * The demographics page's specs: the defaults of its inputs and the queries they drive. The page
 * takes its inputs' defaults from here and the report loader (loaders/reports.ts) prepares the
 * first paint for the same defaults, so the two cannot drift apart (see prepared-key.ts).
 */
import {type MixRow, type StoreRow, segmentedPopulationSql, segmentMixSql, storeComparisonSql} from "./crosstab.js";
import type {QuerySpec} from "./prepared-key.js";
import {DEFAULT_RULE_SET, RULE_SETS} from "./rulesets.js";

export interface DemographicsOptions {
  /** A rule set's name (RULE_SETS). */
  ruleSet: string;
  filters: {channel?: string[]};
}

export interface DemographicsSpecs {
  ageGender: QuerySpec<DemographicsOptions, MixRow>;
  regionTier: QuerySpec<DemographicsOptions, MixRow>;
  stores: QuerySpec<DemographicsOptions, StoreRow>;
}

export const DEMOGRAPHICS = (asOf: string): DemographicsSpecs => {
  const defaults: DemographicsOptions = {ruleSet: DEFAULT_RULE_SET.name, filters: {}};
  // Customers with their segment as of `asOf`, by the chosen rule set, within the filters.
  const segmented = ({ruleSet, filters}: DemographicsOptions) => {
    const set = RULE_SETS.find((s) => s.name === ruleSet);
    if (!set) throw new Error(`unknown rule set: ${ruleSet}`);
    return segmentedPopulationSql(asOf, filters, set);
  };
  return {
    ageGender: {defaults, sql: (o) => segmentMixSql(segmented(o), "age_band", "gender")},
    regionTier: {defaults, sql: (o) => segmentMixSql(segmented(o), "region", "city_tier")},
    stores: {defaults, sql: (o) => storeComparisonSql(segmented(o))}
  };
};
