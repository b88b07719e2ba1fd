/**
 * Where the workbench takes its data from. The loaders read this file at build time.
 * Every build reads it again: no clean is needed after a change (README, Rebuilds are never stale).
 *
 * Environment overrides (for CI, benchmarks and tests):
 *   WORKBENCH_SAMPLE_CUSTOMERS  size of the built-in sample
 *   WORKBENCH_PSEUDONYM_KEY     secret key for customer pseudonyms (see README, Privacy)
 */
import type {WorkbenchConfig} from "./loaders/config.js";
import {DEFAULT_SAMPLE} from "./loaders/sources/synthetic/index.js";

const config: WorkbenchConfig = {
  source: {
    type: "sample",
    ...DEFAULT_SAMPLE,
    customers: Number(process.env.WORKBENCH_SAMPLE_CUSTOMERS ?? DEFAULT_SAMPLE.customers)
  },
  // The sample chain's campaign costs (per SMS, per redeemed coupon) and margin, for the campaign page's return.
  campaigns: {costPerContact: 0.1, offerCost: 15, margin: 0.45}
};

export default config;
